import { stat } from 'node:fs/promises';
import type { ApiContext } from '../../api/context';
import { conflict, invalid, notFound } from '../../api/envelope';
import { inTransaction } from '../../../db/connection';
import type { Classification } from '../../../db/assets';
import { countInboxItems, decideInboxItem, getInboxItem, highestInboxId, laterInboxItemAt, listInboxItems, reopenInboxItem, settleLoggedDrafts, type InboxRow, type InboxStatus } from '../../../db/inbox';
import { listTools } from '../../../db/tools';
import { getWatchFolder } from '../../../db/watch-folders';
import { mtimeKey } from '../../../db/file-index';
import { matchTool } from '../../provenance';
import type { FactsUpdate } from '../compliance/facts-input';
import type { LoggedAsset } from '../log-assets';
import { rowFiles, rowFrames, rowRecord, toInboxDetail, toInboxItem, type InboxItem, type InboxItemDetail, type InboxPrefill } from './inbox-json';
import { logPrepared, resolveTarget, toolFor, type LogDefaults } from './log-prepared';
import { queueThumbnails } from './thumbnails';
import { nextStep } from '../../api/next-step';
import { withLateSidecar } from './sidecar-drafts';

export interface InboxPage {
  total: number;
  rows: InboxItem[];
}

/** The tool list now: a pending draft's named tool is matched against it, not against the list when it was found. */
function toolNames(ctx: ApiContext): string[] {
  return listTools(ctx.db).map((t) => t.name);
}

export function listInbox(ctx: ApiContext, q: { status: InboxStatus | 'all'; limit: number; offset: number }): InboxPage {
  const tools = toolNames(ctx);
  return { total: countInboxItems(ctx.db, q.status), rows: listInboxItems(ctx.db, q.status, q.limit, q.offset).map((r) => toInboxItem(r, tools)) };
}

function requireInboxRow(ctx: ApiContext, id: number): InboxRow {
  const r = getInboxItem(ctx.db, id);
  // Ids are never reused (migration 0005), so a gone id never silently names another file; one that existed was a
  // waiting item taken out (its files went) or replaced (a file of it changed, or a frame went).
  if (!r) {
    const replaced = id <= highestInboxId(ctx.db)
      ? ' (a waiting item is taken out when its files are deleted or renamed, and replaced by a new one, with a new id, when one of its files changes or a frame of it goes)'
      : '';
    throw notFound(`No inbox item with id ${id}${replaced}.`);
  }
  return r;
}

function requirePending(r: InboxRow): void {
  if (r.status === 'pending') return;
  const how = r.status === 'confirmed' ? `confirmed as asset ${r.asset_id}` : 'dismissed';
  throw conflict(`Inbox item ${r.id} was already ${how} on ${(r.decided_at ?? '').slice(0, 10)} by ${r.decided_by}.`);
}

export function getInboxDetail(ctx: ApiContext, id: number): InboxItemDetail {
  return toInboxDetail(requireInboxRow(ctx, id), toolNames(ctx));
}

/** What the artist may change when confirming; everything omitted comes from the watch folder and the file. */
export interface InboxConfirmation {
  id: number;
  production?: string;
  tool?: string;
  by?: string;
  prompt?: string;
  notes?: string;
  episode?: string;
  classification?: Classification;
  /** null: no planned use, even when the watch folder names one. */
  use?: number | null;
  facts?: FactsUpdate;
  tools?: string[];
  /** Who decided (default: `by` when given, else the person using GenLog); the folder's artist made the file, not the decision. */
  decidedBy?: string;
}

/** The files must still be the versions that were found, or the log would vouch for content nobody saw. */
async function requireUnchanged(ctx: ApiContext, r: InboxRow): Promise<void> {
  for (const f of rowFiles(r)) {
    const s = await stat(f.path).catch(() => null);
    if (!s) throw conflict(`${f.path} is gone (moved or deleted) since it was found; dismiss inbox item ${r.id}.`);
    if (s.size !== f.size || mtimeKey(s.mtimeMs) !== f.mtimeMs) {
      // Only a folder still watched brings the new version back by itself.
      const watched = r.watch_id !== null && getWatchFolder(ctx.db, r.watch_id)?.enabled === 1;
      const next = watched ? 'the new version arrives as a new inbox item'
        : `its folder is no longer watched, so log the new version ${nextStep(ctx, { cli: 'with genlog log', app: 'with Log a folder…' })}`;
      throw conflict(`${f.path} has changed since it was found; ${next}. Dismiss item ${r.id}.`);
    }
  }
}

export interface ConfirmedInboxItem {
  item: InboxItem;
  /** The logged asset; `duplicate` when the content was already in the log (the existing asset is returned). */
  asset: LoggedAsset;
}

