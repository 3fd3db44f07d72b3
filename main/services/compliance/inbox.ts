import type { ApiContext } from '../../api/context';
import { countAssets, getAsset, listAssets, outcomeCondition, type AssetFilter, type StoredOutcome } from '../../../db/assets';
import { assetOutcomeRow } from '../../../db/outcomes';
import { listPlannedUseRows, type PlannedUseRow } from '../../../db/planned-uses';
import type { Finding, Outcome } from '../../compliance';
import { requireProduction } from '../productions';
import { Assessor } from './assessor';
import { ensureOutcomesCurrent } from './pending';

/** Outcomes that wait for a written approval (or a change of facts). */
export const AWAITING: readonly StoredOutcome[] = ['blocked', 'escalate'];

export interface InboxItem {
  kind: 'asset' | 'use';
  id: number;
  production: string;
  /** File name of an asset, title of a planned use. */
  title: string;
  outcome: Outcome;
  classification: 'temporary' | 'deliverable';
  createdBy: string;
  createdAt: string;
  /** Findings no current approval covers: what the approval has to name. */
  openFindings: Finding[];
}

export interface Inbox {
  total: number;
  items: InboxItem[];
}

export interface InboxRequest {
  production?: string;
  outcomes?: readonly StoredOutcome[];
  offset: number;
  limit: number;
}

type Candidate = { kind: 'asset'; createdAt: string; id: number } | { kind: 'use'; createdAt: string; id: number; row: PlannedUseRow };

const oldestFirst = (a: Candidate, b: Candidate) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.kind === b.kind ? a.id - b.id : a.kind === 'use' ? -1 : 1;

/**
 * Assets (not retired) and planned uses awaiting approval, oldest first, each with its open findings. Each outcome
 * is read through the assets_by_outcome index in date order and merged, so a page stays cheap on a large log.
 */
export function listApprovalInbox(ctx: ApiContext, req: InboxRequest): Inbox {
  ensureOutcomesCurrent(ctx);
  const outcomes = req.outcomes ?? AWAITING;
  const production = req.production ? requireProduction(ctx, req.production) : undefined;
  const window = req.offset + req.limit;
  const candidates: Candidate[] = [];
  let total = 0;
  for (const outcome of outcomes) {
    const filter: AssetFilter = { productionId: production?.id, retired: 'exclude', extra: [outcomeCondition(outcome)] };
    total += countAssets(ctx.db, filter);
    for (const a of listAssets(ctx.db, filter, { sort: 'createdAt', direction: 'asc', offset: 0, limit: window })) {
      candidates.push({ kind: 'asset', id: a.id, createdAt: a.created_at });
    }
  }
  for (const u of listPlannedUseRows(ctx.db, production?.id)) {
    if (u.retired_at !== null || u.outcome === null || !outcomes.includes(u.outcome)) continue;
    total += 1;
    candidates.push({ kind: 'use', id: u.id, createdAt: u.created_at, row: u });
  }
  candidates.sort(oldestFirst);
  const assessor = new Assessor(ctx.db, ctx.now());
  const items = candidates.slice(req.offset, window).map((c): InboxItem => {
    if (c.kind === 'use') {
      const a = assessor.assessUse(c.row);
      return {
        kind: 'use', id: c.id, production: c.row.production_code, title: c.row.title, outcome: a.outcome,
        classification: c.row.classification, createdBy: c.row.created_by, createdAt: c.row.created_at,
        openFindings: a.findings.filter((f) => f.coveredBy.length === 0),
      };
    }
    const row = assetOutcomeRow(ctx.db, c.id)!;
    const a = assessor.assessAsset(row);
    const listed = getAsset(ctx.db, c.id)!;
    return {
      kind: 'asset', id: c.id, production: listed.production_code, title: listed.file_name, outcome: a.outcome,
      classification: listed.classification, createdBy: listed.created_by, createdAt: listed.created_at,
      openFindings: a.findings.filter((f) => f.coveredBy.length === 0),
    };
  });
  return { total, items };
}
