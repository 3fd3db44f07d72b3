import type { FileState, Outcome, OutcomeCounts, Packet, PacketState, SmtpTls } from './types';

export const STATE_LABELS: Record<PacketState, string> = {
  draft: 'Draft',
  approved: 'Approved',
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
  unknown: 'Unknown',
};

/** One line per state: what it means and who acts next. */
export const STATE_MEANINGS: Record<PacketState, string> = {
  draft: 'Built from the log; can be rebuilt. Review the preview, then approve it to queue it for sending.',
  approved: 'Approved and frozen; moving to the outbox.',
  queued: 'Approved, frozen and waiting in the outbox. It is sent when the mail server is reachable.',
  sending: 'Being handed to the mail server right now.',
  sent: 'Delivered to the mail server. It is sent again only if a person asks.',
  failed: 'The mail server refused it for good, or the settings are wrong. Fix the cause, then re-queue it.',
  unknown: 'GenLog stopped while sending it: the mail server may or may not have received it. Confirm it arrived, or send it again.',
};

/** The outbox order: what needs a person first, then what is moving, then what is done. */
export const STATE_PRIORITY: Record<PacketState, number> = { unknown: 0, failed: 1, sending: 2, queued: 3, approved: 4, sent: 5, draft: 6 };

/** As the PDF names them, in the PDF's order: what stops or waits first. */
export const OUTCOME_ORDER: Outcome[] = ['blocked', 'escalate', 'cleared', 'disclose'];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  blocked: 'Blocked',
  escalate: 'Awaiting approval',
  cleared: 'Cleared',
  disclose: 'Disclose',
};
export const OUTCOME_MEANINGS: Record<Outcome, string> = {
  blocked: 'Cannot be used as planned: a consent or a safe tool is missing.',
  escalate: 'Needs written approval from the Netflix contact before it is used as planned.',
  cleared: 'Needed written approval, and an approval on file covers it.',
  disclose: 'Low risk: disclosed to the Netflix contact; nothing needs approval.',
};

export const TLS_LABELS: Record<SmtpTls, string> = {
  starttls: 'STARTTLS required (port 587)',
  tls: 'TLS from the first byte (port 465)',
  optional: 'STARTTLS when offered',
  off: 'No encryption (local relay only)',
};

export const FILE_STATE_LABELS: Record<FileState, string> = {
  intact: 'Intact: the file on disk is the one recorded',
  changed: 'Changed on disk since it was recorded: it must not be sent',
  missing: 'Missing from the data folder: it cannot be sent',
};

/** History actions in words. */
export const EVENT_LABELS: Record<string, string> = {
  built: 'Built',
  rebuilt: 'Rebuilt',
  approved: 'Approved',
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  'send-failed': 'Send failed, will retry',
  failed: 'Failed',
  interrupted: 'Interrupted',
  confirmed: 'Confirmed sent',
  requeued: 'Re-queued',
  'eml-exported': 'Exported as .eml',
};

/** "E101 · 2026-01-01 → 2026-01-31", "All episodes". */
export function describeScope(p: Pick<Packet, 'episode' | 'since' | 'until'>): string {
  const episode = p.episode ? `Episode ${p.episode}` : 'All episodes';
  if (!p.since && !p.until) return episode;
  return `${episode} · ${p.since ?? 'start'} → ${p.until ?? 'today'}`;
}

export function totalOf(counts: OutcomeCounts): number {
  return counts.blocked + counts.escalate + counts.cleared + counts.disclose;
}

/** A person can confirm that the packet arrived: after an interrupted send, or after sending an exported .eml. */
export function canConfirmSent(p: Packet): boolean {
  if (p.approvedAt === null || p.state === 'sent' || p.state === 'sending') return false;
  return p.state === 'unknown' || p.emlExportedAt !== null;
}

export function canResend(p: Packet): boolean {
  return p.state === 'sent' || p.state === 'failed' || p.state === 'unknown';
}

/** "Re-queue" for a failure, "Send again" otherwise: the button says what the person is deciding. */
export function resendLabel(p: Packet): string {
  return p.state === 'failed' ? 'Re-queue' : 'Send again';
}
