import { useEffect, useState, type FormEvent } from 'react';
import { useApp, useStores } from '../app/stores-context';
import { GLOBAL_SHORTCUTS, modKeyLabel, TABLE_KEYS } from '../app/shortcuts';
import { CopyButton } from '../ui/CopyButton';
import { Field } from '../ui/Field';
import { DataCareSection } from './DataCareSection';
import { EmailSigningSection } from './EmailSigningSection';

function ReadOnlyPath({ label, value }: { label: string; value: string }) {
  return (
    <Field label={label} after={<CopyButton value={value} label={label} />}>
      <input className="input mono" readOnly value={value} onFocus={(e) => e.target.select()} />
    </Field>
  );
}

/** Settings: who I am (recorded in every history event), where the data lives, and the catalog. */
export function SettingsPage() {
  const { settings: store, ui } = useStores();
  const settings = useApp('settings', (s) => s.settings);
  const productions = useApp('catalog', (s) => s.productions.length);
  const tools = useApp('catalog', (s) => s.tools.length);
  const desktop = typeof window !== 'undefined' && Boolean(window.genlogDesktop);
  const [name, setName] = useState(settings?.artistName ?? '');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setName(settings?.artistName ?? ''), [settings?.artistName]);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) {
      setError('Enter a name: it is recorded as who made each change.');
      return;
    }
    const res = await store.getState().setArtistName(name.trim());
    setError(res.ok ? null : res.error.message);
  }

  return (
    <section className="screen settings-page" aria-labelledby="settings-title">
      <header className="toolbar">
        <h1 id="settings-title" className="screen-title">Settings</h1>
      </header>
      <div className="settings-body">
        <form className="settings-section" onSubmit={(e) => void save(e)} noValidate aria-labelledby="settings-artist">
          <h2 id="settings-artist" className="section-title">Artist</h2>
          <Field label="Artist name" error={error} hint="Recorded as who logged or changed an asset. Defaults to your OS user name."
            after={<button type="submit" className="btn btn-primary" disabled={!settings || name.trim() === settings.artistName}>Save</button>}>
            <input className="input" value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
        </form>

        <section className="settings-section" aria-labelledby="settings-data">
          <h2 id="settings-data" className="section-title">Data</h2>
          {settings ? (
            <>
              <ReadOnlyPath label="Data folder" value={settings.dataDir} />
              <ReadOnlyPath label="Database file" value={settings.dbPath} />
              <DataCareSection dataDir={settings.dataDir} />
            </>
          ) : <div className="muted">Loading…</div>}
          <p className="muted small">
            {desktop ? 'The desktop app keeps everything in this folder; nothing leaves this machine.'
              : 'Served by genlog serve on 127.0.0.1 only; this browser tab talks to the database above.'}
          </p>
        </section>

        <EmailSigningSection />

        <section className="settings-section" aria-labelledby="settings-catalog">
          <h2 id="settings-catalog" className="section-title">Catalog</h2>
          <div className="link-row">
            <button type="button" className="btn" onClick={() => ui.getState().navigate('productions')}>Productions ({productions})</button>
            <button type="button" className="btn" onClick={() => ui.getState().navigate('tools')}>AI tools ({tools})</button>
          </div>
        </section>

        <section className="settings-section" aria-labelledby="settings-keys">
          <h2 id="settings-keys" className="section-title">Keyboard</h2>
          <table className="data-table keys-table">
            <tbody>
              {GLOBAL_SHORTCUTS.map((s) => (
                <tr key={s.command}><td><kbd>{modKeyLabel()}+{s.key.toUpperCase()}</kbd></td><td>{s.label}</td></tr>
              ))}
              {TABLE_KEYS.map((k) => (
                <tr key={k.keys}><td><kbd>{k.keys}</kbd></td><td>{k.label}</td></tr>
              ))}
              <tr><td><kbd>Tab</kbd> / <kbd>Shift+Tab</kbd></td><td>Move between controls; dialogs keep focus inside until closed</td></tr>
            </tbody>
          </table>
        </section>
      </div>
    </section>
  );
}
