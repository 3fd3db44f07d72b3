import { useState } from 'react';
import { useApp, useStores } from '../app/stores-context';
import { Dialog } from '../ui/Dialog';
import { describeScope } from './labels';
import type { PacketDetail } from './types';

/** Approving freezes the packet exactly as reviewed, re-signs it with the approver's name and queues it. */
export function ApproveDialog({ packet, onClose }: { packet: PacketDetail; onClose(): void }) {
  const { packets } = useStores();
  const approver = useApp('settings', (s) => s.settings?.artistName);
  const [busy, setBusy] = useState(false);
  const { blocked, escalate } = packet.counts;
  const contact = packet.manifest?.netflixContact;

  async function approve() {
    setBusy(true);
    const res = await packets.getState().approve(packet.id);
    setBusy(false);
    // A refusal (approved elsewhere meanwhile, file changed) is in the notification area; the pane shows the packet as it now is.
    if (res.ok || res.error.code === 'conflict') onClose();
  }

  return (
    <Dialog title={`Approve packet ${packet.id}`} confirmLabel={busy ? 'Approving…' : 'Approve and queue'} onConfirm={() => void approve()}
      onCancel={onClose} busy={busy}>
      <p className="dialog-text">
        {packet.production} · {describeScope(packet)} · {packet.assets} asset{packet.assets === 1 ? '' : 's'}.
        Its contents are frozen as you reviewed them and it goes to the outbox, to be sent
        to {contact ? <strong>{contact.name} &lt;{contact.email}&gt;</strong> : 'the Netflix contact'} with you in copy.
      </p>
      {blocked + escalate > 0 ? (
        <div className="notice notice-warn">
          {blocked > 0 ? `${blocked} blocked` : ''}{blocked > 0 && escalate > 0 ? ' and ' : ''}{escalate > 0 ? `${escalate} awaiting approval` : ''}:
          the packet tells the contact so, first thing. Approving the packet does not approve those assets.
        </div>
      ) : null}
      <p className="dialog-text muted">Approved by <strong>{approver ?? '…'}</strong> (the artist name in Settings), now.</p>
    </Dialog>
  );
}
