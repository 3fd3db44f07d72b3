import { PathName } from './PathName';

/** A file (or a sequence, by its frame pattern) an ingest found but did not log, and why. */
export interface NotLoggedEntry {
  path: string;
  reason: string;
}

/** The files an ingest left out, each with its reason; nothing when it left none out. */
export function NotLogged({ entries }: { entries: readonly NotLoggedEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <section className="ingest-skipped" aria-label="Skipped files">
      <h3 className="section-title">Not logged</h3>
      <ul className="result-list">
        {entries.map((e, i) => (
          <li key={`${i}:${e.path}`} className="result-item has-reason">
            <PathName path={e.path} className="mono" />
            <span className="result-reason muted">{e.reason}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
