import { useApp, useStores } from '../app/stores-context';
import { ClassificationBadge } from '../ui/ClassificationBadge';
import { formatDateTime } from '../ui/format';
import type { WatchFolder } from './types';
import { BusyButton } from '../ui/BusyButton';
import { PathName } from './PathName';

function Defaults({ f }: { f: WatchFolder }) {
  const parts: [string, string][] = [
    ['tool', f.tool ?? 'from the file'],
    ...(f.artist ? [['artist', f.artist] as [string, string]] : []),
    ...(f.plannedUseId !== null ? [['planned use', `#${f.plannedUseId}`] as [string, string]] : []),
    ...(f.include.length ? [['include', f.include.join(', ')] as [string, string]] : []),
    ...(f.exclude.length ? [['exclude', f.exclude.join(', ')] as [string, string]] : []),
    ['subfolders', f.recursive ? 'yes' : 'no'],
  ];
  return (
    <span className="watch-defaults">
      {/* Shown here only where the Class column made way (a narrow window). */}
      <span className="watch-default watch-default-class"><span className="muted">class</span> {f.classification}</span>
      {parts.map(([k, v]) => <span key={k} className="watch-default"><span className="muted">{k}</span> {v}</span>)}
    </span>
  );
}

/** "2026-12-06 21:06" wrapping at the space only, where the column is narrow. */
function DateOnTwoLines({ text }: { text: string }) {
  const [day, ...time] = text.split(' ');
  return <><span className="nowrap">{day}</span> <span className="nowrap">{time.join(' ')}</span></>;
}

/** Every watch folder with its defaults and status; each row's actions are named for screen readers. */
export function WatchFolderTable({ folders, onRemove }: { folders: WatchFolder[]; onRemove(f: WatchFolder): void }) {
  const { watchFolders } = useStores();
  const scanning = useApp('watchFolders', (s) => s.scanning);
  const lastScan = useApp('watchFolders', (s) => s.lastScan);
  // Folders the last scan could not reach (moved, unmounted): said in their row, not only in the scan report, until
  // the folder is scanned again (the watcher's catch-up once it is back).
  // Stamps of one clock are compared (the scan's answer says the folder's last scan as the database had it), not the
  // database's with this window's: a render node's clock may be behind.
  const scannedSince = (id: number) => {
    const folder = folders.find((f) => f.id === id);
    const then = lastScan?.results.find((r) => r.watchId === id)?.lastScanAt ?? null;
    return folder !== undefined && folder.lastScanAt !== then;
  };
  const unreachable = new Map((lastScan?.results ?? []).flatMap((r) => (r.scanError && !scannedSince(r.watchId) ? [[r.watchId, r.scanError] as const] : [])));
  if (folders.length === 0) return null;
  return (
    <table className="data-table watch-table" aria-label="Watch folders">
      <thead>
        <tr>
          <th scope="col">Folder</th><th scope="col">Production</th><th scope="col" className="col-class">Class</th><th scope="col">Defaults</th>
          <th scope="col">Status</th><th scope="col" className="col-scanned">Last scan</th><th scope="col">Waiting</th>
          <th scope="col"><span className="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        {folders.map((f) => (
          <tr key={f.id} className={f.enabled ? undefined : 'is-paused'}>
            <td className="mono watch-path"><PathName path={f.path} /></td>
            <td>{f.production}</td>
            <td className="col-class"><ClassificationBadge value={f.classification} /></td>
            <td><Defaults f={f} /></td>
            <td>
              <div className="watch-status">
                {f.enabled ? <span className="tag tag-ok">Enabled</span> : <span className="tag tag-warn">Paused</span>}
                {f.missing ? <span className="tag tag-bad" title="Nothing is at this path now: moved, deleted, or its share is not mounted">Folder missing</span>
                  : unreachable.has(f.id) ? <span className="tag tag-bad">Scan failed</span> : null}
              </div>
            </td>
            <td className="muted watch-scanned col-scanned">
              {unreachable.has(f.id) ? <span className="watch-scan-failed">failed: {unreachable.get(f.id)}</span>
                : f.lastScanAt ? <DateOnTwoLines text={formatDateTime(f.lastScanAt)} /> : 'never'}
            </td>
            <td className="num">{f.pendingDrafts}</td>
            <td className="cell-actions watch-actions">
              <BusyButton className="btn btn-small" aria-label={`Scan ${f.path} now`} busy={scanning !== null} data-watch-scan
                onClick={() => void watchFolders.getState().scan(f.id)}>
                {scanning === f.id ? 'Scanning…' : 'Scan now'}
              </BusyButton>{' '}
              <button type="button" className="btn btn-small" aria-label={`${f.enabled ? 'Pause' : 'Resume'} watching ${f.path}`}
                onClick={() => void watchFolders.getState().setEnabled(f.id, !f.enabled)}>
                {f.enabled ? 'Pause' : 'Resume'}
              </button>{' '}
              <button type="button" className="btn btn-small btn-danger-outline" aria-label={`Remove watch folder ${f.path}`} onClick={() => onRemove(f)}>
                Remove…
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
