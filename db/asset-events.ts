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

export function listAssetEvents(db: Db, assetId: number): AssetEventRow[] {
  return stmt<[number], AssetEventRow>(db, 'SELECT * FROM asset_events WHERE asset_id = ? ORDER BY id').all(assetId);
}
