import { useApp } from '../app/stores-context';
import type { IntakeItem } from '../stores/ingest-store';
import { formatBytes, formatTimeLeft, plural } from '../ui/format';
import { useTimeLeft } from '../ui/use-time-left';

/** Browser uploads: files and bytes done, and the time left at the rate the server has taken them so far. */
function UploadProgress({ items }: { items: IntakeItem[] }) {
  const total = items.reduce((n, i) => n + i.file.size, 0);
  const done = items.reduce((n, i) => n + i.loaded, 0);
  const ready = items.filter((i) => i.status !== 'staging').length;
  const left = useTimeLeft(done, total);
  return (
    <div className="progress" role="status">
      <div className="progress-label">
        Uploading and hashing {ready} of {items.length} done · {formatBytes(done)} of {formatBytes(total)} · {formatTimeLeft(left)}
      </div>
      <progress value={done} max={Math.max(1, total)} aria-label="Upload progress" />
    </div>
  );
}

/**
 * Browser: upload progress by bytes (the server hashes as the bytes arrive). Desktop: the ingest job's hashing
 * progress (files, bytes, time left). A browser's final logAssets call is short and shown as indeterminate.
 */
export function IngestProgressView() {
  const phase = useApp('ingest', (s) => s.phase);
  const items = useApp('ingest', (s) => s.items);
  const p = useApp('ingest', (s) => s.progress);
  const cancellable = useApp('ingest', (s) => s.cancellable);
  const cancelling = useApp('ingest', (s) => s.cancelling);
  if (phase === 'uploading') return <UploadProgress items={items} />;
  if (cancellable || cancelling) {
    return (
      <div className="progress" role="status">
        <div className="progress-label">
          {cancelling ? 'Cancelling… ' : 'Hashing '}
          {p.filesDone} of {plural(p.filesTotal, 'file')} · {formatBytes(p.bytesDone)} of {formatBytes(p.bytesTotal)} · {formatTimeLeft(p.etaSeconds)}
        </div>
        <progress value={p.bytesDone} max={Math.max(1, p.bytesTotal)} aria-label="Hashing progress" />
      </div>
    );
  }
  return (
    <div className="progress" role="status">
      <div className="progress-label">Logging {plural(items.length, 'file')}…</div>
      <progress aria-label="Logging in progress" />
    </div>
  );
}
