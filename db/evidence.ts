import type { Db } from './connection';
import { stmt } from './statements';

export interface EvidenceRow {
  id: number;
  sha256: string;
  file_name: string;
  size: number;
  /** Relative to the data folder, e.g. "evidence/ab/ab12...ef.eml", so the folder can be moved. */
  stored_path: string;
  added_by: string;
  added_at: string;
}

export interface NewEvidence {
  sha256: string;
  fileName: string;
  size: number;
  storedPath: string;
  addedBy: string;
  addedAt: string;
}

export function insertEvidence(db: Db, e: NewEvidence): number {
  const r = stmt(db, `INSERT INTO evidence (sha256, file_name, size, stored_path, added_by, added_at)
    VALUES (?, ?, ?, ?, ?, ?)`).run(e.sha256, e.fileName, e.size, e.storedPath, e.addedBy, e.addedAt);
  return Number(r.lastInsertRowid);
}

export function getEvidenceById(db: Db, id: number): EvidenceRow | undefined {
  return stmt<[number], EvidenceRow>(db, 'SELECT * FROM evidence WHERE id = ?').get(id);
}

export function getEvidenceBySha(db: Db, sha256: string): EvidenceRow | undefined {
  return stmt<[string], EvidenceRow>(db, 'SELECT * FROM evidence WHERE sha256 = ?').get(sha256);
}
