import { useApp, useStores } from '../app/stores-context';
import { Dialog } from '../ui/Dialog';
import { formatBytes, formatCount, plural } from '../ui/format';
import { LogAgainWithTool } from './LogAgainWithTool';
import { MissingFrames } from './MissingFrames';
import { SameFrames } from './SameFrames';
import { frameSpan } from '../../main/format/frame-counts';
import { NotLogged } from './NotLogged';
import { ProvenanceAlerts } from './ProvenanceAlerts';
import { PathName } from './PathName';
import { ScrollList } from '../ui/ScrollList';
import type { IngestJob } from './types';

type LoggedAsset = NonNullable<IngestJob['assets']>[number];

/** One row per new asset, and one per asset found again (however many files had its content), where first found. */
interface AssetRow {
  asset: LoggedAsset;
  /** Found files with this asset's content, beyond the asset itself: a duplicate row's count. */
  found: number;
  /** Where this run found the content (a duplicate: the first such file), when not at the asset's own path. */
  foundAt: string | null;
  foundFrames: { first: number; last: number } | null;
  /** A duplicate of an asset logged by this same run (not one that was in the log before it). */
  ofNew: boolean;
  /** The files with this content the run found, beyond the one the row shows: named, so they can be found. */
  alsoAt: string[];
}

function assetRows(assets: readonly LoggedAsset[]): AssetRow[] {
  const newIds = new Set(assets.filter((a) => !a.duplicate).map((a) => a.id));
  const rows: AssetRow[] = [];
  const dupes = new Map<number, AssetRow>();
  for (const asset of assets) {
    if (!asset.duplicate) { rows.push({ asset, found: 0, foundAt: null, foundFrames: null, ofNew: false, alsoAt: [] }); continue; }
    const seen = dupes.get(asset.id);
    if (seen) {
      seen.found++;
      if (asset.foundPath) seen.alsoAt.push(asset.foundPath);
      continue;
    }
    const ofNew = newIds.has(asset.id);
    // A copy of an asset logged before this run is shown where it was found; copies of a new one sit under it.
    // Late frames repeating a logged asset's content (a loop render) are shown as the frames found, not the asset's.
    const foundFrames = !ofNew ? asset.foundFrames ?? null : null;
    const foundAt = !ofNew && asset.foundPath && (asset.foundPath !== asset.path || foundFrames) ? asset.foundPath : null;
    // A copy of a new asset is not shown at a path of its own: its path is the first of those named.
    const row = { asset, found: 1, foundAt, foundFrames, ofNew, alsoAt: ofNew && asset.foundPath ? [asset.foundPath] : [] };
    dupes.set(asset.id, row);
    rows.push(row);
  }
  return rows;
}

/** "copy_2.bin, copy_3.bin", or the first five names and how many more. */
function fileNames(paths: readonly string[]): string {
  const names = paths.slice(0, 5).map((p) => p.split(/[/\\]/).pop() ?? p);
  return paths.length > 5 ? `${names.join(', ')} and ${formatCount(paths.length - 5)} more` : names.join(', ');
}

/**
 * "already logged (6 files found with this content)"; a duplicate of an asset this run logged says so; a file found
 * at another path than the asset's names the asset it matches. The other files found are named (full paths on hover).
 */
function duplicateNote({ asset, found, foundAt, foundFrames, ofNew, alsoAt }: AssetRow): string | null {
  const itsFrames = foundFrames && asset.frameRange ? ` frames ${frameSpan(asset.frameRange, asset.fileName)}` : '';
  const same = foundAt ? `same content as #${asset.id} ${asset.fileName}${itsFrames}` : null;
  const also = alsoAt.length ? `: ${fileNames(alsoAt)}` : '';
  if (ofNew) return `${plural(found, 'more file', 'more files')} found with the same content${also}`;
  if (found > 1) return [same, `${formatCount(found)} files found with this content${alsoAt.length ? `, also ${fileNames(alsoAt)}` : ''}`].filter(Boolean).join('; ');
  return same;
}

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
  // Only after a whole run: running a stopped one again with a tool would give it to the files not reached too.
  const canLogAgain = job.state === 'done' && !job.notReached;
  // Nothing new is not said like a success ("Logged 0 new assets"): the notification says why, in the same words.
  const title = job.state === 'done' ? (job.logged ? `Logged ${plural(job.logged, 'new asset')}` : 'Nothing new logged')
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
        {job.needTool.length ? (
          <li><strong>{formatCount(job.needTool.length)}</strong> {job.needTool.length === 1 ? 'file or sequence names' : 'files or sequences name'} no listed tool: not logged, listed below</li>
        ) : null}
        {job.notReached ? (
          <li>
            <strong>{formatCount(job.notReached)}</strong> {job.notReached === 1 ? 'file' : 'files'} not reached: the ingest stopped before
            their batch was saved. Log the folder again to finish (files already read are not read again).
          </li>
        ) : null}
        {job.alerts.length ? (
          <li><strong>{formatCount(job.alerts.length)}</strong> new {job.alerts.length === 1 ? 'asset\'s provenance needs' : 'assets\' provenance needs'} a look (a failed C2PA check, a contradiction, or what could not be read): listed below</li>
        ) : null}
        {job.draftsSettled ? (
          <li><strong>{formatCount(job.draftsSettled)}</strong> {job.draftsSettled === 1 ? 'draft' : 'drafts'} of these files waiting in the New files inbox confirmed as the assets logged</li>
        ) : null}
        {filesReused ? (
          <li><strong>{formatCount(filesReused)}</strong> unchanged {filesReused === 1 ? 'file' : 'files'} not read again (already hashed)</li>
        ) : null}
      </ul>
      {assets.length ? (
        <ScrollList label="Logged assets">
          {assetRows(assets).map((row, i) => {
            const a = row.asset;
            const note = a.duplicate ? duplicateNote(row) : null;
            const range = row.foundFrames ?? a.frameRange;
            return (
              <li key={`${a.duplicate ? 'dup' : 'new'}:${a.id}:${i}`} className={`result-item${a.duplicate ? ' is-duplicate' : ''}`}>
                <span className="mono muted">#{a.id}</span>
                {row.foundAt ? <PathName path={row.foundAt} /> : <PathName path={a.path} name={a.fileName} />}
                {range ? <span className="frame-range">frames {frameSpan(range, a.fileName)}</span> : null}
                <span className="muted">{a.tool}</span>
                {a.duplicate ? <span className="tag tag-warn">{row.ofNew ? 'duplicate' : 'already logged'}</span> : <span className="tag tag-ok">new</span>}
                {note ? <span className="result-note muted" title={row.alsoAt.join('\n') || undefined}>({note})</span> : null}
              </li>
            );
          })}
        </ScrollList>
      ) : null}
      <ProvenanceAlerts alerts={job.alerts} />
      <MissingFrames gaps={job.gaps} />
      <SameFrames pairs={job.sameFrames} />
      <NotLogged entries={[
        ...job.needTool.map((path) => (canLogAgain
          ? { path, reason: 'names no listed tool: choose its tool below', many: 'name no listed tool: choose their tool below' }
          : { path, reason: 'names no listed tool: log it again with a tool', many: 'name no listed tool: log them again with a tool' })),
        ...job.unreadable,
        ...job.skipped,
      ]} />
      {job.needTool.length && canLogAgain ? <LogAgainWithTool count={job.needTool.length} /> : null}
    </Dialog>
  );
}
