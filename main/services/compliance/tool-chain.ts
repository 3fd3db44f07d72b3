import type { Db } from '../../../db/connection';
import { getToolById, getToolByName, type ToolRow } from '../../../db/tools';
import { assetChainRows } from '../../../db/asset-tools';
import type { ToolTerms } from '../../compliance';
import type { ApiContext } from '../../api/context';
import { notFound } from '../../api/envelope';
import { addToolStep } from '../tools';

export function toolTerms(t: ToolRow): ToolTerms {
  return { name: t.name, hosting: t.hosting, enterprise: t.enterprise, trainsOnInputs: t.trains_on_inputs, retainsData: t.retains_data };
}

/** Tools named in a chain, in order, each once; every unknown name is reported in one message. */
export function requireTools(ctx: ApiContext, names: readonly string[]): ToolRow[] {
  const found: ToolRow[] = [];
  const unknown: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (!name) continue;
    const t = getToolByName(ctx.db, name);
    if (!t) unknown.push(name);
    else if (!found.some((f) => f.id === t.id)) found.push(t);
  }
  if (unknown.length > 0) {
    const listed = unknown.map((n) => `"${n}"`).join(', ');
    throw notFound(`No AI tool named ${listed} in the tool list. Add it first (${addToolStep(ctx)}) or check the spelling.`);
  }
  return found;
}

/** The chain an asset was made with: its stored chain, else just its primary tool. */
export function assetChainIds(db: Db, asset: { id: number; tool_id: number | null }): number[] {
  const rows = assetChainRows(db, asset.id);
  if (rows.length > 0) return rows;
  return asset.tool_id === null ? [] : [asset.tool_id];
}

/** A chain that always includes the tool the asset was logged with: first, when the given chain lacks it. */
export function chainWithPrimary(primaryId: number | null, chain: readonly number[]): number[] {
  if (primaryId === null || chain.includes(primaryId)) return [...chain];
  return [primaryId, ...chain];
}

/** What to store in asset_tools: nothing when the chain is just the primary tool. */
export function chainRowsToStore(primaryId: number | null, chain: readonly number[]): number[] {
  return chain.length === 1 && chain[0] === primaryId ? [] : [...chain];
}

export function toolNames(db: Db, ids: readonly number[]): string[] {
  return ids.map((id) => getToolById(db, id)?.name ?? `#${id}`);
}
