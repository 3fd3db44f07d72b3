import { useState } from 'react';
import { useStores } from '../app/stores-context';
import type { AssetDetail } from '../api-types';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';

/**
 * Retires an asset. Nothing is ever deleted (assets are evidence), but a retired asset can no longer change,
 * so this asks for a reason and an explicit confirmation.
 */
export function RetireDialog({ asset, onClose }: { asset: AssetDetail; onClose(): void }) {
  const { detail } = useStores();
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<{ reason?: string; confirm?: string }>({});
  const [busy, setBusy] = useState(false);

  async function confirm() {
    const next: typeof errors = {};
    if (!reason.trim()) next.reason = 'A reason is required: it is kept in the asset\'s history.';
    if (!confirmed) next.confirm = 'Tick the box to confirm.';
    setErrors(next);
    if (next.reason || next.confirm) return;
    setBusy(true);
    const res = await detail.getState().retire(reason.trim());
    setBusy(false);
    if (res.ok) onClose();
    else setErrors({ reason: res.error.message });
  }

  return (
    <Dialog title={`Retire asset #${asset.id}`} confirmLabel={busy ? 'Retiring…' : 'Retire asset'} danger
      onConfirm={() => void confirm()} onCancel={onClose} busy={busy}>
      <p className="dialog-text">
        <strong>{asset.fileName}</strong> will be marked retired. It stays in the log and its history as evidence, but it
        can no longer be edited or re-tagged.
      </p>
      <Field label="Reason (required)" error={errors.reason}>
        <input className="input" value={reason} data-autofocus maxLength={10_000} placeholder="e.g. Shot omitted from the cut"
          onChange={(e) => setReason(e.target.value)} />
      </Field>
      <label className={`checkbox-label confirm-check${errors.confirm ? ' field-invalid' : ''}`}>
        <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)}
          aria-describedby={errors.confirm ? 'retire-confirm-error' : undefined} />
        I understand: asset #{asset.id} will be retired permanently.
      </label>
      {errors.confirm ? <div id="retire-confirm-error" className="field-error" role="alert">{errors.confirm}</div> : null}
    </Dialog>
  );
}
