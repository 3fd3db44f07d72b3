import { useEffect, useState } from 'react';
import { useApp, useStores } from '../app/stores-context';
import { formatBytes } from '../ui/format';
import { ConsentForm } from './ConsentForm';
import { humanize, shortHash } from './labels';
import { ProductionSelect } from './ProductionSelect';

/** Talent consents on file: who agreed to what, for which production, until when, with the signed evidence. */
export function ConsentsPage() {
  const { consents: store } = useStores();
  const production = useApp('consents', (s) => s.production);
  const consents = useApp('consents', (s) => s.consents);
  const loaded = useApp('consents', (s) => s.loaded);
  const version = useApp('compliance', (s) => s.version);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    void store.getState().load();
  }, [store, version]);

  return (
    <section className="screen catalog-page" aria-labelledby="consents-title">
      <header className="toolbar">
        <h1 id="consents-title" className="screen-title">Consents</h1>
        <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>New consent</button>
        <ProductionSelect any value={production} onChange={(code) => store.getState().setProduction(code)} />
        <span className="spacer" />
        <span className="muted">{consents.length} consent{consents.length === 1 ? '' : 's'}</span>
      </header>
      <div className={`catalog-body${adding ? '' : ' is-single'}`}>
        <div className="catalog-list">
          <table className="data-table" aria-label="Consents">
            <thead>
              <tr>
                <th scope="col">Talent</th><th scope="col">Production</th><th scope="col">Consents to</th><th scope="col">Scope</th>
                <th scope="col">Signed</th><th scope="col">Expires</th><th scope="col">Status</th><th scope="col">Evidence</th>
              </tr>
            </thead>
            <tbody>
              {consents.map((c) => (
                <tr key={c.id}>
                  <td className="strong">{c.talent}</td>
                  <td>{c.production}</td>
                  <td><span className="kind-chips">{c.kinds.map((k) => <span key={k} className="kind-chip">{humanize(k)}</span>)}</span></td>
                  <td className="consent-scope" title={c.scope}>{c.scope}</td>
                  <td>{c.signed}</td>
                  <td>{c.expires ?? <span className="muted">—</span>}</td>
                  <td>{c.inForce ? <span className="tag tag-ok">in force</span> : <span className="tag tag-warn">not in force</span>}</td>
                  <td className="consent-evidence" title={`${c.evidence.fileName} · ${formatBytes(c.evidence.size)}\nSHA-256 ${c.evidence.sha256}`}>
                    {c.evidence.fileName}<br /><span className="muted mono">sha256 {shortHash(c.evidence.sha256)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {loaded && consents.length === 0 ? (
            <div className="empty-state">No consents on file{production ? ` for ${production}` : ''}. A digital replica, synthetic voice or significant alteration of a performer stays blocked until their signed consent is filed here.</div>
          ) : (
            <p className="list-note muted small">
              A signed consent unblocks a performer&apos;s replica, voice or performance alteration for its production only; written approval
              from Netflix is still required.
            </p>
          )}
        </div>
        {adding ? <ConsentForm production={production} onDone={() => setAdding(false)} /> : null}
      </div>
    </section>
  );
}
