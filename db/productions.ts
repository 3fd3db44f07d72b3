import type { Db } from './connection';
import { stmt } from './statements';

export interface ProductionRow {
  id: number;
  code: string;
  title: string;
  contact_email: string;
  vendor: string;
  episodes: string;
  created_at: string;
}

export interface NewProduction {
  code: string;
  title: string;
  contactEmail: string;
  vendor: string;
  episodes: string[];
  createdAt: string;
}

export function insertProduction(db: Db, p: NewProduction): number {
  const r = stmt(db, `INSERT INTO productions (code, title, contact_email, vendor, episodes, created_at)
    VALUES (?, ?, ?, ?, ?, ?)`).run(p.code, p.title, p.contactEmail, p.vendor, JSON.stringify(p.episodes), p.createdAt);
  return Number(r.lastInsertRowid);
}

export function updateProduction(db: Db, id: number, p: Omit<NewProduction, 'createdAt'>): void {
  stmt(db, `UPDATE productions SET code = ?, title = ?, contact_email = ?, vendor = ?, episodes = ? WHERE id = ?`)
    .run(p.code, p.title, p.contactEmail, p.vendor, JSON.stringify(p.episodes), id);
}

export function getProductionByCode(db: Db, code: string): ProductionRow | undefined {
  return stmt<[string], ProductionRow>(db, 'SELECT * FROM productions WHERE code = ?').get(code);
}

export function getProductionById(db: Db, id: number): ProductionRow | undefined {
  return stmt<[number], ProductionRow>(db, 'SELECT * FROM productions WHERE id = ?').get(id);
}

export function listProductions(db: Db): ProductionRow[] {
  return stmt<[], ProductionRow>(db, 'SELECT * FROM productions ORDER BY code COLLATE NOCASE').all();
}
