import { useRef } from 'react';
import { useFocusRequest } from '../app/useFocusRequest';
import { useApp, useStores } from '../app/stores-context';
import { ClassificationBadge } from '../ui/ClassificationBadge';
import { OutcomeBadge } from '../compliance/badges';
import { Tabs } from '../ui/Tabs';
import { DETAIL_TABS } from './tabs';

/** The selected asset: header with its reasoned actions, then tabs (Details, History, and later more). */
export function DetailPane() {
  const { ui } = useStores();
  const asset = useApp('detail', (s) => s.asset);
  const loading = useApp('detail', (s) => s.loading);
  const tab = useApp('ui', (s) => s.detailTab);
  const ref = useRef<HTMLElement>(null);

  useFocusRequest('detail', () => {
    const tab = ref.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
    if (tab) tab.focus();
    else if (!loading) ref.current?.focus();
    return Boolean(tab) || !loading;
  });

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === 'Escape' && !(e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLInputElement)) {
      e.preventDefault();
      ui.getState().focusTable();
    }
  }

  return (
    <aside className="detail-pane" aria-label="Asset detail" ref={ref} tabIndex={-1} onKeyDown={onKeyDown}>
      {!asset ? (
        <div className="empty-state">{loading ? 'Loading…' : 'Select an asset to see its details and history.'}</div>
      ) : (
        <>
          <header className="detail-header">
            <div className="detail-title-row">
              <span className="detail-id">#{asset.id}</span>
              <h2 className="detail-title" title={asset.fileName}>{asset.fileName}</h2>
              <span className="spacer" />
              <button type="button" className="btn btn-small btn-icon" aria-label="Close the detail pane (I)" title="Close (I)"
                onClick={() => { ui.getState().setDetailOpen(false); ui.getState().focusTable(); }}>
                ×
              </button>
            </div>
            <div className="detail-actions">
              <ClassificationBadge value={asset.classification} retired={asset.retired} />
              <OutcomeBadge outcome={asset.assessment.outcome} />
              <span className="spacer" />
              <button type="button" className="btn btn-small" disabled={asset.retired} title="Re-tag (T)"
                onClick={() => ui.getState().openDialog('retag')}>
                Re-tag…
              </button>
              <button type="button" className="btn btn-small btn-danger-outline" disabled={asset.retired} title="Retire (R)"
                onClick={() => ui.getState().openDialog('retire')}>
                Retire…
              </button>
            </div>
          </header>
          <Tabs
            label="Asset detail sections"
            tabs={DETAIL_TABS.map((t) => ({ id: t.id, label: t.label, badge: t.badge?.(asset) }))}
            active={tab}
            onChange={(id) => ui.getState().setDetailTab(id)}
          >
            {(() => {
              const def = DETAIL_TABS.find((t) => t.id === tab) ?? DETAIL_TABS[0]!;
              return <def.Panel key={`${def.id}-${asset.id}`} asset={asset} />;
            })()}
          </Tabs>
        </>
      )}
    </aside>
  );
}
