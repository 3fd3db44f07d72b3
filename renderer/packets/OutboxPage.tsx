import { useEffect } from 'react';
import { useApp, useStores } from '../app/stores-context';
import type { OutboxFilter } from '../stores/outbox-store';
import { formatDateTime } from '../ui/format';
import { STATE_LABELS, TLS_LABELS } from './labels';
import { PacketDetailPane } from './PacketDetailPane';
import { COLUMNS, PacketTable, type PacketColumn } from './PacketTable';
import type { Packet } from './types';

/** The desktop app's outbox worker sends on its own; the view looks again this often to show what it did. */
const POLL_MS = 15_000;
const FILTERS: OutboxFilter[] = ['all', 'unknown', 'failed', 'sending', 'queued', 'sent'];

const when: PacketColumn = {
  header: 'Next try / sent',
  cell: (p: Packet) => {
    if (p.state === 'sent') return p.sentAt ? `sent ${formatDateTime(p.sentAt)}` : 'sent';
    if (p.state === 'queued') return p.nextAttemptAt ? `next try ${formatDateTime(p.nextAttemptAt)}` : <span className="muted">next round</span>;
    return <span className="muted">waits for you</span>;
  },
};
const attempts: PacketColumn = { header: 'Attempts', cell: (p) => p.attempts, className: 'num' };
const result: PacketColumn = {
  header: 'Last result',
  className: 'outbox-result',
  cell: (p) => {
    if (p.lastError) return <span className="result-error" title={p.lastError}>{p.lastError}</span>;
    if (p.smtpResponse) return <span className="muted" title={p.smtpResponse}>{p.smtpResponse}</span>;
    return <span className="muted">—</span>;
  },
};
const COLUMN_LIST = [COLUMNS.production, COLUMNS.scope, COLUMNS.state, attempts, when, result];

function ServerLine() {
  const { ui } = useStores();
  const s = useApp('packetSettings', (x) => x.settings);
  const desktop = typeof window !== 'undefined' && Boolean(window.genlogDesktop);
  if (!s) return null;
  if (!s.smtpConfigured) {
    return (
      <div className="outbox-server">
        No mail server is set: export each packet as .eml and send it from your mail program, or{' '}
        <button type="button" className="link-button" onClick={() => ui.getState().navigate('settings')}>set one in Settings</button>.
      </div>
    );
  }
  return (
    <div className="outbox-server">
      Mail server <strong className="mono">{s.smtpHost}{s.smtpPort ? `:${s.smtpPort}` : ''}</strong> · {TLS_LABELS[s.smtpTls]}
      {s.fromAddress ? <> · from <span className="mono">{s.fromAddress}</span></> : null}
      <span className="muted"> · {desktop
        ? 'queued packets are sent automatically when the server is reachable.'
        : 'this browser tab has no background sender: press Send now.'}</span>
    </div>
  );
}

/** The outbox: every approved packet and where it is; what needs a person (unknown, failed) comes first. */
export function OutboxPage() {
  const { outbox, packets, packetSettings } = useStores();
  const all = useApp('outbox', (s) => s.packets);
  const filter = useApp('outbox', (s) => s.filter);
  const selectedId = useApp('outbox', (s) => s.selectedId);
  const sending = useApp('outbox', (s) => s.sending);
  const loaded = useApp('outbox', (s) => s.loaded);

  useEffect(() => {
    void outbox.getState().load();
    void packetSettings.getState().load();
    void packets.getState().show(outbox.getState().selectedId);
    const timer = setInterval(() => {
      void outbox.getState().load();
      const shown = packets.getState().detail?.id;
      if (shown !== undefined) void packets.getState().show(shown);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [outbox, packets, packetSettings]);

  const count = (f: OutboxFilter) => (f === 'all' ? all.length : all.filter((p) => p.state === f).length);
  const shown = filter === 'all' ? all : all.filter((p) => p.state === filter);
  const needYou = all.filter((p) => p.state === 'unknown' || p.state === 'failed').length;
  const queued = count('queued');
  const select = (id: number) => {
    outbox.getState().select(id);
    void packets.getState().show(id);
  };

  return (
    <section className="screen outbox-page" aria-labelledby="outbox-title">
      <header className="toolbar">
        <h1 id="outbox-title" className="screen-title">Outbox</h1>
        <button type="button" className="btn btn-primary" onClick={() => void outbox.getState().send()} disabled={sending || queued === 0}
          title="Send every queued packet now through the mail server in Settings">
          {sending ? 'Sending…' : `Send now${queued ? ` (${queued})` : ''}`}
        </button>
        <div className="segmented" role="group" aria-label="Show packets">
          {FILTERS.map((f) => (
            <button key={f} type="button" className="btn btn-small" aria-pressed={filter === f} onClick={() => outbox.getState().setFilter(f)}>
              {f === 'all' ? 'All' : STATE_LABELS[f]} <span className="segmented-count">{count(f)}</span>
            </button>
          ))}
        </div>
        <span className="spacer" />
        {needYou > 0 ? <span className="tag tag-warn" role="status">{needYou} need{needYou === 1 ? 's' : ''} you</span> : null}
      </header>
      <ServerLine />
      <div className="packets-body">
        <div className="catalog-list">
          <PacketTable label="Outbox" packets={shown} columns={COLUMN_LIST} selectedId={selectedId} onSelect={select} />
          {loaded && shown.length === 0 ? (
            <div className="empty-state">
              {all.length === 0 ? 'The outbox is empty. Approved packets wait here until they are sent.' : `No ${STATE_LABELS[filter as Packet['state']]?.toLowerCase() ?? ''} packets.`}
            </div>
          ) : null}
        </div>
        <PacketDetailPane />
      </div>
    </section>
  );
}
