import { useEffect, useState } from 'react';
import { useApp, useStores } from '../app/stores-context';
import { OutcomeBadge } from './badges';
import { PlannedUseForm } from './PlannedUseForm';
import { PlannedUseView } from './PlannedUseView';
import { ProductionSelect } from './ProductionSelect';
import { useComplianceCatalog } from './useCatalog';

/** Planned uses per production: disclosed before assets exist, answered with the same questions, judged alike. */
export function PlannedUsesPage() {
  const { plannedUses: store } = useStores();
  const catalog = useComplianceCatalog();
  const production = useApp('plannedUses', (s) => s.production);
  const uses = useApp('plannedUses', (s) => s.uses);
  const loaded = useApp('plannedUses', (s) => s.loaded);
  const selectedId = useApp('plannedUses', (s) => s.selectedId);
  const detail = useApp('plannedUses', (s) => s.detail);
  const [adding, setAdding] = useState(false);
  const version = useApp('compliance', (s) => s.version);

  useEffect(() => {
    // Also after any decision or consent: outcomes in the list and the open use may have moved.
    void store.getState().load();
  }, [store, version]);

  const presetTitle = (id: string | null) => catalog?.presets.find((p) => p.id === id)?.title ?? '—';
  return (
    <section className="screen catalog-page" aria-labelledby="uses-title">
      <header className="toolbar">
        <h1 id="uses-title" className="screen-title">Planned uses</h1>
        <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>New planned use</button>
        <ProductionSelect any value={production} onChange={(code) => store.getState().setProduction(code)} />
        <span className="spacer" />
        <span className="muted">{uses.length} planned use{uses.length === 1 ? '' : 's'}</span>
      </header>
      <div className="uses-body">
        <div className="catalog-list">
          <table className="data-table" aria-label="Planned uses">
            <thead>
              <tr>
                <th scope="col">ID</th><th scope="col">Title</th>{production ? null : <th scope="col">Prod.</th>}
                <th scope="col">Outcome</th><th scope="col" className="cell-end" title="Assets logged against it">Assets</th>
              </tr>
            </thead>
            <tbody>
              {uses.map((u) => (
                <tr key={u.id} className={selectedId === u.id && !adding ? 'is-selected' : undefined}>
                  <td className="mono muted">{u.id}</td>
                  <td className="use-title-cell" title={`${u.title}${u.department ? ` · ${u.department}` : ''}\n${presetTitle(u.preset)} · ${u.classification}`}>
                    <button type="button" className="link-button" onClick={() => { setAdding(false); void store.getState().select(u.id); }}
                      aria-label={`Open planned use ${u.id}`}>{u.title}</button>
                    {u.department ? <span className="muted"> · {u.department}</span> : null}
                  </td>
                  {production ? null : <td>{u.production}</td>}
                  <td><OutcomeBadge outcome={u.outcome} /></td>
                  <td className="cell-end">{u.assets}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {loaded && uses.length === 0 ? (
            <div className="empty-state">No planned uses{production ? ` for ${production}` : ''} yet. Disclose an intended GenAI use before the work starts.</div>
          ) : null}
        </div>
        <div className="use-pane">
          {adding ? (
            <PlannedUseForm production={production} onDone={() => setAdding(false)} />
          ) : detail && detail.id === selectedId ? (
            <PlannedUseView key={detail.id} use={detail} />
          ) : (
            <div className="empty-state">{selectedId ? 'Loading…' : 'Select a planned use, or disclose a new one.'}</div>
          )}
        </div>
      </div>
    </section>
  );
}
