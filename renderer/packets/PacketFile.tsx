import { useState } from 'react';
import { useStores } from '../app/stores-context';
import { CopyButton } from '../ui/CopyButton';
import { formatBytes, formatDateTime } from '../ui/format';
import { FILE_STATE_LABELS } from './labels';
import type { PacketDetail, VerifyResult } from './types';

function Row({ label, value, copy, mono }: { label: string; value: string | null; copy?: boolean; mono?: boolean }) {
  return (
    <div className="kv kv-wide">
      <dt>{label}</dt>
      <dd className={copy && value ? 'kv-copy' : undefined}>
        {value === null ? <span className="muted">—</span> : <span className={mono ? 'mono selectable' : undefined}>{value}</span>}
        {copy && value ? <CopyButton value={value} label={label} /> : null}
      </dd>
    </div>
  );
}

/** The packet ZIP on disk and what the outbox knows about its sending; a verify as an outsider would run it. */
export function PacketFile({ packet }: { packet: PacketDetail }) {
  const { packets } = useStores();
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [busy, setBusy] = useState(false);

  async function verify() {
    setBusy(true);
    const res = await packets.getState().verify(packet);
    setBusy(false);
    setResult(res.ok ? res.value : null);
  }

  return (
    <div className="packet-file">
      <dl className="kv-list">
        <div className="kv kv-wide">
          <dt>File</dt>
          <dd className={packet.file === 'intact' ? undefined : 'risk-bad'}>{FILE_STATE_LABELS[packet.file]}</dd>
        </div>
        <Row label="Path" value={packet.path} copy mono />
        <Row label="SHA-256" value={packet.sha256} copy mono />
        <div className="kv"><dt>Size</dt><dd>{formatBytes(packet.size)}</dd></div>
        <div className="kv"><dt>Assets</dt><dd>{packet.assets}</dd></div>
        <Row label="Packet id" value={packet.uuid} mono />
        <Row label="Message-ID" value={packet.messageId} mono />
        <div className="kv"><dt>Attempts</dt><dd>{packet.attempts}</dd></div>
        <div className="kv"><dt>Next try</dt><dd>{packet.nextAttemptAt ? formatDateTime(packet.nextAttemptAt) : '—'}</dd></div>
        <div className="kv"><dt>Sent</dt><dd>{packet.sentAt ? formatDateTime(packet.sentAt) : '—'}</dd></div>
        <div className="kv"><dt>Exported as .eml</dt><dd>{packet.emlExportedAt ? `${packet.emlExportedBy ?? '?'}, ${formatDateTime(packet.emlExportedAt)}` : '—'}</dd></div>
        <Row label="Mail server answer" value={packet.smtpResponse} />
        <Row label="Last error" value={packet.lastError} />
      </dl>
      <div className="form-actions packet-verify">
        <button type="button" className="btn" onClick={() => void verify()} disabled={busy}>{busy ? 'Verifying…' : 'Verify file'}</button>
        {result ? (
          result.valid
            ? <span className="verify-ok" role="status">✓ Valid: every hash, the signature and the manifest check out.</span>
            : <span className="risk-bad" role="status">Not valid: {result.problems.length} problem{result.problems.length === 1 ? '' : 's'}</span>
        ) : null}
      </div>
      {result && !result.valid ? (
        <ul className="verify-problems" aria-label="Problems found">
          {result.problems.map((p) => <li key={p}>{p}</li>)}
        </ul>
      ) : null}
    </div>
  );
}
