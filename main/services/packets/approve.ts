import { renameSync } from 'node:fs';
import type { ApiContext } from '../../api/context';
import { conflict } from '../../api/envelope';
import { inTransaction } from '../../../db/connection';
import { appendPacketEvent, getPacketRow, latestApprovedInScope, markApproved, moveState } from '../../../db/packets';
import { facilityKey } from './facility-key';
import { requirePacket, type PacketRef } from './lookup';
import { packetFile, toPacket, type Packet } from './packet-json';
import { packetManifest, rebuildStep, requireIntactFile } from './packet-zip';
import { removeQuietly, stagingPath, writePacketZip } from './write-zip';

/**
 * A facility manager approves a draft exactly as it was reviewed: the same manifest, now naming the approver and
 * the time, re-signed. The approved file, its sha256 and approved_at are recorded in one transaction, after which
 * the trigger freezes the packet; it goes straight to the outbox (queued).
 */
export async function approvePacket(ctx: ApiContext, req: { id: PacketRef; by?: string }): Promise<Packet> {
  const row = requirePacket(ctx, req.id);
  if (row.approved_at !== null) throw conflict(`Packet ${row.id} was already approved by ${row.approved_by} on ${row.approved_at.slice(0, 10)}.`);
  requireIntactFile(ctx, row, 'approve');
  const newer = latestApprovedInScope(ctx.db, row.production_id, row, row.id);
  if (newer && newer.id !== row.supersedes_id) {
    throw conflict(`Packet ${newer.id} of the same production and scope was approved after this draft was built. ` +
      `Rebuild this draft (${rebuildStep(ctx, row.id)}) so it supersedes packet ${newer.id}, review it, then approve it.`);
  }
  const by = req.by ?? ctx.actor();
  const at = ctx.now().toISOString();
  const key = facilityKey(ctx);
  const manifest = { ...(await packetManifest(ctx, row)), approvedBy: by, approvedAt: at, signingKeyFingerprint: key.fingerprint };
  const staging = stagingPath(ctx, row.uuid, 'approve');
  try {
    const written = await writePacketZip(ctx, manifest, key, staging);
    inTransaction(ctx.db, () => {
      if (!markApproved(ctx.db, row.id, { by, at, zipSha256: written.sha256, zipSize: written.size })) {
        throw conflict(`Packet ${row.id} was approved or changed by someone else meanwhile; reload it.`);
      }
      appendPacketEvent(ctx.db, { packetId: row.id, at, by, action: 'approved', from: 'draft', to: 'approved', reason: `sha256 ${written.sha256}` });
      moveState(ctx.db, row.id, ['approved'], 'queued');
      appendPacketEvent(ctx.db, { packetId: row.id, at, by, action: 'queued', from: 'approved', to: 'queued' });
      renameSync(staging, packetFile(ctx, row));
    });
  } finally {
    removeQuietly(staging);
  }
  return toPacket(ctx, getPacketRow(ctx.db, row.id)!);
}
