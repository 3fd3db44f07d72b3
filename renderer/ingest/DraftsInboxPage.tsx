import { useEffect, useRef, useState } from 'react';
import { useApp, useStores } from '../app/stores-context';
import { ModalGuard } from '../compliance/ModalGuard';
import { formatCount } from '../ui/format';
import { DraftList } from './DraftList';
import { DraftPane } from './DraftPane';
import { ConfirmPickedDialog, DismissDraftDialog, DismissPickedDialog } from './DraftDialogs';
import { STATUS_LABELS } from './draft-labels';
import { LogFolderButton } from './LogFolderButton';
import type { DraftStatus } from './types';
import { BusyButton } from '../ui/BusyButton';
import '../styles/ingest.css';

/** The watcher adds drafts on its own (desktop app, serve --watch): the list is looked at again this often. */
const REFRESH_MS = 10_000;

/** Enter again confirms with what is shown; Shift+Tab reaches the fields to edit first, Esc goes back to the list. */
function openForm(): void {
  document.querySelector<HTMLElement>('[data-draft-confirm]')?.focus();
}

/** New files found in watch folders, waiting to be confirmed into the log or dismissed. Not the approvals inbox. */
export function DraftsInboxPage() {
  const { drafts, watchFolders, ui } = useStores();
  const status = useApp('drafts', (s) => s.status);
  const items = useApp('drafts', (s) => s.items);
  const total = useApp('drafts', (s) => s.total);
  const picked = useApp('drafts', (s) => s.picked);
  const busy = useApp('drafts', (s) => s.busy);
  const pendingCount = useApp('drafts', (s) => s.pendingCount);
  // Paused while files are ticked: the header says so when the inbox changed meanwhile, rather than disagree silently.
  const behind = status === 'pending' && picked.length > 0 && pendingCount !== null && total !== null && pendingCount !== total;
  const scanning = useApp('watchFolders', (s) => s.scanning);
  const [dismissing, setDismissing] = useState<number | null>(null);
  const [confirmingPicked, setConfirmingPicked] = useState(false);
  const [dismissingPicked, setDismissingPicked] = useState(false);
  const pageRef = useRef<HTMLElement>(null);
  const dialogOpen = dismissing !== null || confirmingPicked || dismissingPicked;

  useEffect(() => {
    void drafts.getState().load();
    const t = setInterval(() => {
      // Not while the artist is deciding: a list changing under the keyboard would move the selection. The count of
      // waiting files is still looked at, so the header can say the list is behind.
      if (!drafts.getState().busy && drafts.getState().picked.length === 0) void drafts.getState().load();
      else void drafts.getState().refreshPending();
    }, REFRESH_MS);
    return () => clearInterval(t);
  }, [drafts]);

  /**
   * The keyboard goes back to the list (its selection is on the next draft) when what had focus is gone, or, after a
   * confirm, was the confirmed draft's form.
   */
  const focusList = (fromPane = false) => {
    const page = pageRef.current;
    const at = document.activeElement;
    const lost = !at || at === document.body || !document.contains(at);
    const inPane = fromPane && at ? page?.querySelector('.draft-pane')?.contains(at) : false;
    if (lost || inPane) page?.querySelector<HTMLElement>('[data-draft-list]')?.focus();
  };

  // A draft replaced or decided elsewhere while its pane had the keyboard: the pane goes, the keyboard stays here.
  const selectedId = useApp('drafts', (s) => s.selectedId);
  useEffect(() => focusList(), [selectedId]);

  const hadDialog = useRef(false);
  useEffect(() => {
    // A dialog gives focus back to what opened it; a button that is now gone (the dismissed draft's own "Dismiss…")
    // or disabled (nothing left ticked) cannot take it, and the keyboard would be lost on the page body.
    if (hadDialog.current && !dialogOpen) focusList();
    hadDialog.current = dialogOpen;
  });

  /** Esc in the draft pane: the keyboard goes back to the list, on the same draft (what was typed is kept). */
  const leavePane = () => {
    if (!dialogOpen) pageRef.current?.querySelector<HTMLElement>('[data-draft-list]')?.focus();
  };

  return (
    <section ref={pageRef} className="screen drafts-page" aria-labelledby="drafts-title">
      <header className="toolbar">
        <h1 id="drafts-title" className="screen-title">New files inbox</h1>
        <label className="inline-label">
          Show
          <select className="input" value={status} onChange={(e) => drafts.getState().setStatus(e.target.value as DraftStatus)}>
            {(Object.keys(STATUS_LABELS) as DraftStatus[]).map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
          </select>
        </label>
        <button type="button" className="btn btn-primary" disabled={picked.length === 0 || busy} onClick={() => setConfirmingPicked(true)}>
          Confirm selected{picked.length ? ` (${picked.length})` : ''}…
        </button>
        <button type="button" className="btn btn-danger-outline" disabled={picked.length === 0 || busy} onClick={() => setDismissingPicked(true)}>
          Dismiss selected{picked.length ? ` (${picked.length})` : ''}…
        </button>
        <BusyButton className="btn" busy={scanning !== null} onClick={() => void watchFolders.getState().scan()}>
          {scanning !== null ? 'Scanning…' : 'Scan watch folders now'}
        </BusyButton>
        <LogFolderButton />
        <span className="spacer" />
        <span className="muted">{total === null ? 'Loading…' : `${formatCount(total)} ${STATUS_LABELS[status].toLowerCase()}`}</span>
        {behind ? (
          <span className="tag tag-warn" role="status">
            {formatCount(pendingCount ?? 0)} pending now: the list updates once no file is ticked.
          </span>
        ) : null}
      </header>
      <div className="drafts-body">
        <div className="catalog-list">
          <DraftList onOpen={openForm} onDismiss={setDismissing} onDismissPicked={() => setDismissingPicked(true)} />
          {total === 0 ? (
            <div className="empty-state">
              {status === 'pending' ? (
                <>Nothing new. Files written into a <button type="button" className="link-button" onClick={() => ui.getState().navigate('watch-folders')}>watch folder</button> show up here to be confirmed or dismissed.</>
              ) : 'No files with this status.'}
            </div>
          ) : null}
          {total !== null && items.length < total ? (
            <div className="inbox-more">
              <span className="muted">Showing {formatCount(items.length)} of {formatCount(total)}, newest first.</span>
              {/* The last page loaded, the button goes: the keyboard goes back to the list rather than to the page. */}
              <button type="button" className="btn btn-small" onClick={() => void drafts.getState().load(true).then(() => focusList())}>Show more</button>
            </div>
          ) : null}
        </div>
        <DraftPane onDismiss={setDismissing} onConfirmed={() => focusList(true)} onLeave={leavePane} />
      </div>
      {dismissing !== null ? <ModalGuard><DismissDraftDialog id={dismissing} onClose={() => setDismissing(null)} /></ModalGuard> : null}
      {confirmingPicked ? <ModalGuard><ConfirmPickedDialog onClose={() => setConfirmingPicked(false)} /></ModalGuard> : null}
      {dismissingPicked ? <ModalGuard><DismissPickedDialog onClose={() => setDismissingPicked(false)} /></ModalGuard> : null}
    </section>
  );
}
