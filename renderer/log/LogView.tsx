import { useEffect, useState } from 'react';
import type { AssetDetail } from '../api-types';
import { useApp, useStores } from '../app/stores-context';
import { DetailPane } from '../detail/DetailPane';
import { RetagDialog } from '../detail/RetagDialog';
import { RetireDialog } from '../detail/RetireDialog';
import { modKeyLabel } from '../app/shortcuts';
import { AssetTable } from './AssetTable';
import { EmptyLog } from './EmptyLog';
import { FilterBar } from './FilterBar';
import { StatusBar } from './StatusBar';
import { LogFolderButton } from '../ingest/LogFolderButton';

/** How long the cursor rests on a row before its detail loads (holding an arrow key stays smooth). */
const DETAIL_DELAY_MS = 60;
/** How often the log asks whether something changed it: a render node logging through the CLI shows up this soon. */
const FOLLOW_LOG_MS = 3000;

/** The main screen: filters, the virtualized log, and the detail pane of the selected asset. */
export function LogView() {
  const { detail, ui, notifications, followLog } = useStores();
  const selectedId = useApp('log', (s) => s.selectedId);
  const detailOpen = useApp('ui', (s) => s.detailOpen);
  const dialog = useApp('ui', (s) => s.dialog);
  const asset = useApp('detail', (s) => s.asset);

  useEffect(() => {
    void followLog();
    const t = setInterval(() => { if (document.visibilityState !== 'hidden') void followLog(); }, FOLLOW_LOG_MS);
    return () => clearInterval(t);
  }, [followLog]);

  useEffect(() => {
    if (selectedId === detail.getState().asset?.id) return;
    const t = setTimeout(() => void detail.getState().show(selectedId), DETAIL_DELAY_MS);
    return () => clearTimeout(t);
  }, [selectedId, detail]);

  // The asset a re-tag/retire dialog is about, fixed when it opens: it waits for the selected asset's detail to
  // load, refuses a retired one, and later changes (the retirement itself) neither close nor swap it.
  const [target, setTarget] = useState<AssetDetail | null>(null);
  useEffect(() => {
    if (!dialog) return setTarget(null);
    if (target) return;
    if (selectedId === null) return ui.getState().openDialog(null);
    if (asset?.id !== selectedId) return;
    if (asset.retired) {
      notifications.getState().push('info', `Asset #${asset.id} is retired and can no longer be changed.`);
      return ui.getState().openDialog(null);
    }
    setTarget(asset);
  }, [dialog, asset, selectedId, target, ui, notifications]);

  const closeDialog = () => ui.getState().openDialog(null);

  return (
    <section className="screen log-view" aria-labelledby="log-title">
      <header className="toolbar">
        <h1 id="log-title" className="screen-title">Asset log</h1>
        <button type="button" className="btn btn-primary" onClick={() => ui.getState().pickFiles()} title={`Log files (${modKeyLabel()}+O)`}>
          Log files…
        </button>
        <LogFolderButton />
        <span className="toolbar-hint">or drop files anywhere</span>
        <span className="spacer" />
        <button type="button" className="btn btn-small" aria-pressed={detailOpen} onClick={() => ui.getState().setDetailOpen(!detailOpen)}
          title="Show or hide the detail pane (I)">
          Detail pane
        </button>
      </header>
      <FilterBar />
      <div className={`log-body${detailOpen ? ' with-detail' : ''}`}>
        <div className="table-area">
          <AssetTable />
          <EmptyLog />
          <StatusBar />
        </div>
        {detailOpen ? <DetailPane /> : null}
      </div>
      {dialog === 'retag' && target ? <RetagDialog asset={target} onClose={closeDialog} /> : null}
      {dialog === 'retire' && target ? <RetireDialog asset={target} onClose={closeDialog} /> : null}
    </section>
  );
}
