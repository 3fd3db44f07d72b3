import type { Db } from './connection';
import { stmt } from './statements';

export type Hosting = 'local' | 'enterprise-cloud' | 'public-cloud' | 'unsure';
export type YesNo = 'yes' | 'no';
export type YesNoUnsure = 'yes' | 'no' | 'unsure';

export interface ToolRow {
  id: number;
  name: string;
  vendor: string;
  version: string;
  hosting: Hosting;
  enterprise: YesNo;
  trains_on_inputs: YesNoUnsure;
  retains_data: YesNoUnsure;
  notes: string;
  created_at: string;
}

export interface NewTool {
  name: string;
  vendor: string;
  version: string;
  hosting: Hosting;
  enterprise: YesNo;
  trainsOnInputs: YesNoUnsure;
  retainsData: YesNoUnsure;
  notes: string;
}

export function insertTool(db: Db, t: NewTool, createdAt: string): number {
  const r = stmt(db, `INSERT INTO tools (name, vendor, version, hosting, enterprise, trains_on_inputs, retains_data, notes, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(t.name, t.vendor, t.version, t.hosting, t.enterprise, t.trainsOnInputs, t.retainsData, t.notes, createdAt);
  return Number(r.lastInsertRowid);
}

export function updateTool(db: Db, id: number, t: NewTool): void {
  stmt(db, `UPDATE tools SET name = ?, vendor = ?, version = ?, hosting = ?, enterprise = ?, trains_on_inputs = ?,
    retains_data = ?, notes = ? WHERE id = ?`)
    .run(t.name, t.vendor, t.version, t.hosting, t.enterprise, t.trainsOnInputs, t.retainsData, t.notes, id);
}

export function getToolByName(db: Db, name: string): ToolRow | undefined {
  return stmt<[string], ToolRow>(db, 'SELECT * FROM tools WHERE name = ?').get(name);
}

export function getToolById(db: Db, id: number): ToolRow | undefined {
  return stmt<[number], ToolRow>(db, 'SELECT * FROM tools WHERE id = ?').get(id);
}

export function listTools(db: Db): ToolRow[] {
  return stmt<[], ToolRow>(db, 'SELECT * FROM tools ORDER BY name COLLATE NOCASE').all();
}
