import type { AssetDetail, HistoryEvent } from '../api-types';
import { formatDateTime } from '../ui/format';

const ACTION_LABELS: Record<string, string> = {
  logged: 'Logged', classified: 'Re-tagged', edited: 'Edited', retired: 'Retired', facts: 'Facts changed', approval: 'Approval recorded',
};

function Change({ event }: { event: HistoryEvent }) {
  if (event.action === 'logged') {
    return event.to ? <span className="history-change mono" title={event.to}>sha256 {event.to.slice(0, 16)}…</span> : null;
  }
  if (event.from === null && event.to === null) return null;
  const show = (v: string | null) => (v === null || v === '' ? '(empty)' : v);
  return (
    <span className="history-change">
      <span className="history-old" title={show(event.from)}>{show(event.from)}</span>
      <span className="history-arrow" aria-label="changed to"> → </span>
      <span className="history-new" title={show(event.to)}>{show(event.to)}</span>
    </span>
  );
}

/** The append-only history, newest first: who, when, what changed (old → new) and why. */
export function HistoryTab({ asset }: { asset: AssetDetail }) {
  const events = [...asset.history].reverse();
  if (events.length === 0) return <div className="empty-state">No history recorded.</div>;
  return (
    <ol className="history-list" aria-label={`History of asset ${asset.id}`}>
      {events.map((e, i) => (
        <li key={`${e.at}-${i}`} className={`history-event history-${e.action}`}>
          <div className="history-line">
            <span className="history-action">{ACTION_LABELS[e.action] ?? e.action}</span>
            {e.field ? <span className="history-field">{e.field}</span> : null}
            <Change event={e} />
          </div>
          <div className="history-meta">
            <span className="history-by">{e.by}</span>
            <time dateTime={e.at} title={e.at}>{formatDateTime(e.at)}</time>
          </div>
          {e.reason ? <div className="history-reason">“{e.reason}”</div> : null}
        </li>
      ))}
    </ol>
  );
}
