import { useId, useRef, useState, type DragEvent } from 'react';
import { useStores } from '../app/stores-context';
import type { StagedEvidence } from '../file-stager';
import { formatBytes } from '../ui/format';
import { shortHash } from './labels';

export interface EvidenceFieldProps {
  label: string;
  value: StagedEvidence | null;
  onChange(value: StagedEvidence | null): void;
  /** What to drop, e.g. "the approval email (.eml) or a PDF". */
  what: string;
  accept?: string;
  error?: string | null;
  testId?: string;
}

/**
 * An evidence file, dropped here or picked: uploaded at once in a browser (the server keeps and hashes it) or named
 * by its path in the desktop app. The window-wide "drop to log" target ignores drops on this zone (data-drop-zone).
 */
export function EvidenceField({ label, value, onChange, what, accept, error, testId }: EvidenceFieldProps) {
  const { compliance } = useStores();
  const inputRef = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [progress, setProgress] = useState<{ name: string; loaded: number; total: number } | null>(null);
  const id = useId();

  async function take(file: File | undefined) {
    if (!file) return;
    setProgress({ name: file.name, loaded: 0, total: file.size });
    const res = await compliance.getState().stageEvidence(file, (loaded) => setProgress({ name: file.name, loaded, total: file.size }));
    setProgress(null);
    if (res.ok) onChange(res.value);
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    void take(e.dataTransfer.files[0]);
  }

  return (
    <div className={`field evidence-field${error ? ' field-invalid' : ''}`}>
      <span className="field-label" id={`${id}-label`}>{label}</span>
      <div
        className={`drop-zone${over ? ' is-over' : ''}${value ? ' has-file' : ''}`}
        data-drop-zone
        onDragEnter={(e) => { e.preventDefault(); setOver(true); }}
        onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; }}
        onDragLeave={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false); }}
        onDrop={onDrop}
      >
        <input ref={inputRef} type="file" className="visually-hidden" tabIndex={-1} accept={accept} aria-labelledby={`${id}-label`}
          data-testid={testId}
          onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; void take(f); }} />
        {progress ? (
          <div className="drop-zone-line" role="status">
            <span>Reading {progress.name}…</span>
            <progress value={progress.loaded} max={Math.max(1, progress.total)} aria-label="Evidence upload" />
          </div>
        ) : value ? (
          <div className="evidence-file">
            <div className="drop-zone-line">
              <span className="evidence-name" title={value.fileName}>{value.fileName}</span>
              <span className="spacer" />
              <button type="button" className="btn btn-small" onClick={() => inputRef.current?.click()}>Replace…</button>
              <button type="button" className="btn btn-small" aria-label={`Remove ${value.fileName}`} onClick={() => onChange(null)}>Remove</button>
            </div>
            <div className="evidence-meta" title={value.sha256 ? `SHA-256 ${value.sha256}` : undefined}>
              {formatBytes(value.size)}
              {value.sha256 ? <> · sha256 <span className="mono">{shortHash(value.sha256)}</span></> : ' · hashed when saved'}
            </div>
          </div>
        ) : (
          <div className="drop-zone-line">
            <span className="muted">Drop {what} here, or</span>
            <button type="button" className="btn btn-small" onClick={() => inputRef.current?.click()} aria-describedby={`${id}-label`}>Choose file…</button>
          </div>
        )}
      </div>
      {error ? <div className="field-error" role="alert">{error}</div>
        : <div className="field-hint">Copied into GenLog&apos;s evidence store and hashed (SHA-256) when saved.</div>}
    </div>
  );
}
