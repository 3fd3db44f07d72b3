import { useApp, useStores } from '../app/stores-context';
import { Dialog } from '../ui/Dialog';
import { formatBytes, formatCount, formatTimeLeft } from '../ui/format';

/** The running ingest: files and bytes done of the total, ETA, and Cancel (finished batches stay logged). */
export function FolderIngestProgress() {
  const { folderIngest } = useStores();
  const job = useApp('folderIngest', (s) => s.job);
  const cancelling = useApp('folderIngest', (s) => s.cancelling);
  const p = job?.progress;
  const share = !p || p.phase === 'scanning' ? undefined : p.bytesTotal > 0 ? p.bytesDone / p.bytesTotal : p.filesTotal > 0 ? p.filesDone / p.filesTotal : 1;
  return (
    <Dialog title="Logging a folder" confirmLabel="Working…" busy cancelWhileBusy cancelLabel={cancelling ? 'Cancelling…' : 'Cancel'}
      onConfirm={() => undefined} onCancel={() => void folderIngest.getState().cancel()}>
      <div className="progress">
        <div className="progress-label" aria-live="polite">
          {!p || p.phase === 'scanning'
            ? 'Listing the folder…'
            : `${formatCount(p.filesDone)} of ${formatCount(p.filesTotal)} files · ${formatBytes(p.bytesDone)} of ${formatBytes(p.bytesTotal)} · ${p.phase === 'done' ? 'done' : formatTimeLeft(p.etaSeconds)}`}
        </div>
        <progress aria-label="Folder ingest progress" max={1} value={share} />
        {p && p.phase !== 'scanning' ? (
          <div className="muted small ingest-counts">
            {formatCount(p.itemsLogged)} of {formatCount(p.itemsTotal)} assets logged so far
            {p.duplicates ? ` · ${formatCount(p.duplicates)} already in the log` : ''}
            {p.filesReused ? ` · ${formatCount(p.filesReused)} unchanged files not read again` : ''}
          </div>
        ) : null}
      </div>
      <p className="dialog-text muted small">
        Files are logged in batches, each all or nothing. Cancel keeps the batches already finished in the log and drops the
        unfinished one: no file is ever half logged.
      </p>
    </Dialog>
  );
}
