import type { ApiContext } from '../../api/context';
import { invalid, notFound } from '../../api/envelope';
import { inTransaction } from '../../../db/connection';
import type { Classification } from '../../../db/assets';
import { appendEvent, listEvents } from '../../../db/events';
import {
  getPlannedUseRow,
  insertPlannedUse,
  listPlannedUseRows,
  setPlannedUseClassification,
  setPlannedUseFacts,
  setUseChainRows,
  useChainRows,
  type PlannedUseRow,
} from '../../../db/planned-uses';
import { setUseOutcome } from '../../../db/outcomes';
import { FACT_KEYS, defaultFacts, findPreset, presetFacts, type Assessment, type Facts, type Outcome } from '../../compliance';
import { requireProduction } from '../productions';
import type { HistoryEvent } from '../asset-json';
import { eventJson } from './events';
import { Assessor } from './assessor';
import { factText, factsJson, storedFacts, updatedFacts, type FactsUpdate } from './facts-input';
import { requireTools, toolNames } from './tool-chain';

/** A use disclosed before any asset exists. Key names are part of the CLI contract: add, never rename. */
export interface PlannedUse {
  id: number;
  production: string;
  title: string;
  department: string;
  description: string;
  preset: string | null;
  classification: Classification;
  facts: Facts;
  tools: string[];
  outcome: Outcome | null;
  /** How many assets were logged against it. */
  assets: number;
  createdBy: string;
  createdAt: string;
}

export type PlannedUseDetail = PlannedUse & { assessment: Assessment; history: HistoryEvent[] };

export interface PlannedUseInput {
  production: string;
  title: string;
  department?: string;
  description?: string;
  preset?: string;
  classification?: Classification;
  facts?: FactsUpdate;
  tools?: string[];
  by?: string;
}

export interface PlannedUseChange {
  id: number;
  facts?: FactsUpdate;
  tools?: string[];
  classification?: Classification;
  by?: string;
  reason?: string;
}

export function toPlannedUse(ctx: ApiContext, r: PlannedUseRow): PlannedUse {
  return {
    id: r.id,
    production: r.production_code,
    title: r.title,
    department: r.department,
    description: r.description,
    preset: r.preset,
    classification: r.classification,
    facts: storedFacts(r.facts),
    tools: toolNames(ctx.db, useChainRows(ctx.db, r.id)),
    outcome: r.outcome,
    assets: r.asset_count,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

export function requirePlannedUse(ctx: ApiContext, id: number): PlannedUseRow {
  const row = getPlannedUseRow(ctx.db, id);
  if (!row) throw notFound(`No planned use with id ${id}.`);
  return row;
}

function presetOf(id: string | undefined) {
  if (id === undefined) return undefined;
  try {
    return findPreset(id);
  } catch (err) {
    throw invalid((err as Error).message);
  }
}

export function addPlannedUse(ctx: ApiContext, input: PlannedUseInput): PlannedUse {
  const production = requireProduction(ctx, input.production);
  const preset = presetOf(input.preset);
  const facts = updatedFacts(preset ? presetFacts(preset.id) : defaultFacts(), input.facts);
  const chain = requireTools(ctx, input.tools ?? []).map((t) => t.id);
  const classification = input.classification ?? preset?.classification ?? 'temporary';
  const by = input.by ?? ctx.actor();
  const at = ctx.now().toISOString();
  const id = inTransaction(ctx.db, () => {
    const useId = insertPlannedUse(ctx.db, {
      productionId: production.id, title: input.title, department: input.department ?? '', description: input.description ?? '',
      preset: preset?.id ?? null, classification, facts: factsJson(facts), outcome: null, createdBy: by, createdAt: at,
    });
    setUseChainRows(ctx.db, useId, chain);
    setUseOutcome(ctx.db, useId, new Assessor(ctx.db, ctx.now()).assessUse(getPlannedUseRow(ctx.db, useId)!).outcome);
    appendEvent(ctx.db, { entity: 'planned_use', entityId: useId, at, by, action: 'added', to: input.title, reason: preset ? `preset ${preset.id}` : null });
    return useId;
  });
  return toPlannedUse(ctx, getPlannedUseRow(ctx.db, id)!);
}

export function listPlannedUses(ctx: ApiContext, filter: { production?: string }): PlannedUse[] {
  const productionId = filter.production ? requireProduction(ctx, filter.production).id : undefined;
  return listPlannedUseRows(ctx.db, productionId).map((r) => toPlannedUse(ctx, r));
}

export function assessPlannedUseRow(ctx: ApiContext, row: PlannedUseRow): Assessment {
  return new Assessor(ctx.db, ctx.now()).assessUse(row);
}

export function getPlannedUse(ctx: ApiContext, id: number): PlannedUseDetail {
  const row = requirePlannedUse(ctx, id);
  return {
    ...toPlannedUse(ctx, row),
    assessment: assessPlannedUseRow(ctx, row),
    history: listEvents(ctx.db, 'planned_use', id).map(eventJson),
  };
}

/** Re-runs the rule engine, stores the outcome if it drifted, and returns the full assessment. */
export function assessPlannedUse(ctx: ApiContext, id: number): Assessment & { id: number; title: string; production: string } {
  const row = requirePlannedUse(ctx, id);
  const assessment = assessPlannedUseRow(ctx, row);
  if (assessment.outcome !== row.outcome) setUseOutcome(ctx.db, id, assessment.outcome);
  return { id, title: row.title, production: row.production_code, ...assessment };
}

/** Changes facts, tools and classification as one change, with a history event per field that really changed. */
export function changePlannedUse(ctx: ApiContext, change: PlannedUseChange): PlannedUseDetail {
  const row = requirePlannedUse(ctx, change.id);
  const before = storedFacts(row.facts);
  const after = updatedFacts(before, change.facts);
  const oldChain = useChainRows(ctx.db, row.id);
  const newChain = change.tools === undefined ? oldChain : requireTools(ctx, change.tools).map((t) => t.id);
  const by = change.by ?? ctx.actor();
  const at = ctx.now().toISOString();
  const event = (action: string, field: string, from: string, to: string) =>
    appendEvent(ctx.db, { entity: 'planned_use', entityId: row.id, at, by, action, field, from, to, reason: change.reason ?? null });
  inTransaction(ctx.db, () => {
    for (const key of FACT_KEYS) {
      const [from, to] = [factText(before[key]), factText(after[key])];
      if (from !== to) event('facts', `facts.${key}`, from, to);
    }
    setPlannedUseFacts(ctx.db, row.id, factsJson(after));
    if (newChain.join(',') !== oldChain.join(',')) {
      event('facts', 'tools', toolNames(ctx.db, oldChain).join(', '), toolNames(ctx.db, newChain).join(', '));
      setUseChainRows(ctx.db, row.id, newChain);
    }
    if (change.classification !== undefined && change.classification !== row.classification) {
      event('classified', 'classification', row.classification, change.classification);
      setPlannedUseClassification(ctx.db, row.id, change.classification);
    }
    const { outcome } = new Assessor(ctx.db, ctx.now()).assessUse(getPlannedUseRow(ctx.db, row.id)!);
    if (outcome !== row.outcome) setUseOutcome(ctx.db, row.id, outcome);
  });
  return getPlannedUse(ctx, row.id);
}
