import type { Db } from './connection';
import type { MediaType } from './assets';
import { stmt } from './statements';

export type InboxStatus = 'pending' | 'confirmed' | 'dismissed';

export interface InboxRow {
  id: number;
  watch_id: number | null;
  kind: 'file' | 'sequence';
  /** The file, or for a sequence its folder joined with the frame pattern ("/r/shot.####.exr"). */
  path: string;
  file_name: string;
  size: number;
  mtime_ms: number;
  sha256: string;
  media_type: MediaType;
  /** JSON InboxFrame[] for a sequence. */
  frames: string | null;
  /** JSON ProvenanceRecord. */
  provenance: string | null;
  /** JSON: the defaults and what the file said, used when the item is confirmed. */
  prefill: string;
  status: InboxStatus;
  asset_id: number | null;
  found_at: string;
  decided_at: string | null;
  decided_by: string | null;
  /** The tool of the asset it was confirmed as (the artist may have chosen another than the defaults'). */
  asset_tool: string | null;
  /** The production of that asset (confirming may name another than the watch folder's). */
  asset_production: string | null;
}

/** Inbox rows with the confirmed asset's tool and production. */
const SELECT_INBOX = `SELECT i.*, t.name AS asset_tool, p.code AS asset_production FROM inbox i
  LEFT JOIN assets a ON a.id = i.asset_id LEFT JOIN tools t ON t.id = a.tool_id LEFT JOIN productions p ON p.id = a.production_id`;

export interface NewInboxItem {
  watchId: number | null;
  kind: 'file' | 'sequence';
  path: string;
  fileName: string;
  size: number;
  mtimeMs: number;
  sha256: string;
  mediaType: MediaType;
  frames: string | null;
  provenance: string | null;
  prefill: string;
  foundAt: string;
}

/** Adds a draft; a file version already in the inbox (same path, size and mtime) is not added twice. */
export function insertInboxItem(db: Db, i: NewInboxItem): number | null {
  const r = stmt(db, `INSERT INTO inbox (watch_id, kind, path, file_name, size, mtime_ms, sha256, media_type, frames, provenance,
    prefill, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (path, size, mtime_ms) DO NOTHING`)
    .run(i.watchId, i.kind, i.path, i.fileName, i.size, i.mtimeMs, i.sha256, i.mediaType, i.frames, i.provenance, i.prefill, i.foundAt);
  return r.changes > 0 ? Number(r.lastInsertRowid) : null;
}

/** The highest id ever handed out (ids are never reused), 0 before the first. */
export function highestInboxId(db: Db): number {
  return stmt<[], { seq: number }>(db, "SELECT seq FROM sqlite_sequence WHERE name = 'inbox'").get()?.seq ?? 0;
}

export function getInboxItem(db: Db, id: number): InboxRow | undefined {
  return stmt<[number], InboxRow>(db, `${SELECT_INBOX} WHERE i.id = ?`).get(id);
}

export function listInboxItems(db: Db, status: InboxStatus | 'all', limit: number, offset: number): InboxRow[] {
  if (status === 'all') return stmt<[number, number], InboxRow>(db, `${SELECT_INBOX} ORDER BY i.id DESC LIMIT ? OFFSET ?`).all(limit, offset);
  return stmt<[string, number, number], InboxRow>(db, `${SELECT_INBOX} WHERE i.status = ? ORDER BY i.id DESC LIMIT ? OFFSET ?`)
    .all(status, limit, offset);
}

export function countInboxItems(db: Db, status: InboxStatus | 'all'): number {
  if (status === 'all') return stmt<[], { n: number }>(db, 'SELECT count(*) AS n FROM inbox').get()!.n;
  return stmt<[string], { n: number }>(db, 'SELECT count(*) AS n FROM inbox WHERE status = ?').get(status)!.n;
}

/** Pending drafts per watch folder (watch id to count; folders with none are absent). */
export function countPendingByWatch(db: Db): Map<number, number> {
  const rows = stmt<[], { watch_id: number; n: number }>(db,
    "SELECT watch_id, count(*) AS n FROM inbox WHERE status = 'pending' AND watch_id IS NOT NULL GROUP BY watch_id").all();
  return new Map(rows.map((r) => [r.watch_id, r.n]));
}

