import type { Db } from './connection';
import type { Classification, StoredOutcome } from './assets';
import { stmt } from './statements';

export interface PlannedUseRow {
  id: number;
  production_id: number;
  production_code: string;
  title: string;
  department: string;
  description: string;
  preset: string | null;
  classification: Classification;
  /** JSON facts (main/compliance FactsSchema). */
  facts: string;
  outcome: StoredOutcome | null;
  created_by: string;
  created_at: string;
  retired_at: string | null;
  retired_reason: string | null;
  /** Assets logged against this use. */
  asset_count: number;
}

export interface NewPlannedUse {
  productionId: number;
  title: string;
  department: string;
  description: string;
  preset: string | null;
  classification: Classification;
  facts: string;
  outcome: StoredOutcome | null;
  createdBy: string;
  createdAt: string;
}

const SELECT_USE = `SELECT u.*, p.code AS production_code,
  (SELECT count(*) FROM assets a WHERE a.planned_use_id = u.id) AS asset_count
  FROM planned_uses u JOIN productions p ON p.id = u.production_id`;

export function insertPlannedUse(db: Db, u: NewPlannedUse): number {
  const r = stmt(db, `INSERT INTO planned_uses (production_id, title, department, description, preset, classification, facts,
    outcome, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(u.productionId, u.title, u.department, u.description, u.preset, u.classification, u.facts, u.outcome, u.createdBy, u.createdAt);
  return Number(r.lastInsertRowid);
}

export function getPlannedUseRow(db: Db, id: number): PlannedUseRow | undefined {
  return stmt<[number], PlannedUseRow>(db, `${SELECT_USE} WHERE u.id = ?`).get(id);
}

export function listPlannedUseRows(db: Db, productionId?: number): PlannedUseRow[] {
  if (productionId === undefined) return stmt<[], PlannedUseRow>(db, `${SELECT_USE} ORDER BY u.id`).all();
  return stmt<[number], PlannedUseRow>(db, `${SELECT_USE} WHERE u.production_id = ? ORDER BY u.id`).all(productionId);
}

export function setPlannedUseFacts(db: Db, id: number, factsJson: string): void {
  stmt(db, 'UPDATE planned_uses SET facts = ? WHERE id = ?').run(factsJson, id);
}

export function setPlannedUseClassification(db: Db, id: number, classification: Classification): void {
  stmt(db, 'UPDATE planned_uses SET classification = ? WHERE id = ?').run(classification, id);
}

export function useChainRows(db: Db, useId: number): number[] {
  return stmt<[number], { tool_id: number }>(db, 'SELECT tool_id FROM planned_use_tools WHERE use_id = ? ORDER BY position')
    .all(useId).map((r) => r.tool_id);
}

export function setUseChainRows(db: Db, useId: number, toolIds: readonly number[]): void {
  stmt(db, 'DELETE FROM planned_use_tools WHERE use_id = ?').run(useId);
  const add = stmt(db, 'INSERT INTO planned_use_tools (use_id, position, tool_id) VALUES (?, ?, ?)');
  toolIds.forEach((toolId, position) => add.run(useId, position, toolId));
}

export function usesUsingTool(db: Db, toolId: number): number[] {
  return stmt<[number], { use_id: number }>(db, 'SELECT DISTINCT use_id FROM planned_use_tools WHERE tool_id = ?')
    .all(toolId).map((r) => r.use_id);
}
