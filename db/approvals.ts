import type { Db } from './connection';
import { stmt } from './statements';

export interface ApprovalRow {
  id: number;
  production_id: number;
  production_code: string;
  decision: 'approved' | 'denied';
  approver: string;
  decided_on: string;
  reference: string;
  subject_line: string;
  /** JSON array of rule ids, already resolved (never "all"). */
  rules: string;
  evidence_id: number;
  supersedes_id: number | null;
  /** The approval that replaced this one, if any. */
  superseded_by: number | null;
  created_by: string;
  created_at: string;
}

export interface NewApproval {
  productionId: number;
  decision: 'approved' | 'denied';
  approver: string;
  decidedOn: string;
  reference: string;
  subjectLine: string;
  rules: string[];
  evidenceId: number;
  supersedesId: number | null;
  createdBy: string;
  createdAt: string;
}

export type ApprovalSubject = { assetId: number } | { useId: number };

const SELECT_APPROVAL = `SELECT a.*, p.code AS production_code,
  (SELECT n.id FROM approvals n WHERE n.supersedes_id = a.id) AS superseded_by
  FROM approvals a JOIN productions p ON p.id = a.production_id`;

export function insertApproval(db: Db, a: NewApproval, subjects: ApprovalSubject[]): number {
  const r = stmt(db, `INSERT INTO approvals (production_id, decision, approver, decided_on, reference, subject_line, rules,
    evidence_id, supersedes_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(a.productionId, a.decision, a.approver, a.decidedOn, a.reference, a.subjectLine, JSON.stringify(a.rules),
      a.evidenceId, a.supersedesId, a.createdBy, a.createdAt);
  const id = Number(r.lastInsertRowid);
  const add = stmt(db, 'INSERT INTO approval_subjects (approval_id, asset_id, use_id) VALUES (?, ?, ?)');
  for (const s of subjects) add.run(id, 'assetId' in s ? s.assetId : null, 'useId' in s ? s.useId : null);
  return id;
}

export function getApproval(db: Db, id: number): ApprovalRow | undefined {
  return stmt<[number], ApprovalRow>(db, `${SELECT_APPROVAL} WHERE a.id = ?`).get(id);
}

export interface ApprovalListFilter {
  productionId?: number;
  assetId?: number;
  useId?: number;
}

export function listApprovalRows(db: Db, f: ApprovalListFilter = {}): ApprovalRow[] {
  const conds: string[] = [];
  const params: number[] = [];
  if (f.productionId !== undefined) { conds.push('a.production_id = ?'); params.push(f.productionId); }
  if (f.assetId !== undefined) { conds.push('a.id IN (SELECT approval_id FROM approval_subjects WHERE asset_id = ?)'); params.push(f.assetId); }
  if (f.useId !== undefined) { conds.push('a.id IN (SELECT approval_id FROM approval_subjects WHERE use_id = ?)'); params.push(f.useId); }
  const where = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
  return stmt<number[], ApprovalRow>(db, `${SELECT_APPROVAL} ${where} ORDER BY a.id`).all(...params);
}

export function subjectsOfApproval(db: Db, approvalId: number): { assetIds: number[]; useIds: number[] } {
  const rows = stmt<[number], { asset_id: number | null; use_id: number | null }>(db,
    'SELECT asset_id, use_id FROM approval_subjects WHERE approval_id = ? ORDER BY rowid').all(approvalId);
  return {
    assetIds: rows.flatMap((r) => (r.asset_id === null ? [] : [r.asset_id])),
    useIds: rows.flatMap((r) => (r.use_id === null ? [] : [r.use_id])),
  };
}

export interface CurrentApproval {
  id: number;
  decision: 'approved' | 'denied';
  rules: string;
}

const NOT_SUPERSEDED = 'NOT EXISTS (SELECT 1 FROM approvals n WHERE n.supersedes_id = a.id)';

/** Approvals attached to the asset that no later approval supersedes: the ones the rule engine may count. */
export function currentApprovalsOfAsset(db: Db, assetId: number): CurrentApproval[] {
  return stmt<[number], CurrentApproval>(db, `SELECT a.id, a.decision, a.rules FROM approval_subjects s
    JOIN approvals a ON a.id = s.approval_id WHERE s.asset_id = ? AND ${NOT_SUPERSEDED} ORDER BY a.id`).all(assetId);
}

export function currentApprovalsOfUse(db: Db, useId: number): CurrentApproval[] {
  return stmt<[number], CurrentApproval>(db, `SELECT a.id, a.decision, a.rules FROM approval_subjects s
    JOIN approvals a ON a.id = s.approval_id WHERE s.use_id = ? AND ${NOT_SUPERSEDED} ORDER BY a.id`).all(useId);
}
