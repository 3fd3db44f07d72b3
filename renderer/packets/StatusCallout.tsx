import { formatDateTime } from '../ui/format';
import { FILE_STATE_LABELS, STATE_MEANINGS } from './labels';
import type { PacketDetail } from './types';

/** Under the header: where the packet is and what, if anything, a person has to do. */
export function StatusCallout({ packet }: { packet: PacketDetail }) {
  if (packet.file !== 'intact') {
    return <div className="callout callout-bad" role="alert">{FILE_STATE_LABELS[packet.file]}.</div>;
  }
  switch (packet.state) {
    case 'draft':
      return <div className="callout">{STATE_MEANINGS.draft}</div>;
    case 'queued':
      return (
        <div className={`callout${packet.lastError ? ' callout-warn' : ''}`}>
          {packet.lastError
            ? <>Not sent yet: {packet.lastError} {packet.nextAttemptAt ? `Next try after ${formatDateTime(packet.nextAttemptAt)}.` : ''}</>
            : STATE_MEANINGS.queued}
          {packet.emlExportedAt ? ` Exported as .eml by ${packet.emlExportedBy ?? '?'}: if you sent that, confirm it.` : ''}
        </div>
      );
    case 'sent':
      return (
        <div className="callout callout-ok">
          Sent {packet.sentAt ? formatDateTime(packet.sentAt) : ''}. {packet.smtpResponse ? <span className="muted">{packet.smtpResponse}</span> : null}
        </div>
      );
    case 'failed':
      return <div className="callout callout-bad" role="alert"><strong>Failed:</strong> {packet.lastError ?? 'no reason recorded'}. Fix the cause, then re-queue it.</div>;
    case 'unknown':
      return <div className="callout callout-warn" role="alert"><strong>Unknown:</strong> {STATE_MEANINGS.unknown}</div>;
    default:
      return <div className="callout">{STATE_MEANINGS[packet.state]}</div>;
  }
}
