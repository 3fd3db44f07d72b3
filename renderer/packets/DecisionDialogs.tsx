import { useState } from 'react';
import { useStores } from '../app/stores-context';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { formatDateTime } from '../ui/format';
import { resendLabel } from './labels';
import type { Packet } from './types';

/** A person states the packet reached the Netflix contact: after an interrupted send or an .eml sent by hand. */
export function ConfirmSentDialog({ packet, onClose }: { packet: Packet; onClose(): void }) {
  const { packets } = useStores();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  async function confirm() {
    setBusy(true);
    await packets.getState().confirmSent(packet.id, note);
    setBusy(false);
    onClose();
  }
  const how = packet.state === 'unknown'
    ? 'GenLog stopped while sending it, so nobody knows whether the mail server got it. Check the Sent folder of the sender or ask the contact.'
    : `It was exported as .eml by ${packet.emlExportedBy ?? '?'} on ${packet.emlExportedAt ? formatDateTime(packet.emlExportedAt) : '?'}.`;
  return (
    <Dialog title={`Confirm packet ${packet.id} was sent`} confirmLabel={busy ? 'Recording…' : 'Record as sent'} onConfirm={() => void confirm()}
      onCancel={onClose} busy={busy}>
      <p className="dialog-text">{how} Record it as sent only if you know it arrived; the outbox will not send it again.</p>
      <Field label="How you know (optional)" hint="Kept in the history, e.g. “in the Sent folder, 14:02” or “Dana confirmed by phone”.">
        <textarea className="input" rows={3} value={note} onChange={(e) => setNote(e.target.value)} data-autofocus />
      </Field>
    </Dialog>
  );
}

/** Sent, failed or unknown -> queued again, with the same Message-ID: only ever because a person asked. */
export function ResendDialog({ packet, onClose }: { packet: Packet; onClose(): void }) {
  const { packets } = useStores();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  async function resend() {
    setBusy(true);
    await packets.getState().resend(packet.id, reason);
    setBusy(false);
    onClose();
  }
  const text = {
    failed: `The mail server refused it: ${packet.lastError ?? 'no reason recorded'}. Fix the cause (settings, address) first; it is then tried again.`,
    unknown: 'GenLog stopped while sending it: the contact may already have it. Sending again uses the same Message-ID, so their mail program can tell it is the same message.',
    sent: `It was sent ${packet.sentAt ? formatDateTime(packet.sentAt) : ''}. It goes to the contact again, with the same Message-ID.`,
  }[packet.state as 'failed' | 'unknown' | 'sent'] ?? '';
  return (
    <Dialog title={`${resendLabel(packet)}: packet ${packet.id}`} confirmLabel={busy ? 'Queuing…' : `${resendLabel(packet)}`} onConfirm={() => void resend()}
      onCancel={onClose} busy={busy}>
      <p className="dialog-text">{text}</p>
      <Field label="Reason (optional)" hint="Kept in the history.">
        <textarea className="input" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} data-autofocus />
      </Field>
    </Dialog>
  );
}
