import type { Db } from './connection';
import { stmt } from './statements';

export interface FrameRow {
  asset_id: number;
  frame: number;
  file_name: string;
  sha256: string;
  size: number;
}

export interface NewFrame {
  frame: number;
  fileName: string;
  sha256: string;
  size: number;
}

/** The columns ingest adds to assets (0004); the shared asset query does not select them. */
export interface AssetIngestColumns {
  frame_first: number | null;
  frame_last: number | null;
  thumbnail: string | null;
}

/** Records an image sequence's frames and range on its (just inserted) asset. */
export function insertFrames(db: Db, assetId: number, first: number, last: number, frames: readonly NewFrame[]): void {
  stmt(db, 'UPDATE assets SET frame_first = ?, frame_last = ? WHERE id = ?').run(first, last, assetId);
  const add = stmt(db, 'INSERT INTO asset_frames (asset_id, frame, file_name, sha256, size) VALUES (?, ?, ?, ?, ?)');
  for (const f of frames) add.run(assetId, f.frame, f.fileName, f.sha256, f.size);
}

/** A sequence asset already logged at this path (folder + frame pattern), with its frame range. */
export interface LoggedSequence {
  id: number;
  frame_first: number;
  frame_last: number;
}

/** The production's sequence assets logged at this path (e.g. /renders/shot_v001.####.exr), oldest first. */
export function loggedSequencesAt(db: Db, productionId: number, path: string): LoggedSequence[] {
  return stmt<[number, string], LoggedSequence>(
    db,
    'SELECT id, frame_first, frame_last FROM assets WHERE production_id = ? AND path = ? AND frame_first IS NOT NULL ORDER BY id',
  ).all(productionId, path);
}

/** The production's single-file assets whose path starts with `prefix` (a sequence's folder and name up to its frame number). */
export function loggedFilesStartingWith(db: Db, productionId: number, prefix: string): { id: number; path: string; sha256: string }[] {
  // A range on the path index rather than LIKE, whose % and _ a file name may hold.
  return stmt<[number, string, string], { id: number; path: string; sha256: string }>(
    db,
    'SELECT id, path, sha256 FROM assets WHERE production_id = ? AND frame_first IS NULL AND path >= ? AND path < ? ORDER BY id',
  ).all(productionId, prefix, `${prefix}\u{10FFFF}`);
}

/** Whether the production logged this very file, at this path with this content, as a single-file asset. */
export function isLoggedStill(db: Db, productionId: number, path: string, sha256: string): boolean {
  return stmt<[number, string, string], { one: number }>(
    db,
    'SELECT 1 AS one FROM assets WHERE production_id = ? AND path = ? AND sha256 = ? AND frame_first IS NULL',
  ).get(productionId, path, sha256) !== undefined;
}

/** Of these paths (at most MAX_FRAME_DIGITS), those under which the production has logged an image sequence. */
export function pathsWithLoggedSequences(db: Db, productionId: number, paths: readonly string[]): Set<string> {
  if (paths.length === 0) return new Set();
  const rows = stmt<unknown[], { path: string }>(
    db,
    `SELECT DISTINCT path FROM assets WHERE production_id = ? AND frame_first IS NOT NULL AND path IN (${paths.map(() => '?').join(', ')})`,
  ).all(productionId, ...paths);
  return new Set(rows.map((r) => r.path));
}

export function listFrames(db: Db, assetId: number): FrameRow[] {
  return stmt<[number], FrameRow>(db, 'SELECT * FROM asset_frames WHERE asset_id = ? ORDER BY frame').all(assetId);
}

export function assetIngestColumns(db: Db, assetId: number): AssetIngestColumns | undefined {
  return stmt<[number], AssetIngestColumns>(db, 'SELECT frame_first, frame_last, thumbnail FROM assets WHERE id = ?').get(assetId);
}

/** The cached thumbnail's file name (under <dataDir>/thumbnails), or null when none could be made. */
export function setThumbnail(db: Db, assetId: number, fileName: string | null): void {
  stmt(db, 'UPDATE assets SET thumbnail = ? WHERE id = ?').run(fileName, assetId);
}
