import type { EventRow } from '../../../db/events';
import type { HistoryEvent } from '../asset-json';

/** Planned uses, consents and approvals show their history in the same shape as an asset's. */
export function eventJson(e: EventRow): HistoryEvent {
  return { at: e.at, by: e.by, action: e.action, field: e.field, from: e.from_value, to: e.to_value, reason: e.reason };
}
