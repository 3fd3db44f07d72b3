import { useApp } from '../app/stores-context';
import { useCatalogEditing } from './use-catalog-editing';
import type { Production } from '../api-types';
import { ProductionForm } from './ProductionForm';

/** Productions: the list on the left, the add/edit form on the right. */
export function ProductionsPage() {
  const productions = useApp('catalog', (s) => s.productions);
  const { editing, setEditing, loaded } = useCatalogEditing<Production>(productions.length);
  const current = editing === 'new' ? null : productions.find((p) => p.id === editing?.id) ?? null;

  return (
    <section className="screen catalog-page" aria-labelledby="productions-title">
      <header className="toolbar">
        <h1 id="productions-title" className="screen-title">Productions</h1>
        <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>New production</button>
        <span className="spacer" />
        <span className="muted">{productions.length} production{productions.length === 1 ? '' : 's'}</span>
      </header>
      <div className="catalog-body">
        <div className="catalog-list">
          <table className="data-table" aria-label="Productions">
            <thead>
              <tr><th scope="col">Code</th><th scope="col">Title</th><th scope="col">Netflix contact</th><th scope="col">Vendor / facility</th><th scope="col">Episodes / reels</th></tr>
            </thead>
            <tbody>
              {productions.map((p) => (
                <tr key={p.id} className={current?.id === p.id ? 'is-selected' : undefined}>
                  <td><button type="button" className="link-button" onClick={() => setEditing(p)} aria-label={`Edit production ${p.code}`}>{p.code}</button></td>
                  <td>{p.title}</td>
                  <td>{p.contactEmail}</td>
                  <td>{p.vendor || <span className="muted">—</span>}</td>
                  <td className="truncate" title={p.episodes.join(', ')}>{p.episodes.length ? p.episodes.join(', ') : <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {loaded && productions.length === 0 ? <div className="empty-state">No productions yet. Add the first one to start logging.</div> : null}
        </div>
        {editing ? (
          <ProductionForm key={current?.id ?? 'new'} production={current} onDone={(p) => setEditing(p ?? null)} />
        ) : (
          <div className="catalog-form empty-state">Select a production to edit it, or add a new one.</div>
        )}
      </div>
    </section>
  );
}
