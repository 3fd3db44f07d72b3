import type { Db } from './connection';
import { stmt } from './statements';

export type MediaType = 'image' | 'video' | 'audio' | 'text' | '3d' | 'other';
export type Classification = 'temporary' | 'deliverable';
/** The compliance outcome as stored; NULL until the rule engine has assessed the row. */
export type StoredOutcome = 'disclose' | 'escalate' | 'blocked' | 'cleared';

/** An asset joined with the names people know it by (production code, tool name). */
export interface AssetRow {
  id: number;
  production_id: number;
  production_code: string;
  episode: string;
  file_name: string;
  path: string;
  sha256: string;
  size: number;
  media_type: MediaType;
  classification: Classification;
  tool_id: number | null;
  tool_name: string | null;
  created_by: string;
  created_at: string;
  prompt: string;
  notes: string;
  retired_at: string | null;
  retired_reason: string | null;
  planned_use_id: number | null;
  /** JSON facts (main/compliance FactsSchema); '{}' means every fact at its cautious default. */
  facts: string;
  outcome: StoredOutcome | null;
  /** First and last frame of an image sequence logged as one asset; null for a single file. */
  frame_first: number | null;
  frame_last: number | null;
  /** File name of the cached thumbnail, or null. */
  thumbnail: string | null;
}

export interface NewAsset {
  productionId: number;
  episode: string;
  fileName: string;
  path: string;
  sha256: string;
  size: number;
  mediaType: MediaType;
  classification: Classification;
  toolId: number | null;
  createdBy: string;
  createdAt: string;
  prompt: string;
  notes: string;
  plannedUseId?: number | null;
  /** JSON facts; omitted -> '{}' (every fact at its cautious default). */
  facts?: string;
  outcome?: StoredOutcome | null;
}

const SELECT_ASSET = `SELECT a.id, a.production_id, p.code AS production_code, a.episode, a.file_name, a.path, a.sha256,
  a.size, a.media_type, a.classification, a.tool_id, t.name AS tool_name, a.created_by, a.created_at, a.prompt, a.notes,
  a.retired_at, a.retired_reason, a.planned_use_id, a.facts, a.outcome, a.frame_first, a.frame_last, a.thumbnail
  FROM assets a JOIN productions p ON p.id = a.production_id LEFT JOIN tools t ON t.id = a.tool_id`;

