import { useApp } from '../app/stores-context';
import { formatBytes } from '../ui/format';

/** Upload progress by bytes in a browser; in the desktop app the files are hashed in place (indeterminate). */
export function IngestProgressView() {
  const phase = useApp('ingest', (s) => s.phase);
  const p = useApp('ingest', (s) => s.progress);
  const uploading = phase === 'uploading';
  const label = uploading
    ? `Uploading and hashing ${Math.min(p.filesDone + 1, p.filesTotal)} of ${p.filesTotal} · ${formatBytes(p.bytesDone)} of ${formatBytes(p.bytesTotal)}`
    : `Hashing and logging ${p.filesTotal} file${p.filesTotal === 1 ? '' : 's'}…`;
  return (
    <div className="progress" role="status">
      <div className="progress-label">{label}</div>
      {uploading && p.bytesTotal > 0
        ? <progress value={p.bytesDone} max={p.bytesTotal} aria-label="Upload progress" />
        : <progress aria-label="Logging in progress" />}
    </div>
  );
}