/** Logs a pending inbox item through the normal logging path, with the artist's edits, and marks it confirmed. */
export async function confirmInbox(ctx: ApiContext, c: InboxConfirmation): Promise<ConfirmedInboxItem> {
  const row = requireInboxRow(ctx, c.id);
  requirePending(row);
  const prefill = JSON.parse(row.prefill) as InboxPrefill;
  const defaults: LogDefaults = {
    production: c.production ?? prefill.production,
    tool: c.tool ?? prefill.tool ?? undefined,
    by: c.by ?? prefill.artist ?? undefined,
    prompt: c.prompt ?? '',
    notes: c.notes ?? '',
    episode: c.episode ?? '',
    // A planned use chosen now brings its own classification unless one is given.
    classification: c.classification ?? (typeof c.use === 'number' ? undefined : prefill.classification),
    use: c.use === null ? undefined : c.use ?? prefill.plannedUseId ?? undefined,
    facts: c.facts,
    tools: c.tools,
  };
  const target = resolveTarget(ctx, defaults);
  const record = await withLateSidecar(row, rowRecord(row));
  const named = (record && matchTool(record, toolNames(ctx))) ?? prefill.matchedTool;
  const tool = toolFor(ctx, target, named);
  if (!tool) {
    const how = nextStep(ctx, { cli: 'Confirm it with a tool (--tool NAME).', app: 'Choose its AI tool, then confirm it.' });
    throw invalid(`Inbox item ${row.id} needs a tool: its watch folder sets none and the file names no tool in the tool list. ${how}`);
  }
  await requireUnchanged(ctx, row);
  const frames = rowFrames(row);
  const first = frames[0];
  const last = frames[frames.length - 1];
  const asset = inTransaction(ctx.db, () => {
    const [logged] = logPrepared(ctx, target, [{
      fileName: row.file_name,
      path: row.path,
      sha256: row.sha256,
      size: row.size,
      mediaType: row.media_type,
      toolId: tool.id,
      prefill: { prompt: prefill.prompt, notes: prefill.notes, createdAt: prefill.createdAt },
      ingest: {
        provenance: record,
        ...(row.kind === 'sequence' && first && last
          ? { sequence: { first: first.frame, last: last.frame, frames: frames.map(({ frame, fileName, sha256, size }) => ({ frame, fileName, sha256, size })) } }
          : {}),
      },
    }]);
    if (!logged) throw new Error(`Internal error: inbox item ${row.id} was not logged`);
    const by = c.decidedBy ?? c.by ?? ctx.actor();
    decideInboxItem(ctx.db, row.id, 'confirmed', logged.id, ctx.now().toISOString(), by);
    // The same content drafted again elsewhere (a copy in another watched folder) is decided with it, by the same person.
    settleLoggedDrafts(ctx.db, { at: ctx.now().toISOString(), by, assetIds: [logged.id] });
    return logged;
  });
  if (!asset.duplicate && asset.mediaType === 'image') {
    queueThumbnails(ctx, [{ assetId: asset.id, sha256: asset.sha256, source: rowFiles(row)[0]?.path ?? row.path }]);
  }
  return { item: toInboxItem(requireInboxRow(ctx, row.id)), asset };
}

/**
 * A dismissed item back in the inbox, waiting to be confirmed or dismissed again (a dismissal made by mistake). Only
 * the newest item of its path: a later version of the file, or a later draft of its sequence, is the one to decide.
 * Confirming it checks, as always, that the file is still the one drafted.
 */
export function reopenInbox(ctx: ApiContext, id: number): InboxItem {
  const row = requireInboxRow(ctx, id);
  if (row.status !== 'dismissed') {
    throw conflict(row.status === 'pending' ? `Inbox item ${id} is waiting already.` : `Inbox item ${id} was confirmed as asset ${row.asset_id}; only a dismissed item goes back to the inbox.`);
  }
  const later = laterInboxItemAt(ctx.db, row.path, id);
  if (later) {
    throw conflict(`Inbox item ${id} cannot go back to the inbox: ${later.status === 'pending' ? 'a later version of it is waiting' : `a later version of it was ${later.status}`} as item ${later.id}, which is the one to decide.`);
  }
  reopenInboxItem(ctx.db, id);
  return toInboxItem(requireInboxRow(ctx, id), toolNames(ctx));
}

/** Keeps the item as dismissed (never deleted): the same content at that path is not offered again. */
export function dismissInbox(ctx: ApiContext, id: number, by?: string): InboxItem {
  const row = requireInboxRow(ctx, id);
  requirePending(row);
  decideInboxItem(ctx.db, id, 'dismissed', null, ctx.now().toISOString(), by ?? ctx.actor());
  return toInboxItem(requireInboxRow(ctx, id));
}
