import type { ApiContext } from '../api/context';
import { countAssets, listAssets, type AssetFilter, type Classification, type MediaType, type SortColumn } from '../../db/assets';
import { getProductionByCode } from '../../db/productions';
import { getToolByName } from '../../db/tools';
import { notFound } from '../api/envelope';
import { toAsset, type Asset } from './asset-json';

export interface ListRequest {
  production?: string;
  classification?: Classification;
  mediaType?: MediaType;
  tool?: string;
  artist?: string;
  from?: string; // YYYY-MM-DD inclusive
  to?: string; // YYYY-MM-DD inclusive
  search?: string;
  retired: 'include' | 'exclude' | 'only';
  sort: SortColumn;
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
}

/** Filters that later features (compliance outcome, ...) add to the asset list without touching this file. */
export type FilterExtension = (ctx: ApiContext, req: Record<string, unknown>) => { sql: string; params: unknown[] } | null;
const extensions: FilterExtension[] = [];
export function registerListFilter(ext: FilterExtension): void {
  extensions.push(ext);
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function toDbFilter(ctx: ApiContext, req: ListRequest & Record<string, unknown>): AssetFilter {
  const f: AssetFilter = { retired: req.retired };
  if (req.production) {
    const p = getProductionByCode(ctx.db, req.production);
    if (!p) throw notFound(`No production with code "${req.production}".`);
    f.productionId = p.id;
  }
  if (req.tool) {
    const t = getToolByName(ctx.db, req.tool);
    if (!t) throw notFound(`No AI tool named "${req.tool}".`);
    f.toolId = t.id;
  }
  if (req.classification) f.classification = req.classification;
  if (req.mediaType) f.mediaType = req.mediaType;
  if (req.artist) f.createdBy = req.artist;
  if (req.from) f.from = req.from;
  if (req.to) f.to = nextDay(req.to);
  if (req.search) f.search = req.search;
  f.extra = extensions.map((e) => e(ctx, req)).filter((e): e is { sql: string; params: unknown[] } => e !== null);
  return f;
}

export function listAssetPage(ctx: ApiContext, req: ListRequest & Record<string, unknown>): { total: number; rows: Asset[] } {
  const f = toDbFilter(ctx, req);
  const rows = listAssets(ctx.db, f, { sort: req.sort, direction: req.direction, offset: req.offset, limit: req.limit });
  return { total: countAssets(ctx.db, f), rows: rows.map(toAsset) };
}
