import type { Db } from './connection';
import { stmt } from './statements';

export interface AssetEventRow {
  id: number;
  asset_id: number;
  at: string;
  by: string;
  action: string;
  field: string | null;
  from_value: string | null;
  to_value: string | null;
  reason: string | null;
}

export interface NewAssetEvent {
  assetId: number;
  at: string;
  by: string;
  action: string;
  field?: string | null;
  from?: string | null;
  to?: string | null;
  reason?: string | null;
}

export function appendAssetEvent(db: Db, e: NewAssetEvent): void {
  stmt(db, `INSERT INTO asset_events (asset_id, at, by, action, field, from_value, to_value, reason)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(e.assetId, e.at, e.by, e.action, e.field ?? null, e.from ?? null, e.to ?? null, e.reason ?? null);
}

/** One event per asset sharing time, actor and action (a bulk log), written with one statement. */
export function appendAssetEventBatch(
  db: Db,
  shared: { at: string; by: string; action: string },
  events: readonly { assetId: number; to: string | null }[],
): void {
  if (events.length === 0) return;
  stmt(db, `INSERT INTO asset_events (asset_id, at, by, action, to_value)
    SELECT e.value ->> 0, ?, ?, ?, e.value ->> 1 FROM json_each(?) e`)
    .run(shared.at, shared.by, shared.action, JSON.stringify(events.map((e) => [e.assetId, e.to])));
}

export function listAssetEvents(db: Db, assetId: number): AssetEventRow[] {
  return stmt<[number], AssetEventRow>(db, 'SELECT * FROM asset_events WHERE asset_id = ? ORDER BY id').all(assetId);
}
