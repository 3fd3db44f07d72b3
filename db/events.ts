import type { Db } from './connection';
import { stmt } from './statements';

/** Things with a history in `events` (assets keep theirs in asset_events). */
export type EventEntity = 'planned_use' | 'consent' | 'approval' | 'packet';

export interface EventRow {
  id: number;
  entity: EventEntity;
  entity_id: number;
  at: string;
  by: string;
  action: string;
  field: string | null;
  from_value: string | null;
  to_value: string | null;
  reason: string | null;
}

export interface NewEvent {
  entity: EventEntity;
  entityId: number;
  at: string;
  by: string;
  action: string;
  field?: string | null;
  from?: string | null;
  to?: string | null;
  reason?: string | null;
}

export function appendEvent(db: Db, e: NewEvent): void {
  stmt(db, `INSERT INTO events (entity, entity_id, at, by, action, field, from_value, to_value, reason)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(e.entity, e.entityId, e.at, e.by, e.action, e.field ?? null, e.from ?? null, e.to ?? null, e.reason ?? null);
}

export function listEvents(db: Db, entity: EventEntity, entityId: number): EventRow[] {
  return stmt<[string, number], EventRow>(db, 'SELECT * FROM events WHERE entity = ? AND entity_id = ? ORDER BY id')
    .all(entity, entityId);
}
