import { join } from 'node:path';
import type { ApiContext } from '../../api/context';
import type { PacketEventRow, PacketRow, PacketState } from '../../../db/packets';
import type { OutcomeCounts } from '../../packet';
import type { HistoryEvent } from '../asset-json';

/** A packet as scripts and the UI see it. Key names are part of the CLI contract: add, never rename. */
export interface Packet {
  id: number;
  /** The packet id inside the ZIP (manifest.packetId) and its file name. */
  uuid: string;
  production: string;
  episode: string | null;
  since: string | null;
  until: string | null;
  state: PacketState;
  /** Row id of the packet this one replaces. */
  supersedes: number | null;
  supersededBy: number | null;
  /** Absolute path of the packet ZIP in the data folder. */
  path: string;
  sha256: string;
  size: number;
  /** Number of assets in the packet. */
  assets: number;
  counts: OutcomeCounts;
  createdBy: string;
  createdAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  messageId: string;
  sentAt: string | null;
  smtpResponse: string | null;
  attempts: number;
  lastError: string | null;
  /** When the outbox tries a queued packet again after a temporary failure. */
  nextAttemptAt: string | null;
  emlExportedAt: string | null;
  emlExportedBy: string | null;
}

export function packetFile(ctx: Pick<ApiContext, 'dataDir'>, row: Pick<PacketRow, 'zip_path'>): string {
  return join(ctx.dataDir, row.zip_path);
}

export function toPacket(ctx: Pick<ApiContext, 'dataDir'>, r: PacketRow): Packet {
  return {
    id: r.id,
    uuid: r.uuid,
    production: r.production_code,
    episode: r.episode,
    since: r.since,
    until: r.until,
    state: r.state,
    supersedes: r.supersedes_id,
    supersededBy: r.superseded_by,
    path: packetFile(ctx, r),
    sha256: r.zip_sha256,
    size: r.zip_size,
    assets: r.asset_count,
    counts: JSON.parse(r.counts) as OutcomeCounts,
    createdBy: r.created_by,
    createdAt: r.created_at,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at,
    messageId: r.message_id,
    sentAt: r.sent_at,
    smtpResponse: r.smtp_response,
    attempts: r.attempts,
    lastError: r.last_error,
    nextAttemptAt: r.next_attempt_at,
    emlExportedAt: r.eml_exported_at,
    emlExportedBy: r.eml_exported_by,
  };
}

export function toPacketEvent(e: PacketEventRow): HistoryEvent {
  return { at: e.at, by: e.by, action: e.action, field: e.field, from: e.from_value, to: e.to_value, reason: e.reason };
}