/** Pending drafts follow a production's new code (their prefill names the production by code). */
export function renamePendingProduction(db: Db, from: string, to: string): void {
  stmt<[string, string], never>(db,
    "UPDATE inbox SET prefill = json_set(prefill, '$.production', ?) WHERE status = 'pending' AND json_extract(prefill, '$.production') = ?")
    .run(to, from);
}

/** Every inbox row of a watch (what a catch-up scan must not report again). */
export function watchInboxItems(db: Db, watchId: number): InboxRow[] {
  return stmt<[number], InboxRow>(db, `${SELECT_INBOX} WHERE i.watch_id = ?`).all(watchId);
}

export function decideInboxItem(db: Db, id: number, status: Exclude<InboxStatus, 'pending'>, assetId: number | null, at: string, by: string): void {
  stmt(db, "UPDATE inbox SET status = ?, asset_id = ?, decided_at = ?, decided_by = ? WHERE id = ? AND status = 'pending'")
    .run(status, assetId, at, by, id);
}

/** A dismissed item waiting again, undecided; only a dismissed one changes. */
export function reopenInboxItem(db: Db, id: number): void {
  stmt(db, "UPDATE inbox SET status = 'pending', decided_at = NULL, decided_by = NULL WHERE id = ? AND status = 'dismissed'").run(id);
}

/** The first item found at `path` after item `id` (a later version of the file, or a later draft of the sequence). */
export function laterInboxItemAt(db: Db, path: string, id: number): InboxRow | undefined {
  return stmt<[string, number], InboxRow>(db, `${SELECT_INBOX} WHERE i.path = ? AND i.id > ? ORDER BY i.id LIMIT 1`).get(path, id);
}

/**
 * Pending drafts whose content is in the log of the production they are drafted for, as an asset in use (logged by
 * `genlog log` or the app while the draft waited, or the same content confirmed from another draft): confirmed as
 * that asset, recorded as decided by `by` at `at`, so nobody has to go through them one by one. `assetIds`: only
 * drafts of these assets (the ones a log just wrote or found). A retired asset settles nothing: whether its content is
 * wanted again is for a person to say. `watchId`: only that watch folder's drafts. How many.
 */
export function settleLoggedDrafts(db: Db, d: { at: string; by: string; assetIds?: readonly number[]; watchId?: number }): number {
  const only = d.assetIds ? JSON.stringify(d.assetIds) : null;
  if (only === '[]') return 0;
  const watch = d.watchId ?? null;
  // Looked for first: an update that changes nothing still waits for the write lock, and a watcher's catch-up must
  // not fail because another program holds it.
  if (stmt<{ only: string | null; watch: number | null }, { one: number }>(db, `SELECT 1 AS one FROM inbox, ${LOGGED_DRAFTS} LIMIT 1`).get({ only, watch }) === undefined) return 0;
  return stmt<{ at: string; by: string; only: string | null; watch: number | null }, never>(db, `UPDATE inbox SET status = 'confirmed', asset_id = a.id,
    decided_at = @at, decided_by = @by FROM ${LOGGED_DRAFTS}`).run({ at: d.at, by: d.by, only, watch }).changes;
}

/** Exported for the query-plan test: pending drafts by their index, each one's asset by (production, hash). */
export const LOGGED_DRAFTS = `productions p, assets a
  WHERE inbox.status = 'pending' AND p.code = json_extract(inbox.prefill, '$.production') AND a.production_id = p.id
    AND a.sha256 = inbox.sha256 AND a.retired_at IS NULL AND (@only IS NULL OR a.id IN (SELECT value FROM json_each(@only)))
    AND (@watch IS NULL OR inbox.watch_id = @watch)`;

/** A draft superseded by a newer grouping (a sequence that grew); only undecided drafts are ever removed. */
export function deletePendingInboxItem(db: Db, id: number): void {
  stmt(db, "DELETE FROM inbox WHERE id = ? AND status = 'pending'").run(id);
}
