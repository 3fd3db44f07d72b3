import { useEffect, useState } from 'react';
import { useApp, useStores } from '../app/stores-context';
import { ModalGuard } from '../compliance/ModalGuard';
import { plural } from '../ui/format';
import { LogFolderButton } from './LogFolderButton';
import { RemoveWatchDialog } from './RemoveWatchDialog';
import { ScanReportView } from './ScanReportView';
import { WatchFolderForm } from './WatchFolderForm';
import { WatchFolderTable } from './WatchFolderTable';
import type { WatchFolder } from './types';
import { BusyButton } from '../ui/BusyButton';
import '../styles/ingest.css';

export const WATCH_FOLDERS_RELOAD_MS = 5_000;

/** Folders GenLog watches for new renders: their defaults, pause/resume, remove, and scan now. */
export function WatchFoldersPage() {
  const { watchFolders, ui } = useStores();
  const folders = useApp('watchFolders', (s) => s.folders);
  const loaded = useApp('watchFolders', (s) => s.loaded);
  const scanning = useApp('watchFolders', (s) => s.scanning);
  const [removing, setRemoving] = useState<WatchFolder | null>(null);
  // The removed folder's row, and the button that opened the dialog, are gone: the keyboard moves to the next row's
  // Scan now (or the last row's, or the add form's path) instead of dropping to the page. Not to its Remove…: two
  // more presses of Enter, meant for the first folder, would remove that one too.
  const [focusRow, setFocusRow] = useState<number | null>(null);
  useEffect(() => {
    if (focusRow === null) return;
    const buttons = [...document.querySelectorAll<HTMLElement>('[data-watch-scan]')];
    (buttons[focusRow] ?? buttons.at(-1) ?? document.querySelector<HTMLElement>('form[aria-label="Add a watch folder"] input'))?.focus();
    setFocusRow(null);
  }, [focusRow, folders]);
  const closeRemove = (removed: boolean) => {
    if (removed && removing) setFocusRow(folders.findIndex((f) => f.id === removing.id));
    setRemoving(null);
  };

  // Reloaded whenever the inbox badge's count changes (it is refreshed on its own), so each folder's Waiting count
  // keeps up with drafts arriving, confirmed or dismissed while this screen is open.
  const pendingCount = useApp('drafts', (s) => s.pendingCount);
  useEffect(() => {
    void watchFolders.getState().load();
  }, [watchFolders, pendingCount]);
  // A folder moved away or unmounted (or back again), a scan by a watch runner elsewhere: shown within seconds.
  useEffect(() => {
    const t = setInterval(() => { if (document.visibilityState !== 'hidden') void watchFolders.getState().reloadQuietly(); }, WATCH_FOLDERS_RELOAD_MS);
    return () => clearInterval(t);
  }, [watchFolders]);

  const enabled = folders.filter((f) => f.enabled).length;
  return (
    <section className="screen watch-page" aria-labelledby="watch-title">
      <header className="toolbar">
        <h1 id="watch-title" className="screen-title">Watch folders</h1>
        <BusyButton className="btn" busy={scanning !== null} disabled={enabled === 0} onClick={() => void watchFolders.getState().scan()}>
          {scanning === 'all' ? 'Scanning…' : 'Scan all now'}
        </BusyButton>
        <LogFolderButton />
        <span className="spacer" />
        <button type="button" className="link-button" onClick={() => ui.getState().navigate('drafts')}>Open the New files inbox</button>
        <span className="muted">{loaded ? `${plural(folders.length, 'folder')}, ${enabled} enabled` : 'Loading…'}</span>
      </header>
      <div className="catalog-body watch-body">
        <div className="catalog-list">
          <p className="watch-note muted small">
            New files in an enabled folder are picked up while the desktop app, <code>genlog serve --watch</code> or{' '}
            <code>genlog watch run</code> is running, and by the catch-up scan when one starts. <strong>Scan now</strong> looks right away.
          </p>
          <ScanReportView />
          <WatchFolderTable folders={folders} onRemove={setRemoving} />
          {loaded && folders.length === 0 ? (
            <div className="empty-state">
              No watch folders yet. Add a render folder on the right: new files there become drafts in the New files inbox,
              with the production, tool and class you set here already filled in.
            </div>
          ) : null}
        </div>
        <WatchFolderForm />
      </div>
      {removing ? (
        <ModalGuard>
          <RemoveWatchDialog folder={removing} onClose={closeRemove} />
        </ModalGuard>
      ) : null}
    </section>
  );
}
