import { useEffect } from 'react';
import { useApp, useStores } from '../app/stores-context';
import { formatCount, formatDateTime, plural } from '../ui/format';
import { OutcomeBadge, RuleChip } from './badges';
import { OUTCOME_LABELS, OUTCOME_MEANINGS } from './labels';
import { openAsset, openPlannedUse, showInLog } from './navigate';
import { ProductionSelect } from './ProductionSelect';
import type { Dashboard, InboxItem, Outcome } from './types';

const OUTCOMES: Outcome[] = ['blocked', 'escalate', 'disclose', 'cleared'];

/** A production at a glance: assets by outcome, what waits for approval, what is blocked, what is getting old. */
export function DashboardPage() {
  const { review } = useStores();
  const productions = useApp('catalog', (s) => s.productions);
  const loaded = useApp('catalog', (s) => s.loaded);
  const production = useApp('review', (s) => s.dashboardProduction);
  const dashboard = useApp('review', (s) => s.dashboard);
  const version = useApp('compliance', (s) => s.version);
  const chosen = production || productions[0]?.code || '';

  useEffect(() => {
    if (chosen) void review.getState().loadDashboard(chosen);
  }, [review, chosen, version]);

  const shown = dashboard && dashboard.production === chosen ? dashboard : null;
  return (
    <section className="screen compliance-page" aria-labelledby="dashboard-title">
      <header className="toolbar">
        <h1 id="dashboard-title" className="screen-title">Dashboard</h1>
        <ProductionSelect value={chosen} onChange={(code) => void review.getState().loadDashboard(code)} />
        <span className="spacer" />
        <button type="button" className="btn btn-small" disabled={!chosen} onClick={() => void review.getState().loadDashboard(chosen)}>Refresh</button>
      </header>
      <div className="page-body">
        {loaded && productions.length === 0 ? <div className="empty-state">No productions yet. Add one under Productions.</div>
          : !shown ? <div className="empty-state">Loading…</div>
            : <DashboardBody dashboard={shown} />}
      </div>
    </section>
  );
}

function DashboardBody({ dashboard: d }: { dashboard: Dashboard }) {
  const stores = useStores();
  const unassessed = d.assets.unassessed + d.uses.unassessed;
  return (
    <>
      <section className="dash-section" aria-labelledby="dash-outcomes">
        <h2 id="dash-outcomes" className="section-title">Assets by outcome <span className="muted">· {d.production} · retired assets not counted</span></h2>
        <div className="outcome-cards">
          {OUTCOMES.map((o) => (
            <button key={o} type="button" className={`outcome-card outcome-card-${o}`}
              aria-label={`${OUTCOME_LABELS[o]}: ${plural(d.assets[o], 'asset')}. Show them in the log`}
              title={OUTCOME_MEANINGS[o]}
              onClick={() => showInLog(stores, { production: d.production, outcome: o })}>
              <span className="outcome-card-count" data-testid={`count-${o}`}>{formatCount(d.assets[o])}</span>
              <span className="outcome-card-label"><OutcomeBadge outcome={o} withTitle={false} /></span>
              <span className="outcome-card-sub">{d.assets[o] === 1 ? 'asset' : 'assets'}{d.uses[o] ? ` · ${plural(d.uses[o], 'planned use')}` : ''}</span>
            </button>
          ))}
          <button type="button" className="outcome-card outcome-card-pending" onClick={() => stores.ui.getState().navigate('approvals')}
            aria-label={`Pending approvals: ${d.pendingApprovals.total}. Open the approvals inbox`}>
            <span className="outcome-card-count" data-testid="count-pending">{formatCount(d.pendingApprovals.total)}</span>
            <span className="outcome-card-label">Pending approvals</span>
            <span className="outcome-card-sub">{plural(d.pendingApprovals.assets, 'asset')} · {plural(d.pendingApprovals.uses, 'planned use')} →</span>
          </button>
        </div>
        {unassessed ? <p className="muted small">{plural(unassessed, 'item')} not assessed yet.</p> : null}
      </section>

      <div className="dash-columns">
        <section className="dash-section" aria-labelledby="dash-blocked">
          <h2 id="dash-blocked" className="section-title">Blocked <span className="count-pill">{formatCount(d.blocked.total)}</span></h2>
          {d.blocked.items.length === 0 ? <p className="muted">Nothing is blocked.</p> : (
            <table className="data-table compact-table" aria-label="Blocked items">
              <thead><tr><th scope="col">Item</th><th scope="col">Blocked by</th><th scope="col">Logged</th><th scope="col"><span className="visually-hidden">Open</span></th></tr></thead>
              <tbody>
                {d.blocked.items.map((item) => <BlockedRow key={`${item.kind}-${item.id}`} item={item} />)}
              </tbody>
            </table>
          )}
          {d.blocked.total > d.blocked.items.length ? <p className="muted small">Showing the oldest {d.blocked.items.length}.</p> : null}
        </section>

        <section className="dash-section" aria-labelledby="dash-stale">
          <h2 id="dash-stale" className="section-title">
            Stale temporary assets <span className="count-pill">{formatCount(d.staleTemporaries.total)}</span>
            <span className="muted"> · older than {plural(d.staleTemporaries.staleDays, 'day')}</span>
          </h2>
          <p className="muted small">Temporary material should not outlive its phase: retire what is done, or re-tag what became deliverable. The period is set per production.</p>
          {d.staleTemporaries.items.length === 0 ? <p className="muted">No temporary asset is older than that.</p> : (
            <table className="data-table compact-table" aria-label="Stale temporary assets">
              <thead><tr><th scope="col">ID</th><th scope="col">File</th><th scope="col">Age</th><th scope="col">Artist</th><th scope="col"><span className="visually-hidden">Open</span></th></tr></thead>
              <tbody>
                {d.staleTemporaries.items.map((a) => (
                  <tr key={a.id}>
                    <td className="mono muted">{a.id}</td>
                    <td className="truncate" title={a.fileName}>{a.fileName}</td>
                    <td title={formatDateTime(a.createdAt)}>{plural(a.ageDays, 'day')}</td>
                    <td>{a.createdBy}</td>
                    <td className="cell-actions"><button type="button" className="btn btn-small" onClick={() => openAsset(stores, a.id, 'details')}
                      aria-label={`Open asset ${a.id}`}>Open</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </>
  );
}

function BlockedRow({ item }: { item: InboxItem }) {
  const stores = useStores();
  const blocking = item.openFindings.filter((f) => f.severity === 'blocked');
  const open = () => (item.kind === 'asset' ? openAsset(stores, item.id) : openPlannedUse(stores, item.production, item.id));
  return (
    <tr>
      <td className="truncate" title={item.title}>
        <span className="kind-tag">{item.kind === 'asset' ? 'Asset' : 'Use'}</span> <span className="mono muted">#{item.id}</span> {item.title}
      </td>
      <td><span className="rule-chips">{blocking.map((f) => <RuleChip key={f.rule} rule={f.rule} severity="blocked" title={`${f.fact}: ${f.explanation}`} />)}</span></td>
      <td className="muted">{formatDateTime(item.createdAt).slice(0, 10)}</td>
      <td className="cell-actions"><button type="button" className="btn btn-small" onClick={open} aria-label={`Open ${item.kind === 'asset' ? 'asset' : 'planned use'} ${item.id}`}>Open</button></td>
    </tr>
  );
}
