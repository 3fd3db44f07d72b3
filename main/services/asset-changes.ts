import type { ApiContext } from '../api/context';
import { conflict, invalid, notFound } from '../api/envelope';
import { inTransaction } from '../../db/connection';
import { getAsset, setAssetColumn, setClassification, setRetired, type AssetRow, type Classification, type EditableField } from '../../db/assets';
import { appendAssetEvent, listAssetEvents } from '../../db/asset-events';
import { getProductionById } from '../../db/productions';
import { toAsset, toHistoryEvent, type Asset, type HistoryEvent } from './asset-json';
import { requireTool } from './tools';
import { validateEpisode } from './log-assets';
import { assetChainRows, setAssetChainRows } from '../../db/asset-tools';
import { assetCompliance, type AssetCompliance } from './compliance/asset-compliance';
import { refreshAssetOutcomes } from './compliance/refresh';
import { chainRowsToStore } from './compliance/tool-chain';
import { assetIngestDetail, type AssetIngestDetail } from './ingest/asset-ingest';

/** One asset as the detail view and `genlog show` see it: the log entry, its compliance and its history. */
export type AssetDetail = Asset & AssetCompliance & AssetIngestDetail & { history: HistoryEvent[] };

export function requireAsset(ctx: ApiContext, id: number): AssetRow {
  const a = getAsset(ctx.db, id);
  if (!a) throw notFound(`No asset with id ${id}.`);
  return a;
}

function requireActive(a: AssetRow): void {
  if (a.retired_at) throw conflict(`Asset ${a.id} was retired on ${a.retired_at.slice(0, 10)} and can no longer be changed.`);
}

export function showAsset(ctx: ApiContext, id: number): AssetDetail {
  const a = requireAsset(ctx, id);
  return { ...toAsset(a), ...assetCompliance(ctx, a), ...assetIngestDetail(ctx, id), history: listAssetEvents(ctx.db, id).map(toHistoryEvent) };
}

/** A new primary tool takes the old one's place in a stated chain (an unstated chain follows it by itself). */
function replacePrimaryInChain(ctx: ApiContext, assetId: number, oldToolId: number | null, newToolId: number): void {
  const rows = assetChainRows(ctx.db, assetId);
  if (rows.length === 0) return;
  const swapped = rows.map((t) => (t === oldToolId ? newToolId : t));
  const chain = swapped.includes(newToolId) ? swapped : [newToolId, ...swapped];
  setAssetChainRows(ctx.db, assetId, chainRowsToStore(newToolId, chain.filter((t, i) => chain.indexOf(t) === i)));
}

export function markAsset(ctx: ApiContext, id: number, to: Classification, reason: string, by?: string): Asset {
  const a = requireAsset(ctx, id);
  requireActive(a);
  if (a.classification === to) throw conflict(`Asset ${id} is already ${to}.`);
  inTransaction(ctx.db, () => {
    setClassification(ctx.db, id, to);
    appendAssetEvent(ctx.db, {
      assetId: id, at: ctx.now().toISOString(), by: by ?? ctx.actor(), action: 'classified',
      field: 'classification', from: a.classification, to, reason,
    });
    refreshAssetOutcomes(ctx, [id]);
  });
  return toAsset(getAsset(ctx.db, id)!);
}

export function retireAsset(ctx: ApiContext, id: number, reason: string, by?: string): Asset {
  const a = requireAsset(ctx, id);
  requireActive(a);
  const at = ctx.now().toISOString();
  inTransaction(ctx.db, () => {
    setRetired(ctx.db, id, at, reason);
    appendAssetEvent(ctx.db, { assetId: id, at, by: by ?? ctx.actor(), action: 'retired', field: 'retired', from: 'false', to: 'true', reason });
  });
  return toAsset(getAsset(ctx.db, id)!);
}

export interface AssetEdits {
  episode?: string;
  prompt?: string;
  notes?: string;
  tool?: string;
  fileName?: string;
}

/** Applies edits as one change: every field that really changed gets its own history event, or none do. */
export function editAsset(ctx: ApiContext, id: number, edits: AssetEdits, by?: string, reason?: string): Asset {
  const a = requireAsset(ctx, id);
  requireActive(a);
  const changes: { field: EditableField; column: keyof AssetRow; from: string; to: string; value: string | number | null }[] = [];
  if (edits.episode !== undefined && edits.episode !== a.episode) {
    const p = getProductionById(ctx.db, a.production_id)!;
    validateEpisode(JSON.parse(p.episodes) as string[], edits.episode, p.code);
    changes.push({ field: 'episode', column: 'episode', from: a.episode, to: edits.episode, value: edits.episode });
  }
  if (edits.prompt !== undefined && edits.prompt !== a.prompt)
    changes.push({ field: 'prompt', column: 'prompt', from: a.prompt, to: edits.prompt, value: edits.prompt });
  if (edits.notes !== undefined && edits.notes !== a.notes)
    changes.push({ field: 'notes', column: 'notes', from: a.notes, to: edits.notes, value: edits.notes });
  if (edits.fileName !== undefined && edits.fileName !== a.file_name) {
    if (!edits.fileName.trim()) throw invalid('fileName cannot be empty.');
    changes.push({ field: 'fileName', column: 'file_name', from: a.file_name, to: edits.fileName, value: edits.fileName });
  }
  if (edits.tool !== undefined && edits.tool !== a.tool_name) {
    const t = requireTool(ctx, edits.tool);
    if (t.id !== a.tool_id) changes.push({ field: 'toolId', column: 'tool_id', from: a.tool_name ?? '', to: t.name, value: t.id });
  }
  if (changes.length === 0) return toAsset(a);
  const at = ctx.now().toISOString();
  inTransaction(ctx.db, () => {
    for (const c of changes) {
      if (c.field === 'toolId') replacePrimaryInChain(ctx, id, a.tool_id, c.value as number);
      setAssetColumn(ctx.db, id, c.field, c.value);
      appendAssetEvent(ctx.db, {
        assetId: id, at, by: by ?? ctx.actor(), action: 'edited',
        field: c.field === 'toolId' ? 'tool' : c.field, from: c.from, to: c.to, reason: reason ?? null,
      });
    }
    if (changes.some((c) => c.field === 'toolId')) refreshAssetOutcomes(ctx, [id]);
  });
  return toAsset(getAsset(ctx.db, id)!);
}
