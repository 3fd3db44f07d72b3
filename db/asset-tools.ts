import type { Db } from './connection';
import { stmt } from './statements';

/**
 * An asset's tool chain. With no rows the chain is just the asset's primary tool (assets.tool_id), which keeps
 * bulk logging to one row per asset; when rows exist they are the whole chain, position 0 first.
 */
export function assetChainRows(db: Db, assetId: number): number[] {
  return stmt<[number], { tool_id: number }>(db, 'SELECT tool_id FROM asset_tools WHERE asset_id = ? ORDER BY position')
    .all(assetId).map((r) => r.tool_id);
}

/** Replaces the stored chain; an empty list means "just the primary tool". */
export function setAssetChainRows(db: Db, assetId: number, toolIds: readonly number[]): void {
  stmt(db, 'DELETE FROM asset_tools WHERE asset_id = ?').run(assetId);
  const add = stmt(db, 'INSERT INTO asset_tools (asset_id, position, tool_id) VALUES (?, ?, ?)');
  toolIds.forEach((toolId, position) => add.run(assetId, position, toolId));
}

/** Gives every just-logged asset (none has chain rows yet) the same stored chain, with one statement. */
export function addChainRowsToNewAssets(db: Db, assetIds: readonly number[], toolIds: readonly number[]): void {
  if (assetIds.length === 0 || toolIds.length === 0) return;
  stmt(db, `INSERT INTO asset_tools (asset_id, position, tool_id)
    SELECT a.value, c.key, c.value FROM json_each(?) a, json_each(?) c`).run(JSON.stringify(assetIds), JSON.stringify(toolIds));
}

/** Assets whose chain includes the tool: as their primary tool with no chain rows, or anywhere in their chain. */
export function assetsUsingTool(db: Db, toolId: number): number[] {
  return stmt<[number, number], { id: number }>(db, `
    SELECT a.id FROM assets a WHERE a.tool_id = ? AND NOT EXISTS (SELECT 1 FROM asset_tools t WHERE t.asset_id = a.id)
    UNION SELECT asset_id FROM asset_tools WHERE tool_id = ?`).all(toolId, toolId).map((r) => r.id);
}
