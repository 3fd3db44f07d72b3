import type { Db } from './connection';
import { stmt } from './statements';

export interface ConsentRow {
  id: number;
  talent: string;
  production_id: number;
  production_code: string;
  /** JSON array of consent kinds. */
  kinds: string;
  scope: string;
  signed: string;
  expires: string | null;
  evidence_id: number;
  created_by: string;
  created_at: string;
}

export interface NewConsent {
  talent: string;
  productionId: number;
  kinds: string[];
  scope: string;
  signed: string;
  expires: string | null;
  evidenceId: number;
  createdBy: string;
  createdAt: string;
}

const SELECT_CONSENT = `SELECT c.*, p.code AS production_code FROM consents c JOIN productions p ON p.id = c.production_id`;

export function insertConsent(db: Db, c: NewConsent): number {
  const r = stmt(db, `INSERT INTO consents (talent, production_id, kinds, scope, signed, expires, evidence_id, created_by, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(c.talent, c.productionId, JSON.stringify(c.kinds), c.scope, c.signed, c.expires, c.evidenceId, c.createdBy, c.createdAt);
  return Number(r.lastInsertRowid);
}

export function getConsent(db: Db, id: number): ConsentRow | undefined {
  return stmt<[number], ConsentRow>(db, `${SELECT_CONSENT} WHERE c.id = ?`).get(id);
}

/** Every consent of a production: what the rule engine needs to judge that production's talent findings. */
export function consentsOfProduction(db: Db, productionId: number): ConsentRow[] {
  return stmt<[number], ConsentRow>(db, `${SELECT_CONSENT} WHERE c.production_id = ? ORDER BY c.id`).all(productionId);
}

export function listConsentRows(db: Db, productionId?: number): ConsentRow[] {
  if (productionId === undefined) return stmt<[], ConsentRow>(db, `${SELECT_CONSENT} ORDER BY c.id`).all();
  return consentsOfProduction(db, productionId);
}

/**
 * Productions with a consent that started or ended in the days (after, upTo]: their talent findings may have
 * changed overnight because consents are judged as of today.
 */
export function productionsWithConsentChangeBetween(db: Db, after: string, upTo: string): number[] {
  return stmt<[string, string, string, string], { production_id: number }>(db, `SELECT DISTINCT production_id FROM consents
    WHERE (signed > ? AND signed <= ?) OR (expires IS NOT NULL AND expires >= ? AND expires < ?)`)
    .all(after, upTo, after, upTo).map((r) => r.production_id);
}
