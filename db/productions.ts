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
  /** Temporary assets older than this many days are listed for review. */
  stale_days: number;
}

export interface NewProduction {
  code: string;
  title: string;
  contactEmail: string;
  vendor: string;
  episodes: string[];
  createdAt: string;
  staleDays?: number;
}

export function insertProduction(db: Db, p: NewProduction): number {
  const r = stmt(db, `INSERT INTO productions (code, title, contact_email, vendor, episodes, created_at, stale_days)
    VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(p.code, p.title, p.contactEmail, p.vendor, JSON.stringify(p.episodes), p.createdAt, p.staleDays ?? 30);
  return Number(r.lastInsertRowid);
}

/** staleDays omitted -> unchanged. */
export function updateProduction(db: Db, id: number, p: Omit<NewProduction, 'createdAt'>): void {
  stmt(db, `UPDATE productions SET code = ?, title = ?, contact_email = ?, vendor = ?, episodes = ?,
    stale_days = coalesce(?, stale_days) WHERE id = ?`)
    .run(p.code, p.title, p.contactEmail, p.vendor, JSON.stringify(p.episodes), p.staleDays ?? null, id);
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
