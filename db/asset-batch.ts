import type { Db } from './connection';
import type { AssetRow, Classification, MediaType, StoredOutcome } from './assets';
import { stmt } from './statements';

/** What every asset of one bulk log shares. */
export interface AssetBatchShared {
  productionId: number;
  episode: string;
  classification: Classification;
  toolId: number | null;
  createdBy: string;
  plannedUseId: number | null;
  facts: string;
  outcome: StoredOutcome | null;
}

/** What differs per asset in a bulk log. sha256 must be unique within the batch and not yet logged in the production. */
export interface AssetBatchRow {
  fileName: string;
  path: string;
  sha256: string;
  size: number;
  mediaType: MediaType;
  createdAt: string;
  prompt: string;
  notes: string;
}

const ROW_PARAMS = 8;
/**
 * Rows per INSERT statement, largest first. A fixed ladder keeps the number of distinct prepared statements small
 * (the statement cache lives as long as the connection) while a batch of any size needs few statements.
 */
const CHUNK_SIZES = [512, 64, 8, 1] as const;

function insertSql(rows: number): string {
  const values = Array.from({ length: rows }, () => `(${Array(ROW_PARAMS).fill('?').join(', ')})`).join(', ');
  return `INSERT INTO assets (production_id, episode, classification, tool_id, created_by, planned_use_id, facts, outcome,
    file_name, path, sha256, size, media_type, created_at, prompt, notes)
    SELECT ?, ?, ?, ?, ?, ?, ?, ?, column1, column2, column3, column4, column5, column6, column7, column8
    FROM (VALUES ${values}) RETURNING id, sha256`;
}

/**
 * Inserts many new assets with a few multi-row statements and returns their ids in the order given.
 * Why not one INSERT per asset: SQLite opens a statement savepoint for each write inside a transaction and FTS5
 * flushes its pending index to disk at every savepoint, so per-row inserts wrote one tiny full-text segment per
 * asset and spent most of a bulk log merging them (4,500 assets/s on a 1M-asset log; ~22,000 with this).
 * The assets table's triggers (search index, evidence rules) still run for every row.
 */
export function insertAssetBatch(db: Db, shared: AssetBatchShared, rows: readonly AssetBatchRow[]): number[] {
  const ids = new Map<string, number>();
  const head = [shared.productionId, shared.episode, shared.classification, shared.toolId, shared.createdBy,
    shared.plannedUseId, shared.facts, shared.outcome];
  let at = 0;
  for (const size of CHUNK_SIZES) {
    if (rows.length - at < size) continue;
    const insert = stmt<unknown[], { id: number; sha256: string }>(db, insertSql(size));
    const params: unknown[] = [...head, ...Array<unknown>(size * ROW_PARAMS)];
    while (rows.length - at >= size) {
      let p = head.length;
      for (let i = at; i < at + size; i++) {
        const r = rows[i]!;
        params[p++] = r.fileName; params[p++] = r.path; params[p++] = r.sha256; params[p++] = r.size;
        params[p++] = r.mediaType; params[p++] = r.createdAt; params[p++] = r.prompt; params[p++] = r.notes;
      }
      for (const got of insert.all(...params)) ids.set(got.sha256, got.id);
      at += size;
    }
  }
  return rows.map((r) => {
    const id = ids.get(r.sha256);
    if (id === undefined) throw new Error(`Logging ${r.fileName} did not store it (content ${r.sha256.slice(0, 12)}… appears twice in the batch?).`);
    return id;
  });
}

/**
 * A just-inserted asset as getAsset would read it, built from the values written (no default or trigger changes
 * these columns), so a bulk log does not read back 100,000 rows it already has: that read cost more than the insert.
 */
export function insertedAssetRow(
  shared: AssetBatchShared,
  row: AssetBatchRow,
  id: number,
  names: { productionCode: string; toolName: string | null },
  /** Ingest columns written in the same transaction (a sequence's frame range, an upload's thumbnail). */
  ingest: Pick<AssetRow, 'frame_first' | 'frame_last' | 'thumbnail'> = { frame_first: null, frame_last: null, thumbnail: null },
): AssetRow {
  return {
    id,
    production_id: shared.productionId,
    production_code: names.productionCode,
    episode: shared.episode,
    file_name: row.fileName,
    path: row.path,
    sha256: row.sha256,
    size: row.size,
    media_type: row.mediaType,
    classification: shared.classification,
    tool_id: shared.toolId,
    tool_name: names.toolName,
    created_by: shared.createdBy,
    created_at: row.createdAt,
    prompt: row.prompt,
    notes: row.notes,
    retired_at: null,
    retired_reason: null,
    planned_use_id: shared.plannedUseId,
    facts: shared.facts,
    outcome: shared.outcome,
    ...ingest,
  };
}
