import type { ApiContext } from '../../api/context';
import { conflict, invalid } from '../../api/envelope';
import { inTransaction } from '../../../db/connection';
import { appendPacketEvent, duePacketIds, getPacketRow, listPacketRows, moveState, packetIdsInState, type PacketRow } from '../../../db/packets';
import { sendEmail, type SendResult, type SmtpTimeouts } from '../../packet';
import { describeLease, liveLease, releaseLease, renewLease, takeLease } from './outbox-lease';
import { packetMail } from './mail';
import { toPacket, type Packet } from './packet-json';
import { packetFileState } from './packet-zip';
import { senderAddresses, smtpUrlFromSettings } from './packet-settings';
import { nextStep } from '../../api/next-step';

/** Who the history names for what the outbox does on its own. */
export const OUTBOX_ACTOR = 'GenLog outbox';
/** States a packet is in once it has left the drafts: what the outbox view lists. */
export const OUTBOX_STATES = ['approved', 'queued', 'sending', 'sent', 'failed', 'unknown'] as const;

const MINUTE = 60_000;

/** 1 min after the first failure, doubling, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60 * MINUTE, MINUTE * 2 ** Math.max(0, attempts - 1));
}

// Only call while holding the lease (or having checked that nobody does): then 'sending' means nobody is sending.
function markInterrupted(ctx: Pick<ApiContext, 'db' | 'now'>): number[] {
  const at = ctx.now().toISOString();
  return packetIdsInState(ctx.db, 'sending').filter((id) => {
    const moved = moveState(ctx.db, id, ['sending'], 'unknown', {
      last_error: 'GenLog stopped while this packet was being sent: the mail server may or may not have received it.',
      next_attempt_at: null,
    });
    if (moved) {
      appendPacketEvent(ctx.db, {
        packetId: id, at, by: OUTBOX_ACTOR, action: 'interrupted', from: 'sending', to: 'unknown',
        reason: 'found mid-send when the outbox started; never re-sent automatically: confirm it was received, or re-send it',
      });
    }
    return moved;
  });
}

/**
 * Packets left in 'sending' by a process that stopped mid-send become 'unknown'. Nothing happens while a live
 * sender holds the outbox, since its 'sending' packets are really in flight.
 */
export function recoverInterruptedSends(ctx: Pick<ApiContext, 'db' | 'now'>): number[] {
  // The outbox view polls this: only take the write lock when there is something to look at.
  if (packetIdsInState(ctx.db, 'sending').length === 0) return [];
  return inTransaction(ctx.db, () => (liveLease(ctx) ? [] : markInterrupted(ctx)));
}

export interface SendOutcome {
  id: number;
  uuid: string;
  /** sent; retrying = a temporary failure, still queued; failed = refused for good, waits for a person. */
  result: 'sent' | 'retrying' | 'failed';
  response: string | null;
  error: string | null;
  nextAttemptAt: string | null;
}

export interface OutboxRun {
  /** Packets found mid-send from an earlier run, now 'unknown'. */
  interrupted: number[];
  attempted: number;
  sent: number;
  retrying: number;
  failed: number;
  packets: SendOutcome[];
}

export interface SendOptions {
  /** Else built from settings. */
  smtpUrl?: string;
  /** Every queued packet, ignoring the retry schedule (a person pressed "send now"); else only those due. */
  all?: boolean;
  by?: string;
  timeouts?: SmtpTimeouts;
}

function record(ctx: ApiContext, row: PacketRow, result: SendResult, by: string): SendOutcome {
  const at = ctx.now().toISOString();
  const base = { id: row.id, uuid: row.uuid };
  if (result.status === 'sent') {
    const response = result.rejected.length > 0 ? `${result.response} (refused recipients: ${result.rejected.join(', ')})` : result.response;
    inTransaction(ctx.db, () => {
      moveState(ctx.db, row.id, ['sending', 'unknown'], 'sent', { sent_at: at, smtp_response: response, last_error: null, next_attempt_at: null, attempts: 'increment' });
      appendPacketEvent(ctx.db, { packetId: row.id, at, by, action: 'sent', from: 'sending', to: 'sent', reason: response });
    });
    return { ...base, result: 'sent', response, error: null, nextAttemptAt: null };
  }
  if (result.permanent) {
    inTransaction(ctx.db, () => {
      moveState(ctx.db, row.id, ['sending'], 'failed', { last_error: result.error, next_attempt_at: null, attempts: 'increment' });
      appendPacketEvent(ctx.db, { packetId: row.id, at, by, action: 'failed', from: 'sending', to: 'failed', reason: result.error });
    });
    return { ...base, result: 'failed', response: null, error: result.error, nextAttemptAt: null };
  }
  const next = new Date(ctx.now().getTime() + retryDelayMs(row.attempts + 1)).toISOString();
  inTransaction(ctx.db, () => {
    moveState(ctx.db, row.id, ['sending'], 'queued', { last_error: result.error, next_attempt_at: next, attempts: 'increment' });
    appendPacketEvent(ctx.db, { packetId: row.id, at, by, action: 'send-failed', from: 'sending', to: 'queued', reason: `${result.error} Next try after ${next}.` });
  });
  return { ...base, result: 'retrying', response: null, error: result.error, nextAttemptAt: next };
}

