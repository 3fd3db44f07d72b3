import type { ApiContext } from '../api/context';
import { conflict, notFound } from '../api/envelope';
import { getToolById, getToolByName, insertTool, listTools, updateTool, type NewTool, type ToolRow } from '../../db/tools';
import { inTransaction } from '../../db/connection';
import { assetsUsingTool } from '../../db/asset-tools';
import { usesUsingTool } from '../../db/planned-uses';
import { Assessor } from './compliance/assessor';
import { refreshAssetOutcomes, refreshUseOutcomes } from './compliance/refresh';
import { nextStep } from '../api/next-step';

/** How to add a tool to the tool list, for a message. */
export function addToolStep(ctx: Pick<ApiContext, 'transport'>): string {
  return nextStep(ctx, { cli: 'genlog tool add', app: 'AI tools page' });
}

export interface Tool {
  id: number;
  name: string;
  vendor: string;
  version: string;
  hosting: ToolRow['hosting'];
  enterprise: ToolRow['enterprise'];
  trainsOnInputs: ToolRow['trains_on_inputs'];
  retainsData: ToolRow['retains_data'];
  notes: string;
  createdAt: string;
}

export function toTool(r: ToolRow): Tool {
  return {
    id: r.id,
    name: r.name,
    vendor: r.vendor,
    version: r.version,
    hosting: r.hosting,
    enterprise: r.enterprise,
    trainsOnInputs: r.trains_on_inputs,
    retainsData: r.retains_data,
    notes: r.notes,
    createdAt: r.created_at,
  };
}

export function requireTool(ctx: ApiContext, name: string): ToolRow {
  const t = getToolByName(ctx.db, name);
  if (!t) throw notFound(`No AI tool named "${name}" in the tool list. Add it first (${addToolStep(ctx)}) or check the spelling.`);
  return t;
}

export function addTool(ctx: ApiContext, input: NewTool): Tool {
  if (getToolByName(ctx.db, input.name)) throw conflict(`A tool named "${input.name}" already exists.`);
  const id = insertTool(ctx.db, input, ctx.now().toISOString());
  return toTool(getToolById(ctx.db, id)!);
}

/** Whether a change touches what the rule engine judges a tool on (P2, P3, blocked data rules). */
function termsChanged(old: ToolRow, next: NewTool): boolean {
  return old.hosting !== next.hosting || old.enterprise !== next.enterprise ||
    old.trains_on_inputs !== next.trainsOnInputs || old.retains_data !== next.retainsData;
}

/** Saves the tool; when its terms change, every asset and planned use made with it is re-judged in the same transaction. */
export function editTool(ctx: ApiContext, id: number, input: NewTool): Tool {
  const old = getToolById(ctx.db, id);
  if (!old) throw notFound(`No tool with id ${id}.`);
  const clash = getToolByName(ctx.db, input.name);
  if (clash && clash.id !== id) throw conflict(`A tool named "${input.name}" already exists.`);
  inTransaction(ctx.db, () => {
    updateTool(ctx.db, id, input);
    if (termsChanged(old, input)) {
      const assessor = new Assessor(ctx.db, ctx.now());
      refreshAssetOutcomes(ctx, assetsUsingTool(ctx.db, id), assessor);
      refreshUseOutcomes(ctx, usesUsingTool(ctx.db, id), assessor);
    }
  });
  return toTool(getToolById(ctx.db, id)!);
}

export function allTools(ctx: ApiContext): Tool[] {
  return listTools(ctx.db).map(toTool);
}