export function insertAsset(db: Db, a: NewAsset): number {
  const r = stmt(db, `INSERT INTO assets (production_id, episode, file_name, path, sha256, size, media_type, classification,
    tool_id, created_by, created_at, prompt, notes, planned_use_id, facts, outcome)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(a.productionId, a.episode, a.fileName, a.path, a.sha256, a.size, a.mediaType, a.classification, a.toolId,
      a.createdBy, a.createdAt, a.prompt, a.notes, a.plannedUseId ?? null, a.facts ?? '{}', a.outcome ?? null);
  return Number(r.lastInsertRowid);
}

export function getAsset(db: Db, id: number): AssetRow | undefined {
  return stmt<[number], AssetRow>(db, `${SELECT_ASSET} WHERE a.id = ?`).get(id);
}

/** Many assets by id (a bulk log's result), read a few thousand at a time rather than one query each. */
export function getAssetsByIds(db: Db, ids: readonly number[]): Map<number, AssetRow> {
  const found = new Map<number, AssetRow>();
  const read = stmt<[string], AssetRow>(db, `${SELECT_ASSET} WHERE a.id IN (SELECT value FROM json_each(?))`);
  for (let at = 0; at < ids.length; at += 5000) {
    for (const row of read.all(JSON.stringify(ids.slice(at, at + 5000)))) found.set(row.id, row);
  }
  return found;
}

/** The id of the asset with this content in the production, if it is logged there already. */
export function findAssetIdByHash(db: Db, productionId: number, sha256: string): number | undefined {
  return stmt<[number, string], { id: number }>(db, 'SELECT id FROM assets WHERE production_id = ? AND sha256 = ?')
    .get(productionId, sha256)?.id;
}

export function findAssetByHash(db: Db, productionId: number, sha256: string): AssetRow | undefined {
  return stmt<[number, string], AssetRow>(db, `${SELECT_ASSET} WHERE a.production_id = ? AND a.sha256 = ?`)
    .get(productionId, sha256);
}

/** Columns a person may change with `edit`; classification and retirement have their own, reasoned paths. */
export const EDITABLE_COLUMNS = {
  episode: 'episode',
  prompt: 'prompt',
  notes: 'notes',
  toolId: 'tool_id',
  fileName: 'file_name',
} as const;
export type EditableField = keyof typeof EDITABLE_COLUMNS;

export function setAssetColumn(db: Db, id: number, field: EditableField, value: string | number | null): void {
  const column = EDITABLE_COLUMNS[field];
  stmt(db, `UPDATE assets SET ${column} = ? WHERE id = ?`).run(value, id);
}

export function setClassification(db: Db, id: number, classification: Classification): void {
  stmt(db, 'UPDATE assets SET classification = ? WHERE id = ?').run(classification, id);
}

export function setAssetFacts(db: Db, id: number, factsJson: string): void {
  stmt(db, 'UPDATE assets SET facts = ? WHERE id = ?').run(factsJson, id);
}

export function setRetired(db: Db, id: number, at: string, reason: string): void {
  stmt(db, 'UPDATE assets SET retired_at = ?, retired_reason = ? WHERE id = ?').run(at, reason, id);
}

export const SORT_COLUMNS = {
  createdAt: 'a.created_at',
  fileName: 'a.file_name COLLATE NOCASE',
  size: 'a.size',
  id: 'a.id',
  production: 'p.code',
  classification: 'a.classification',
  mediaType: 'a.media_type',
  tool: 't.name',
  createdBy: 'a.created_by COLLATE NOCASE',
  episode: 'a.episode',
  outcome: 'a.outcome',
} as const;
export type SortColumn = keyof typeof SORT_COLUMNS;

export interface AssetFilter {
  productionId?: number;
  classification?: Classification;
  mediaType?: MediaType;
  toolId?: number;
  createdBy?: string;
  from?: string; // inclusive ISO date or timestamp
  to?: string; // exclusive upper bound (ISO)
  search?: string;
  retired?: 'include' | 'exclude' | 'only';
  /** Extra SQL conditions contributed by later features (e.g. compliance outcome), with their parameters. */
  extra?: { sql: string; params: unknown[] }[];
}

/** The list condition for one compliance outcome; served by the assets_by_outcome index. */
export function outcomeCondition(outcome: StoredOutcome): { sql: string; params: unknown[] } {
  return { sql: 'a.outcome = ?', params: [outcome] };
}

export interface AssetPage {
  sort: SortColumn;
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
}

/**
 * Turns what a person typed into a safe FTS5 query: every word must match, as a prefix, so "dragon ki" finds
 * "dragon king". FTS5 syntax characters typed by the user are never interpreted.
 */
export function ftsQuery(text: string): string | null {
  const words = text.split(/\s+/).map((w) => w.replace(/"/g, '')).filter((w) => w.length > 0);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}

function whereClause(f: AssetFilter): { sql: string; params: unknown[]; conditions: number } {
  const conds: string[] = [];
  const params: unknown[] = [];
  if (f.productionId !== undefined) { conds.push('a.production_id = ?'); params.push(f.productionId); }
  if (f.classification) { conds.push('a.classification = ?'); params.push(f.classification); }
  if (f.mediaType) { conds.push('a.media_type = ?'); params.push(f.mediaType); }
  if (f.toolId !== undefined) { conds.push('a.tool_id = ?'); params.push(f.toolId); }
  if (f.createdBy) { conds.push('a.created_by = ? COLLATE NOCASE'); params.push(f.createdBy); }
  if (f.from) { conds.push('a.created_at >= ?'); params.push(f.from); }
  if (f.to) { conds.push('a.created_at < ?'); params.push(f.to); }
  if (f.retired === 'exclude') conds.push('a.retired_at IS NULL');
  if (f.retired === 'only') conds.push('a.retired_at IS NOT NULL');
  const q = f.search ? ftsQuery(f.search) : null;
  if (q) { conds.push('a.id IN (SELECT rowid FROM assets_fts WHERE assets_fts MATCH ?)'); params.push(q); }
  for (const e of f.extra ?? []) { conds.push(e.sql); params.push(...e.params); }
  return { sql: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params, conditions: conds.length };
}

/** Joins the id-only page query needs when the sort key lives in another table. */
const SORT_JOINS: Partial<Record<SortColumn, string>> = {
  production: 'JOIN productions p ON p.id = a.production_id',
  tool: 'LEFT JOIN tools t ON t.id = a.tool_id',
};

/**
 * Pages through ids alone, then joins just that page: OFFSET has to step over every skipped row, and stepping over
 * bare index entries is far cheaper than over joined rows (a page deep in a 1M log: ~20 ms instead of ~1 s).
 */
export function listAssetsSql(f: AssetFilter, page: AssetPage): { sql: string; params: unknown[] } {
  const w = whereClause(f);
  const dir = page.direction === 'asc' ? 'ASC' : 'DESC';
  const order = `ORDER BY ${SORT_COLUMNS[page.sort]} ${dir}, a.id ${dir}`;
  const ids = `SELECT a.id FROM assets a ${SORT_JOINS[page.sort] ?? ''} ${w.sql} ${order} LIMIT ? OFFSET ?`;
  const sql = `${SELECT_ASSET} WHERE a.id IN (${ids}) ${order}`;
  return { sql, params: [...w.params, page.limit, page.offset] };
}

/**
 * Counts matches. A search with no other condition is counted in the full-text index alone: every asset has exactly
 * one index row (the assets triggers keep them in step, and assets are never deleted), and looking each match up in
 * assets cost ~30 ms for 10,000 matches on a 1M log against ~1 ms here.
 */
export function countAssetsSql(f: AssetFilter): { sql: string; params: unknown[] } {
  const q = f.search ? ftsQuery(f.search) : null;
  const w = whereClause(f);
  if (q && w.conditions === 1) return { sql: 'SELECT count(*) AS n FROM assets_fts WHERE assets_fts MATCH ?', params: [q] };
  const sql = `SELECT count(*) AS n FROM assets a ${w.sql}`;
  return { sql, params: w.params };
}

export function listAssets(db: Db, f: AssetFilter, page: AssetPage): AssetRow[] {
  const q = listAssetsSql(f, page);
  return stmt<unknown[], AssetRow>(db, q.sql).all(...q.params);
}

export function countAssets(db: Db, f: AssetFilter): number {
  const q = countAssetsSql(f);
  return stmt<unknown[], { n: number }>(db, q.sql).get(...q.params)?.n ?? 0;
}

export function distinctArtists(db: Db): string[] {
  return stmt<[], { created_by: string }>(db,
    'SELECT DISTINCT created_by FROM assets ORDER BY created_by COLLATE NOCASE').all().map((r) => r.created_by);
}
