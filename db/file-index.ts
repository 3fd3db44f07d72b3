import type { Db } from './connection';
import { stmt } from './statements';

export interface FileIndexRow {
  path: string;
  size: number;
  mtime_ms: number;
  sha256: string;
  hashed_at: string;
}

export interface FileVersion {
  path: string;
  size: number;
  mtimeMs: number;
}

/** Rows per IN (...) query: far below SQLite's parameter limit. */
const LOOKUP_CHUNK = 500;

/** mtime is kept in whole milliseconds: sub-millisecond digits differ between stat calls on some file systems. */
export function mtimeKey(mtimeMs: number): number {
  return Math.trunc(mtimeMs);
}

/**
 * Hashes still valid for these files: the indexed path has the same size and modification time, so the content
 * is trusted unchanged and need not be read again.
 */
export function knownHashes(db: Db, files: readonly FileVersion[]): Map<string, string> {
  const known = new Map<string, string>();
  for (let start = 0; start < files.length; start += LOOKUP_CHUNK) {
    const chunk = files.slice(start, start + LOOKUP_CHUNK);
    const rows = stmt<string[], FileIndexRow>(db, `SELECT * FROM file_index WHERE path IN (${chunk.map(() => '?').join(',')})`)
      .all(...chunk.map((f) => f.path));
    const byPath = new Map(rows.map((r) => [r.path, r]));
    for (const f of chunk) {
      const row = byPath.get(f.path);
      if (row && row.size === f.size && row.mtime_ms === mtimeKey(f.mtimeMs)) known.set(f.path, row.sha256);
    }
  }
  return known;
}

export function rememberHash(db: Db, f: FileVersion & { sha256: string }, at: string): void {
  stmt(db, `INSERT INTO file_index (path, size, mtime_ms, sha256, hashed_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms, sha256 = excluded.sha256,
      hashed_at = excluded.hashed_at`)
    .run(f.path, f.size, mtimeKey(f.mtimeMs), f.sha256, at);
}

/** Remembers each hash (by path) with the file version it was taken from, as listed in `versions`. */
export function rememberHashes(db: Db, versions: ReadonlyMap<string, FileVersion>, hashes: Iterable<readonly [string, string]>, at: string): void {
  for (const [path, sha256] of hashes) {
    const version = versions.get(path);
    if (version) rememberHash(db, { ...version, sha256 }, at);
  }
}
