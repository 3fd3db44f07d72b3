import type { Db } from './connection';
import { stmt } from './statements';
import { appendEvent, listEvents, type EventRow } from './events';

export type PacketState = 'draft' | 'approved' | 'queued' | 'sending' | 'sent' | 'failed' | 'unknown';

export interface PacketRow {
  id: number;
  uuid: string;
  production_id: number;
  production_code: string;
  episode: string | null;
  since: string | null;
  until: string | null;
  state: PacketState;
  supersedes_id: number | null;
  /** The packet that replaced this one, if any (derived). */
  superseded_by: number | null;
  /** Relative to the data folder, e.g. "packets/<uuid>.zip", so the folder can be moved. */
  zip_path: string;
  zip_sha256: string;
  zip_size: number;
  asset_count: number;
  /** JSON OutcomeCounts. */
  counts: string;
  created_by: string;
  created_at: string;
  approved_by: string | null;
  approved_at: string | null;
  message_id: string;
  sent_at: string | null;
  smtp_response: string | null;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
  eml_exported_at: string | null;
  eml_exported_by: string | null;
}

export interface PacketContent {
  zipPath: string;
  zipSha256: string;
  zipSize: number;
  assetCount: number;
  counts: string;
  supersedesId: number | null;
  createdBy: string;
  createdAt: string;
}

export interface NewPacket extends PacketContent {
  uuid: string;
  productionId: number;
  episode: string | null;
  since: string | null;
  until: string | null;
  messageId: string;
}

const SELECT_PACKET = `SELECT k.*, p.code AS production_code,
  (SELECT n.id FROM packets n WHERE n.supersedes_id = k.id ORDER BY n.id LIMIT 1) AS superseded_by
  FROM packets k JOIN productions p ON p.id = k.production_id`;

