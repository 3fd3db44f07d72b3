import { useState } from 'react';
import { formatCount } from '../ui/format';
import { PathName } from './PathName';

/** A file (or a sequence, by its frame pattern) an ingest found but did not log, and why. */
export interface NotLoggedEntry {
  path: string;
  reason: string;
}

/** This many entries with the same reason are listed under that reason once, not each with its own copy of it. */
const GROUP_FROM = 5;
/** Paths shown per group: a thousand files needing a tool are one reason and a count, not a thousand rows. */
const GROUP_SHOWN = 20;

interface Group {
  reason: string;
  paths: string[];
}

/** Entries by reason, in the order each reason first appears. */
function byReason(entries: readonly NotLoggedEntry[]): Group[] {
  const groups = new Map<string, Group>();
  for (const e of entries) {
    const group = groups.get(e.reason) ?? { reason: e.reason, paths: [] };
    group.paths.push(e.path);
    groups.set(e.reason, group);
  }
  return [...groups.values()];
}

/** Many files left out for one reason: the reason once, the first paths, and every path on request. */
function ReasonGroup({ group }: { group: Group }) {
  const [all, setAll] = useState(false);
  const shown = all ? group.paths : group.paths.slice(0, GROUP_SHOWN);
  const more = group.paths.length - shown.length;
  return (
    <section className="not-logged-group" aria-label={`${formatCount(group.paths.length)} ${group.reason}`}>
      <h4 className="not-logged-reason">{formatCount(group.paths.length)} files or sequences: {group.reason}</h4>
      <ul className="result-list">
        {shown.map((path, i) => (
          <li key={`${i}:${path}`} className="result-item"><PathName path={path} className="mono" /></li>
        ))}
        {more > 0 ? (
          <li className="result-item muted">
            … and {formatCount(more)} more{' '}
            <button type="button" className="link-button" onClick={() => setAll(true)}>Show all {formatCount(group.paths.length)}</button>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

/** The files an ingest left out, with their reasons; nothing when it left none out. */
export function NotLogged({ entries }: { entries: readonly NotLoggedEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <section className="ingest-skipped" aria-label="Skipped files">
      <h3 className="section-title">Not logged</h3>
      {byReason(entries).map((group) => (group.paths.length < GROUP_FROM ? (
        <ul key={group.reason} className="result-list">
          {group.paths.map((path, i) => (
            <li key={`${i}:${path}`} className="result-item has-reason">
              <PathName path={path} className="mono" />
              <span className="result-reason muted">{group.reason}</span>
            </li>
          ))}
        </ul>
      ) : <ReasonGroup key={group.reason} group={group} />))}
    </section>
  );
}
