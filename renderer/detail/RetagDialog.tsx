import { useState } from 'react';
import { useStores } from '../app/stores-context';
import type { AssetDetail, Classification } from '../api-types';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';

const CONSEQUENCE: Record<Classification, string> = {
  deliverable: 'Deliverable means it may appear in the final product: under Netflix\'s guidance (P4) that needs written approval before delivery.',
  temporary: 'Temporary means it is for ideation, previs or temp use only and will not appear in the final product.',
};

/** Re-tags temporary ↔ deliverable. A reason is required: it is what a reviewer reads in the history. */
export function RetagDialog({ asset, onClose }: { asset: AssetDetail; onClose(): void }) {
  const { detail } = useStores();
  const to: Classification = asset.classification === 'temporary' ? 'deliverable' : 'temporary';
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    if (!reason.trim()) {
      setError('A reason is required: it is kept in the asset\'s history.');
      return;
    }
    setBusy(true);
    const res = await detail.getState().retag(to, reason.trim());
    setBusy(false);
    if (res.ok) onClose();
    else setError(res.error.message);
  }

  return (
    <Dialog title={`Re-tag asset #${asset.id} as ${to}`} confirmLabel={busy ? 'Re-tagging…' : `Re-tag as ${to}`}
      onConfirm={() => void confirm()} onCancel={onClose} busy={busy}>
      <p className="dialog-text">
        <strong>{asset.fileName}</strong> is <span className={`badge badge-${asset.classification}`}>{asset.classification}</span> and
        will become <span className={`badge badge-${to}`}>{to}</span>.
      </p>
      <p className="dialog-text muted">{CONSEQUENCE[to]}</p>
      <Field label="Reason (required)" error={error}>
        <input className="input" value={reason} data-autofocus maxLength={10_000}
          placeholder={to === 'deliverable' ? 'e.g. Approved by director for the final cut of E101' : 'e.g. Replaced by a practical plate'}
          onChange={(e) => { setReason(e.target.value); if (error) setError(null); }} />
      </Field>
    </Dialog>
  );
}