export function insertPacket(db: Db, k: NewPacket): number {
  const r = stmt(db, `INSERT INTO packets (uuid, production_id, episode, since, until, state, supersedes_id, zip_path, zip_sha256,
    zip_size, asset_count, counts, created_by, created_at, message_id) VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(k.uuid, k.productionId, k.episode, k.since, k.until, k.supersedesId, k.zipPath, k.zipSha256, k.zipSize, k.assetCount,
      k.counts, k.createdBy, k.createdAt, k.messageId);
  return Number(r.lastInsertRowid);
}

/** Replaces a draft's contents; returns false when the packet is no longer a draft (nothing changed). */
export function updateDraftContent(db: Db, id: number, c: PacketContent): boolean {
  const r = stmt(db, `UPDATE packets SET zip_path = ?, zip_sha256 = ?, zip_size = ?, asset_count = ?, counts = ?, supersedes_id = ?,
    created_by = ?, created_at = ? WHERE id = ? AND state = 'draft' AND approved_at IS NULL`)
    .run(c.zipPath, c.zipSha256, c.zipSize, c.assetCount, c.counts, c.supersedesId, c.createdBy, c.createdAt, id);
  return r.changes === 1;
}

export function setPacketAssets(db: Db, packetId: number, assetIds: readonly number[]): void {
  stmt(db, 'DELETE FROM packet_assets WHERE packet_id = ?').run(packetId);
  const add = stmt(db, 'INSERT INTO packet_assets (packet_id, asset_id) VALUES (?, ?)');
  for (const a of assetIds) add.run(packetId, a);
}

export function packetAssetIds(db: Db, packetId: number): number[] {
  return stmt<[number], { asset_id: number }>(db, 'SELECT asset_id FROM packet_assets WHERE packet_id = ? ORDER BY asset_id')
    .all(packetId).map((r) => r.asset_id);
}

export function getPacketRow(db: Db, id: number): PacketRow | undefined {
  return stmt<[number], PacketRow>(db, `${SELECT_PACKET} WHERE k.id = ?`).get(id);
}

export function getPacketRowByUuid(db: Db, uuid: string): PacketRow | undefined {
  return stmt<[string], PacketRow>(db, `${SELECT_PACKET} WHERE k.uuid = ?`).get(uuid);
}

export interface PacketFilter {
  productionId?: number;
  states?: readonly PacketState[];
}

export function listPacketRows(db: Db, f: PacketFilter = {}): PacketRow[] {
  const conds: string[] = [];
  const params: (string | number)[] = [];
  if (f.productionId !== undefined) { conds.push('k.production_id = ?'); params.push(f.productionId); }
  if (f.states && f.states.length > 0) { conds.push(`k.state IN (${f.states.map(() => '?').join(', ')})`); params.push(...f.states); }
  const where = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
  return stmt<(string | number)[], PacketRow>(db, `${SELECT_PACKET} ${where} ORDER BY k.id DESC`).all(...params);
}

/** The newest approved packet (in any outbox state) of a production with exactly this scope. */
export function latestApprovedInScope(
  db: Db,
  productionId: number,
  scope: { episode: string | null; since: string | null; until: string | null },
  excludeId = 0,
): PacketRow | undefined {
  return stmt<[number, string | null, string | null, string | null, number], PacketRow>(db, `${SELECT_PACKET}
    WHERE k.production_id = ? AND k.episode IS ? AND k.since IS ? AND k.until IS ? AND k.approved_at IS NOT NULL AND k.id <> ?
    ORDER BY k.approved_at DESC, k.id DESC LIMIT 1`).get(productionId, scope.episode, scope.since, scope.until, excludeId);
}

/** Approves a draft and records the approved file; false when it was not a draft any more. */
export function markApproved(db: Db, id: number, a: { by: string; at: string; zipSha256: string; zipSize: number }): boolean {
  const r = stmt(db, `UPDATE packets SET approved_by = ?, approved_at = ?, zip_sha256 = ?, zip_size = ?, state = 'approved'
    WHERE id = ? AND state = 'draft' AND approved_at IS NULL`).run(a.by, a.at, a.zipSha256, a.zipSize, id);
  return r.changes === 1;
}

/**
 * Moves a packet between outbox states when it is in one of `from`; false when another process moved it first.
 * Only the outbox columns are touched (the approved contents are frozen by a trigger anyway).
 */
export function moveState(
  db: Db,
  id: number,
  from: readonly PacketState[],
  to: PacketState,
  set: Partial<Record<'sent_at' | 'smtp_response' | 'last_error' | 'next_attempt_at', string | null>> & { attempts?: 'increment' | 'reset' } = {},
): boolean {
  const cols = ['state = ?'];
  const params: (string | number | null)[] = [to];
  for (const key of ['sent_at', 'smtp_response', 'last_error', 'next_attempt_at'] as const) {
    if (key in set) { cols.push(`${key} = ?`); params.push(set[key] ?? null); }
  }
  if (set.attempts === 'increment') cols.push('attempts = attempts + 1');
  if (set.attempts === 'reset') cols.push('attempts = 0');
  const r = stmt<unknown[]>(db, `UPDATE packets SET ${cols.join(', ')} WHERE id = ? AND state IN (${from.map(() => '?').join(', ')})`)
    .run(...params, id, ...from);
  return r.changes === 1;
}

export function recordEmlExport(db: Db, id: number, by: string, at: string): void {
  stmt(db, 'UPDATE packets SET eml_exported_at = ?, eml_exported_by = ? WHERE id = ?').run(at, by, id);
}

/** Queued packets whose next attempt is due (or that never failed), oldest first. */
export function duePacketIds(db: Db, nowIso: string, ignoreBackoff: boolean): number[] {
  const sql = ignoreBackoff
    ? "SELECT id FROM packets WHERE state = 'queued' ORDER BY id"
    : "SELECT id FROM packets WHERE state = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id";
  const rows = ignoreBackoff
    ? stmt<[], { id: number }>(db, sql).all()
    : stmt<[string], { id: number }>(db, sql).all(nowIso);
  return rows.map((r) => r.id);
}

export function packetIdsInState(db: Db, state: PacketState): number[] {
  return stmt<[string], { id: number }>(db, 'SELECT id FROM packets WHERE state = ? ORDER BY id').all(state).map((r) => r.id);
}

// Packet history lives in the shared `events` table under entity 'packet'; every entry is a state change.

export type PacketEventRow = Omit<EventRow, 'entity' | 'entity_id'>;

export function appendPacketEvent(
  db: Db,
  e: { packetId: number; at: string; by: string; action: string; from?: string | null; to?: string | null; reason?: string | null },
): void {
  appendEvent(db, { ...e, entity: 'packet', entityId: e.packetId, field: 'state' });
}

export function listPacketEvents(db: Db, packetId: number): PacketEventRow[] {
  return listEvents(db, 'packet', packetId);
}
