import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useApp } from '../app/stores-context';
import type { AssetDetail } from '../api-types';
import { CopyButton } from '../ui/CopyButton';
import { formatBytes, formatDateTime, MEDIA_LABELS } from '../ui/format';
import { EditAssetForm } from './EditAssetForm';
import { Thumbnail } from '../thumbnails/Thumbnail';

function Row({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={`kv${wide ? ' kv-wide' : ''}`}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Every field of the asset; Edit turns the editable ones (episode, tool, prompt, notes) into a form. */
export function DetailsTab({ asset }: { asset: AssetDetail }) {
  const [editing, setEditing] = useState(false);
  // Saved or cancelled, the form is gone with the field that had the keyboard: it goes back to "Edit fields…".
  const [refocus, setRefocus] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!editing && refocus) {
      editButton.current?.focus();
      setRefocus(false);
    }
  }, [editing, refocus]);
  const production = useApp('catalog', (s) => s.productions.find((p) => p.code === asset.production));

  if (editing) return <EditAssetForm asset={asset} onDone={() => { setEditing(false); setRefocus(true); }} />;

  return (
    <div className="details">
      {asset.retired ? (
        <div className="notice notice-retired" role="note">
          Retired {asset.retiredAt ? formatDateTime(asset.retiredAt) : ''}: {asset.retiredReason}. It stays in the log as evidence and can no longer be changed.
        </div>
      ) : null}
      <div className="detail-preview"><Thumbnail asset={asset} size="large" /></div>
      <dl className="kv-list">
        <Row label="Production">{asset.production}{production ? <span className="muted"> · {production.title}</span> : null}</Row>
        <Row label="Episode / reel">{asset.episode || <span className="muted">—</span>}</Row>
        <Row label="Tool">{asset.tool ?? <span className="muted">—</span>}</Row>
        <Row label="Artist">{asset.createdBy}</Row>
        <Row label="Created">{formatDateTime(asset.createdAt)}</Row>
        <Row label="Media">{MEDIA_LABELS[asset.mediaType]} · {formatBytes(asset.size)}</Row>
        <Row label="File name" wide>{asset.fileName}</Row>
        <Row label="Path" wide>
          {asset.path ? <span className="mono selectable">{asset.path}</span> : <span className="muted">Uploaded in a browser: no path on this machine.</span>}
        </Row>
        <Row label="SHA-256" wide>
          <span className="mono selectable hash">{asset.sha256}</span> <CopyButton value={asset.sha256} label="SHA-256" />
        </Row>
        <Row label="Prompt" wide><div className="prose">{asset.prompt || <span className="muted">No prompt recorded.</span>}</div></Row>
        <Row label="Notes" wide><div className="prose">{asset.notes || <span className="muted">No notes.</span>}</div></Row>
      </dl>
      {!asset.retired ? (
        <div className="form-actions">
          <button type="button" className="btn" ref={editButton} onClick={() => setEditing(true)}>Edit fields…</button>
        </div>
      ) : null}
    </div>
  );
}
