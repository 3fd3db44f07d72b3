import { useApp, useStores } from '../app/stores-context';
import { Dialog } from '../ui/Dialog';
import { formatBytes, formatCount, plural } from '../ui/format';
import { MissingFrames } from './MissingFrames';
import { NotLogged } from './NotLogged';

function isSequencePattern(path: string): boolean {
  return (path.split(/[/\\]/).pop() ?? '').includes('#');
}

/** What the ingest did: assets logged, duplicates, sequences with their frame ranges, and files it skipped. */
export function FolderIngestResult() {
  const { folderIngest } = useStores();
  const job = useApp('folderIngest', (s) => s.job);
  const cancelAsked = useApp('folderIngest', (s) => s.cancelAsked);
  const close = () => folderIngest.getState().close();
  if (!job) {
    return <Dialog title="Folder ingest" confirmLabel="Close" hideCancel onConfirm={close} onCancel={close}><p className="dialog-text">The ingest could not be followed.</p></Dialog>;
  }
  const assets = job.assets ?? [];
  const sequences = assets.filter((a) => a.frameRange).length;
  // A sequence not logged (no tool named, or a frame not read) is listed by its frame pattern: "shot010_v003.####.exr".
  const sequencesNotLogged = [...job.needTool, ...job.unreadable.map((u) => u.path)].filter(isSequencePattern).length;
  const found = sequences + sequencesNotLogged;
  const { filesTotal, filesDone, filesReused, bytesDone } = job.progress;
  const unreadFiles = job.unreadable.reduce((n, u) => n + u.files.length, 0);
  const read = Math.max(0, filesDone - filesReused - unreadFiles);
  const title = job.state === 'done' ? `Logged ${plural(job.logged, 'new asset')}`
    : job.state === 'cancelled' ? `Cancelled: ${plural(job.logged, 'asset')} logged` : 'The folder ingest stopped';
  return (
    <Dialog title={title} confirmLabel="Done" hideCancel onConfirm={close} onCancel={close} className="dialog-wide">
      {job.state === 'cancelled' ? (
        <div className="notice" role="status">Cancelled. Batches finished before the cancel stay logged; the unfinished batch was dropped.</div>
      ) : null}
      {job.state === 'failed' ? <div className="form-error" role="alert">{job.error}</div> : null}
      {job.state === 'done' && cancelAsked ? (
        <div className="notice" role="status">The ingest had finished before Cancel reached it: everything below was logged.</div>
      ) : null}
      <ul className="ingest-summary" aria-label="Ingest summary">
        <li><strong>{formatCount(job.logged)}</strong> new {job.logged === 1 ? 'asset' : 'assets'} logged</li>
        <li><strong>{formatCount(job.duplicates)}</strong> already in the log (duplicates)</li>
        <li>
          <strong>{formatCount(found)}</strong> image {found === 1 ? 'sequence' : 'sequences'} found
          {sequencesNotLogged ? ` (${formatCount(sequencesNotLogged)} not logged, listed below)` : ''}
        </li>
        {filesTotal > filesReused || filesReused === 0 ? (
          <li><strong>{formatCount(read)}</strong> of {formatCount(filesTotal - filesReused)} {filesTotal - filesReused === 1 ? 'file' : 'files'} read ({formatBytes(bytesDone)})</li>
        ) : null}
        {unreadFiles ? (
          <li><strong>{formatCount(unreadFiles)}</strong> {unreadFiles === 1 ? 'file' : 'files'} could not be read: not logged, listed below</li>
        ) : null}
        {filesReused ? (
          <li><strong>{formatCount(filesReused)}</strong> unchanged {filesReused === 1 ? 'file' : 'files'} not read again (already hashed)</li>
        ) : null}
      </ul>
      {assets.length ? (
        <ul className="result-list" aria-label="Logged assets">
          {assets.map((a) => (
            <li key={a.id} className={`result-item${a.duplicate ? ' is-duplicate' : ''}`}>
              <span className="mono muted">#{a.id}</span>
              <span className="file-name" title={a.path}>{a.fileName}</span>
              {a.frameRange ? <span className="frame-range">frames {a.frameRange.first}–{a.frameRange.last}</span> : null}
              <span className="muted">{a.tool}</span>
              {a.duplicate ? <span className="tag tag-warn">already logged</span> : <span className="tag tag-ok">new</span>}
            </li>
          ))}
        </ul>
      ) : null}
      <MissingFrames gaps={job.gaps} />
      <NotLogged entries={[
        ...job.needTool.map((path) => ({ path, reason: 'names no listed tool: choose a tool and log it again' })),
        ...job.unreadable,
        ...job.skipped,
      ]} />
    </Dialog>
  );
}
