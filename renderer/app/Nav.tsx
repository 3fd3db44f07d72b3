import { useApp, useStores } from './stores-context';
import { NAV_SECTIONS } from './screens';
import { GLOBAL_SHORTCUTS, modKeyLabel } from './shortcuts';

/** The left navigation: sections of screens, each with its shortcut. */
export function Nav({ mode }: { mode: 'desktop' | 'browser' }) {
  const { ui } = useStores();
  const screen = useApp('ui', (s) => s.screen);
  const artist = useApp('settings', (s) => s.settings?.artistName);
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">G</span>
        <span className="brand-name">GenLog</span>
      </div>
      {NAV_SECTIONS.map((section) => (
        <div key={section.title} className="nav-section">
          <div className="nav-section-title">{section.title}</div>
          <ul>
            {section.screens.map((s) => {
              const key = GLOBAL_SHORTCUTS.find((k) => k.command === s.command)?.key;
              return (
                <li key={s.id}>
                  <button type="button" className="nav-item" aria-current={screen === s.id ? 'page' : undefined}
                    onClick={() => ui.getState().navigate(s.id)}>
                    <span>{s.label}</span>
                    {s.Badge ? <s.Badge /> : null}
                    {key ? <kbd className="nav-key">{modKeyLabel()}+{key.toUpperCase()}</kbd> : null}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <div className="sidebar-footer">
        <div className="muted small">Artist</div>
        <div className="sidebar-artist" title={artist}>{artist ?? '…'}</div>
        <div className="muted small">{mode === 'desktop' ? 'Desktop app · offline' : 'Browser · 127.0.0.1 only'}</div>
      </div>
    </nav>
  );
}
