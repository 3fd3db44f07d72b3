import { formatDateTime } from '../ui/format';
import { EVENT_LABELS } from './labels';
import type { PacketDetail } from './types';

/** Every transition of the packet, newest first: who (a person or the outbox), when, from → to, and why. */
export function PacketHistory({ packet }: { packet: PacketDetail }) {
  const events = [...packet.history].reverse();
  if (events.length === 0) return <div className="empty-state">No history recorded.</div>;
  return (
    <ol className="history-list" aria-label={`History of packet ${packet.id}`}>
      {events.map((e, i) => (
        <li key={`${e.at}-${i}`} className={`history-event packet-event packet-event-${e.action}`}>
          <div className="history-line">
            <span className="history-action">{EVENT_LABELS[e.action] ?? e.action}</span>
            {e.from !== null && e.to !== null && e.from !== e.to ? (
              <span className="history-change">
                <span className="history-old">{e.from}</span>
                <span className="history-arrow" aria-label="to"> → </span>
                <span className="history-new">{e.to}</span>
              </span>
            ) : null}
          </div>
          <div className="history-meta">
            <span className="history-by">{e.by}</span>
            <time dateTime={e.at} title={e.at}>{formatDateTime(e.at)}</time>
          </div>
          {e.reason ? <div className="history-reason packet-event-reason">{e.reason}</div> : null}
        </li>
      ))}
    </ol>
  );
}