function refuseChangedFile(ctx: ApiContext, row: PacketRow, by: string): SendOutcome {
  const error = `The packet file ${row.zip_path} is ${packetFileState(ctx, row) === 'missing' ? 'missing' : 'no longer the approved file (its sha256 changed)'}; ` +
    'it was not sent. Restore it from a backup, or build a new packet that supersedes it.';
  inTransaction(ctx.db, () => {
    moveState(ctx.db, row.id, ['queued'], 'failed', { last_error: error, next_attempt_at: null });
    appendPacketEvent(ctx.db, { packetId: row.id, at: ctx.now().toISOString(), by, action: 'failed', from: 'queued', to: 'failed', reason: error });
  });
  return { id: row.id, uuid: row.uuid, result: 'failed', response: null, error, nextAttemptAt: null };
}

async function sendOne(ctx: ApiContext, id: number, url: string, by: string, timeouts?: SmtpTimeouts): Promise<SendOutcome | undefined> {
  const row = getPacketRow(ctx.db, id);
  if (!row || row.state !== 'queued') return undefined;
  if (packetFileState(ctx, row) !== 'intact') return refuseChangedFile(ctx, row, by);
  const mail = await packetMail(ctx, row);
  // Committed before the server hears a word: if this process dies mid-send, the packet is found in 'sending'
  // (-> unknown) and is never sent twice without a person deciding.
  const claimed = inTransaction(ctx.db, () => {
    if (!moveState(ctx.db, id, ['queued'], 'sending')) return false;
    appendPacketEvent(ctx.db, { packetId: id, at: ctx.now().toISOString(), by, action: 'sending', from: 'queued', to: 'sending', reason: `attempt ${row.attempts + 1}` });
    return true;
  });
  if (!claimed) return undefined;
  return record(ctx, row, await sendEmail(url, mail, timeouts), by);
}

/**
 * Sends every due queued packet through SMTP, one at a time. A temporary failure (server unreachable, 4xx, a
 * connection dropped mid-send) leaves the packet queued with its next try scheduled (1 min doubling to 1 h); a
 * permanent one (5xx, bad settings) marks it failed until a person re-queues it. Only one sender at a time per db.
 */
export async function sendOutbox(ctx: ApiContext, opts: SendOptions = {}): Promise<OutboxRun> {
  const by = opts.by ?? ctx.actor();
  const taken = inTransaction(ctx.db, () => {
    const token = takeLease(ctx);
    return token ? { token, interrupted: markInterrupted(ctx) } : undefined;
  });
  if (!taken) {
    const holder = liveLease(ctx);
    throw conflict(`The outbox is being sent by another GenLog (${holder ? describeLease(holder) : 'another process'}) right now; try again when it has finished.`);
  }
  const run: OutboxRun = { interrupted: taken.interrupted, attempted: 0, sent: 0, retrying: 0, failed: 0, packets: [] };
  try {
    const due = duePacketIds(ctx.db, ctx.now().toISOString(), opts.all === true);
    if (due.length === 0) return run;
    const url = opts.smtpUrl ?? smtpUrlFromSettings(ctx);
    if (!url) {
      throw invalid(`No mail server is set. ${nextStep(ctx, {
        cli: 'Give one with --smtp smtp://user:password@host:587 (or GENLOG_SMTP_URL), set it in the settings, or export the ' +
          'message with genlog packet eml ID --out FILE.eml and send it from your mail program.',
        app: 'Set one on the Settings page, or export the packet (Export .eml…) and send it from your mail program.',
      })}`);
    }
    senderAddresses(ctx);
    for (const id of due) {
      inTransaction(ctx.db, () => renewLease(ctx, taken.token));
      const outcome = await sendOne(ctx, id, url, by, opts.timeouts);
      if (!outcome) continue;
      run.packets.push(outcome);
      run.attempted += 1;
      run[outcome.result === 'sent' ? 'sent' : outcome.result === 'retrying' ? 'retrying' : 'failed'] += 1;
    }
    return run;
  } finally {
    inTransaction(ctx.db, () => releaseLease(ctx, taken.token));
  }
}

/** Approved packets in any outbox state, newest first; packets left mid-send by a stopped app show as unknown. */
export function listOutbox(ctx: ApiContext, filter: { states?: readonly PacketRow['state'][] } = {}): Packet[] {
  recoverInterruptedSends(ctx);
  return listPacketRows(ctx.db, { states: filter.states && filter.states.length > 0 ? filter.states : OUTBOX_STATES }).map((r) => toPacket(ctx, r));
}
