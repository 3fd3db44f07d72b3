import type { ApiContext } from '../../api/context';
import { conflict } from '../../api/envelope';
import { inTransaction } from '../../../db/connection';
import { appendPacketEvent, getPacketRow, moveState, type PacketRow } from '../../../db/packets';
import { requirePacket, type PacketRef } from './lookup';
import { toPacket, type Packet } from './packet-json';
import { nextStep } from '../../api/next-step';

/** How to approve a draft packet, for a message. */
export function approveStep(ctx: Pick<ApiContext, 'transport'>, id: number): string {
  return nextStep(ctx, { cli: `genlog packet approve ${id} --by NAME`, app: 'Approve… on the Packets page' });
}

function refuseDraft(ctx: ApiContext, row: PacketRow): void {
  if (row.approved_at === null) throw conflict(`Packet ${row.id} is a draft: approve it first (${approveStep(ctx, row.id)}).`);
}

/**
 * A person states that the packet reached the Netflix contact: after an interrupted send (unknown), or after
 * sending an exported .eml from a mail program.
 */
export function confirmPacketSent(ctx: ApiContext, req: { id: PacketRef; by?: string; note?: string }): Packet {
  const row = requirePacket(ctx, req.id);
  refuseDraft(ctx, row);
  if (row.state === 'sent') throw conflict(`Packet ${row.id} is already recorded as sent (${row.sent_at}).`);
  if (row.state === 'sending') throw conflict(`Packet ${row.id} is being sent right now; wait for the result.`);
  if (row.state !== 'unknown' && row.eml_exported_at === null) {
    throw conflict(`Packet ${row.id} is ${row.state} and was never exported as .eml, so it cannot have been sent by hand. ` +
      `Send it from the outbox, or export it (${nextStep(ctx, { cli: 'genlog packet eml', app: 'Export .eml…' })}) and send that.`);
  }
  const by = req.by ?? ctx.actor();
  const at = ctx.now().toISOString();
  const how = row.state === 'unknown' ? 'after an interrupted send' : `from the .eml exported by ${row.eml_exported_by}`;
  const note = `confirmed sent by ${by} ${how}${req.note ? `: ${req.note}` : ''}`;
  inTransaction(ctx.db, () => {
    if (!moveState(ctx.db, row.id, [row.state], 'sent', { sent_at: at, smtp_response: note, last_error: null, next_attempt_at: null })) {
      throw conflict(`Packet ${row.id} changed state meanwhile; reload it.`);
    }
    appendPacketEvent(ctx.db, { packetId: row.id, at, by, action: 'confirmed', from: row.state, to: 'sent', reason: note });
  });
  return toPacket(ctx, getPacketRow(ctx.db, row.id)!);
}

/** A person asks to send a packet (again): sent, failed or unknown -> queued, with the same Message-ID. */
export function resendPacket(ctx: ApiContext, req: { id: PacketRef; by?: string; reason?: string }): Packet {
  const row = requirePacket(ctx, req.id);
  refuseDraft(ctx, row);
  if (row.state === 'queued' || row.state === 'approved') throw conflict(`Packet ${row.id} is already waiting in the outbox.`);
  if (row.state === 'sending') throw conflict(`Packet ${row.id} is being sent right now; wait for the result.`);
  const by = req.by ?? ctx.actor();
  const at = ctx.now().toISOString();
  inTransaction(ctx.db, () => {
    if (!moveState(ctx.db, row.id, [row.state], 'queued', { last_error: null, next_attempt_at: null })) {
      throw conflict(`Packet ${row.id} changed state meanwhile; reload it.`);
    }
    appendPacketEvent(ctx.db, {
      packetId: row.id, at, by, action: 'requeued', from: row.state, to: 'queued',
      reason: req.reason ?? (row.state === 'sent' ? 'a person asked to send it again' : 'a person asked to try again'),
    });
  });
  return toPacket(ctx, getPacketRow(ctx.db, row.id)!);
}
