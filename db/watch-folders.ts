import type { Db } from './connection';
import type { Classification } from './assets';
import { stmt } from './statements';

export interface WatchFolderRow {
  id: number;
  path: string;
  production_id: number;
  production_code: string;
  planned_use_id: number | null;
  tool_id: number | null;
  tool_name: string | null;
  artist: string | null;
  classification: Classification;
  /** JSON string[] of globs. */
  include_globs: string;
  exclude_globs: string;
  recursive: 0 | 1;
  enabled: 0 | 1;
  created_by: string;
  created_at: string;
  last_scan_at: string | null;
}

export interface NewWatchFolder {
  path: string;
  productionId: number;
  plannedUseId: number | null;
  toolId: number | null;
  artist: string | null;
  classification: Classification;
  include: string[];
  exclude: string[];
  recursive: boolean;
  createdBy: string;
  createdAt: string;
}

const SELECT_WATCH = `SELECT w.*, p.code AS production_code, t.name AS tool_name
  FROM watch_folders w JOIN productions p ON p.id = w.production_id LEFT JOIN tools t ON t.id = w.tool_id`;

export function insertWatchFolder(db: Db, w: NewWatchFolder): number {
  const r = stmt(db, `INSERT INTO watch_folders (path, production_id, planned_use_id, tool_id, artist, classification,
    include_globs, exclude_globs, recursive, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(w.path, w.productionId, w.plannedUseId, w.toolId, w.artist, w.classification, JSON.stringify(w.include),
      JSON.stringify(w.exclude), w.recursive ? 1 : 0, w.createdBy, w.createdAt);
  return Number(r.lastInsertRowid);
}

export function getWatchFolder(db: Db, id: number): WatchFolderRow | undefined {
  return stmt<[number], WatchFolderRow>(db, `${SELECT_WATCH} WHERE w.id = ?`).get(id);
}

export function getWatchFolderByPath(db: Db, path: string): WatchFolderRow | undefined {
  return stmt<[string], WatchFolderRow>(db, `${SELECT_WATCH} WHERE w.path = ?`).get(path);
}

export function listWatchFolders(db: Db): WatchFolderRow[] {
  return stmt<[], WatchFolderRow>(db, `${SELECT_WATCH} ORDER BY w.path`).all();
}

export function setWatchFolderEnabled(db: Db, id: number, enabled: boolean): void {
  stmt(db, 'UPDATE watch_folders SET enabled = ? WHERE id = ?').run(enabled ? 1 : 0, id);
}

export function setLastScan(db: Db, id: number, at: string): void {
  stmt(db, 'UPDATE watch_folders SET last_scan_at = ? WHERE id = ?').run(at, id);
}

/** Removes the watch; its inbox rows stay (history), no longer linked to a watch. */
export function deleteWatchFolder(db: Db, id: number): void {
  stmt(db, 'UPDATE inbox SET watch_id = NULL WHERE watch_id = ?').run(id);
  stmt(db, 'DELETE FROM watch_folders WHERE id = ?').run(id);
}
