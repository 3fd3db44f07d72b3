import { useApp } from '../app/stores-context';
import { useCatalogEditing } from './use-catalog-editing';
import type { Tool } from '../api-types';
import { HOSTING_LABELS } from '../ui/format';
import { ToolForm } from './ToolForm';

/** Marks data-handling answers that need attention in a compliance review (training on inputs, retention...). */
function Risk({ value, bad }: { value: string; bad: boolean }) {
  return <span className={bad ? 'risk-bad' : value === 'unsure' ? 'risk-unsure' : undefined}>{value}</span>;
}

/** The AI tool list: everything Netflix asks about a tool (hosting, enterprise agreement, data terms). */
export function ToolsPage() {
  const tools = useApp('catalog', (s) => s.tools);
  const { editing, setEditing, loaded } = useCatalogEditing<Tool>(tools.length);
  const current = editing === 'new' ? null : tools.find((t) => t.id === editing?.id) ?? null;

  return (
    <section className="screen catalog-page" aria-labelledby="tools-title">
      <header className="toolbar">
        <h1 id="tools-title" className="screen-title">AI tools</h1>
        <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>New tool</button>
        <span className="spacer" />
        <span className="muted">{tools.length} tool{tools.length === 1 ? '' : 's'}</span>
      </header>
      <div className="catalog-body">
        <div className="catalog-list">
          <table className="data-table" aria-label="AI tools">
            <thead>
              <tr>
                <th scope="col">Name</th><th scope="col">Vendor</th><th scope="col">Version</th><th scope="col">Hosting</th>
                <th scope="col">Enterprise</th><th scope="col">Trains on inputs</th><th scope="col">Retains data</th>
              </tr>
            </thead>
            <tbody>
              {tools.map((t) => (
                <tr key={t.id} className={current?.id === t.id ? 'is-selected' : undefined}>
                  <td><button type="button" className="link-button" onClick={() => setEditing(t)} aria-label={`Edit tool ${t.name}`}>{t.name}</button></td>
                  <td>{t.vendor || <span className="muted">—</span>}</td>
                  <td>{t.version || <span className="muted">—</span>}</td>
                  <td><Risk value={HOSTING_LABELS[t.hosting]} bad={t.hosting === 'public-cloud' && t.enterprise === 'no'} /></td>
                  <td>{t.enterprise}</td>
                  <td><Risk value={t.trainsOnInputs} bad={t.trainsOnInputs === 'yes'} /></td>
                  <td><Risk value={t.retainsData} bad={t.retainsData === 'yes'} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          {loaded && tools.length === 0 ? <div className="empty-state">No tools yet. Add every generative tool artists use.</div> : null}
        </div>
        {editing ? (
          <ToolForm key={current?.id ?? 'new'} tool={current} onDone={(t) => setEditing(t ?? null)} />
        ) : (
          <div className="catalog-form empty-state">Select a tool to edit it, or add a new one.</div>
        )}
      </div>
    </section>
  );
}
