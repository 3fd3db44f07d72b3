import type { Db } from './connection';
import type { Classification, StoredOutcome } from './assets';
import { stmt } from './statements';

/** What the rule engine needs about one asset, read in one statement. */
export interface AssetOutcomeRow {
  id: number;
  production_id: number;
  classification: Classification;
  facts: string;
  tool_id: number | null;
  outcome: StoredOutcome | null;
  /** 1 when asset_tools holds a chain for it. */
  has_chain: number;
  /** 1 when an approval names it. */
  has_approvals: number;
}

const SELECT_ASSET_OUTCOME = `SELECT a.id, a.production_id, a.classification, a.facts, a.tool_id, a.outcome,
  EXISTS (SELECT 1 FROM asset_tools t WHERE t.asset_id = a.id) AS has_chain,
  EXISTS (SELECT 1 FROM approval_subjects s WHERE s.asset_id = a.id) AS has_approvals
  FROM assets a`;

export function assetOutcomeRow(db: Db, id: number): AssetOutcomeRow | undefined {
  return stmt<[number], AssetOutcomeRow>(db, `${SELECT_ASSET_OUTCOME} WHERE a.id = ?`).get(id);
}

/** Assets never assessed (e.g. logged before compliance existed), one batch. Served by assets_by_outcome. */
export const UNASSESSED_ASSETS_SQL = `${SELECT_ASSET_OUTCOME} WHERE a.outcome IS NULL LIMIT ?`;

export function unassessedAssets(db: Db, limit: number): AssetOutcomeRow[] {
  return stmt<[number], AssetOutcomeRow>(db, UNASSESSED_ASSETS_SQL).all(limit);
}

/** What the outcome of an asset without a stated chain or approvals depends on. */
export interface PlainGroup {
  production_id: number;
  classification: Classification;
  facts: string;
  tool_id: number | null;
}

/*
 * Bulk path for never-assessed assets that have neither a stated chain nor approvals (every asset of a db migrated
 * from before compliance): their outcome depends only on production, classification, facts and tool, so a batch
 * is staged in a temp table, each distinct combination is assessed once, and one UPDATE applies the answers.
 */
function ensureTempTables(db: Db): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS outcome_batch (id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE IF NOT EXISTS outcome_groups (production_id INTEGER, classification TEXT, facts TEXT, tool_id INTEGER, outcome TEXT);
    CREATE INDEX IF NOT EXISTS temp.outcome_groups_key ON outcome_groups (production_id, classification, facts, tool_id);`);
}

/** Stages up to `limit` plain never-assessed assets; returns the distinct combinations to assess. */
export function stagePlainUnassessed(db: Db, limit: number): PlainGroup[] {
  ensureTempTables(db);
  stmt(db, 'DELETE FROM temp.outcome_batch').run();
  const staged = stmt<[number]>(db, `INSERT INTO temp.outcome_batch SELECT a.id FROM assets a WHERE a.outcome IS NULL
    AND NOT EXISTS (SELECT 1 FROM asset_tools t WHERE t.asset_id = a.id)
    AND NOT EXISTS (SELECT 1 FROM approval_subjects s WHERE s.asset_id = a.id) LIMIT ?`).run(limit).changes;
  if (staged === 0) return [];
  return stmt<[], PlainGroup>(db, `SELECT DISTINCT a.production_id, a.classification, a.facts, a.tool_id
    FROM temp.outcome_batch b JOIN assets a ON a.id = b.id`).all();
}

/** Applies one outcome per combination to every staged asset; returns how many were updated. */
export function applyPlainOutcomes(db: Db, groups: (PlainGroup & { outcome: StoredOutcome })[]): number {
  stmt(db, 'DELETE FROM temp.outcome_groups').run();
  const add = stmt(db, 'INSERT INTO temp.outcome_groups (production_id, classification, facts, tool_id, outcome) VALUES (?, ?, ?, ?, ?)');
  for (const g of groups) add.run(g.production_id, g.classification, g.facts, g.tool_id, g.outcome);
  return stmt(db, `UPDATE assets SET outcome = (SELECT g.outcome FROM temp.outcome_groups g WHERE g.production_id = assets.production_id
    AND g.classification = assets.classification AND g.facts = assets.facts AND g.tool_id IS assets.tool_id)
    WHERE id IN (SELECT id FROM temp.outcome_batch)`).run().changes;
}

/** One indexed lookup: lets every process start skip the write transactions when nothing waits to be assessed. */
export function hasUnassessedAssets(db: Db): boolean {
  return stmt<[], { one: number }>(db, 'SELECT 1 AS one FROM assets WHERE outcome IS NULL LIMIT 1').get() !== undefined;
}

export function unassessedUseIds(db: Db, limit: number): number[] {
  return stmt<[number], { id: number }>(db, 'SELECT id FROM planned_uses WHERE outcome IS NULL LIMIT ?').all(limit).map((r) => r.id);
}

export function setAssetOutcome(db: Db, id: number, outcome: StoredOutcome): void {
  stmt(db, 'UPDATE assets SET outcome = ? WHERE id = ?').run(outcome, id);
}

export function setUseOutcome(db: Db, id: number, outcome: StoredOutcome): void {
  stmt(db, 'UPDATE planned_uses SET outcome = ? WHERE id = ?').run(outcome, id);
}

/*
 * Consent only matters to subjects whose facts put talent at stake: a talent likeness fed in, or an output that
 * replicates, voices, alters or replaces a performance. Everything else keeps its outcome when a consent changes.
 */
const TALENT_FACTS = (table: string) => `(
  EXISTS (SELECT 1 FROM json_each(${table}.facts, '$.outputs')
          WHERE value IN ('digital-replica', 'synthetic-voice', 'performance-alteration', 'replaces-union-work'))
  OR EXISTS (SELECT 1 FROM json_each(${table}.facts, '$.inputs') WHERE value = 'talent-likeness'))`;

export function assetsWithTalentFacts(db: Db, productionId: number): number[] {
  return stmt<[number], { id: number }>(db,
    `SELECT id FROM assets WHERE production_id = ? AND ${TALENT_FACTS('assets')}`).all(productionId).map((r) => r.id);
}

export function usesWithTalentFacts(db: Db, productionId: number): number[] {
  return stmt<[number], { id: number }>(db,
    `SELECT id FROM planned_uses WHERE production_id = ? AND ${TALENT_FACTS('planned_uses')}`).all(productionId).map((r) => r.id);
}

export type OutcomeCounts = Record<StoredOutcome | 'unassessed', number>;

function counts(rows: { outcome: StoredOutcome | null; n: number }[]): OutcomeCounts {
  const c: OutcomeCounts = { disclose: 0, escalate: 0, blocked: 0, cleared: 0, unassessed: 0 };
  for (const r of rows) c[r.outcome ?? 'unassessed'] += r.n;
  return c;
}

/** Active (not retired) assets of a production by outcome. */
export function assetOutcomeCounts(db: Db, productionId: number): OutcomeCounts {
  return counts(stmt<[number], { outcome: StoredOutcome | null; n: number }>(db,
    'SELECT outcome, count(*) AS n FROM assets WHERE production_id = ? AND retired_at IS NULL GROUP BY outcome').all(productionId));
}

export function useOutcomeCounts(db: Db, productionId: number): OutcomeCounts {
  return counts(stmt<[number], { outcome: StoredOutcome | null; n: number }>(db,
    'SELECT outcome, count(*) AS n FROM planned_uses WHERE production_id = ? AND retired_at IS NULL GROUP BY outcome').all(productionId));
}
