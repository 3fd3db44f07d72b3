import type { ApiContext } from '../../api/context';
import { countAssets, listAssets, type AssetFilter, type AssetRow } from '../../../db/assets';
import { listProductions, type ProductionRow } from '../../../db/productions';
import { toAsset, type Asset } from '../asset-json';
import { requireProduction } from '../productions';
import { DAY_MS } from './dates';

export type StaleAsset = Asset & { ageDays: number; staleDays: number };

export interface StaleList {
  total: number;
  items: StaleAsset[];
}

function staleFilter(ctx: ApiContext, p: ProductionRow): AssetFilter {
  const cutoff = new Date(ctx.now().getTime() - p.stale_days * DAY_MS).toISOString();
  return { productionId: p.id, classification: 'temporary', retired: 'exclude', to: cutoff, extra: [] };
}

/**
 * Temporary assets that have outlived their production's review period (stale_days): not retired, logged more than
 * that many days ago. Oldest first, across productions.
 */
export function listStaleTemporaries(ctx: ApiContext, req: { production?: string; limit: number }): StaleList {
  const productions = req.production ? [requireProduction(ctx, req.production)] : listProductions(ctx.db);
  let total = 0;
  const found: { row: AssetRow; staleDays: number }[] = [];
  for (const p of productions) {
    const filter = staleFilter(ctx, p);
    total += countAssets(ctx.db, filter);
    for (const row of listAssets(ctx.db, filter, { sort: 'createdAt', direction: 'asc', offset: 0, limit: req.limit })) {
      found.push({ row, staleDays: p.stale_days });
    }
  }
  found.sort((a, b) => (a.row.created_at < b.row.created_at ? -1 : a.row.created_at > b.row.created_at ? 1 : a.row.id - b.row.id));
  const now = ctx.now().getTime();
  return {
    total,
    items: found.slice(0, req.limit).map(({ row, staleDays }) => ({
      ...toAsset(row),
      ageDays: Math.floor((now - Date.parse(row.created_at)) / DAY_MS),
      staleDays,
    })),
  };
}
