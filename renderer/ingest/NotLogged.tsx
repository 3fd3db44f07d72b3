import { useId } from 'react';
import { useShowAll } from '../ui/use-show-all';
import { formatCount } from '../ui/format';
import { ScrollList } from '../ui/ScrollList';
import { PathName } from './PathName';

/** A file (or a sequence, by its frame pattern) an ingest found but did not log, and why. */
export interface NotLoggedEntry {
  path: string;
  /** Why, said of one file: "names no listed tool: choose its tool below". */
  reason: string;
  /**
   * The same said of many, after "2,000 files or sequences": "name no listed tool: choose their tool below". Without
   * it a group's heading is the count, then the reason as said of one.
   */
  many?: string;
}

/** This many entries with the same reason are listed under that reason once, not each with its own copy of it. */
const GROUP_FROM = 5;
/** Paths shown per group: a thousand files needing a tool are one reason and a count, not a thousand rows. */
const GROUP_SHOWN = 20;

interface Group {
  reason: string;
  many: string | undefined;
  paths: string[];
}

/** Entries by reason, in the order each reason first appears. */
function byReason(entries: readonly NotLoggedEntry[]): Group[] {
  const groups = new Map<string, Group>();
  for (const e of entries) {
    const group = groups.get(e.reason) ?? { reason: e.reason, many: e.many, paths: [] };
    group.paths.push(e.path);
    groups.set(e.reason, group);
  }
  return [...groups.values()];
}

/** "2,000 files or sequences name no listed tool: choose their tool below"; "25 files or sequences — broken symbolic link". */
export function groupHeading(count: number, reason: string, many?: string): string {
  const what = count === 1 ? '1 file or sequence' : `${formatCount(count)} files or sequences`;
  if (count === 1) return `${what} ${reason}`;
  return many ? `${what} ${many}` : `${what} — ${reason}`;
}

/** Many files left out for one reason: the reason once, the first paths, and every path on request. */
function ReasonGroup({ group }: { group: Group }) {
  const { all, showAll, listRef } = useShowAll();
  const headingId = useId();
  const shown = all ? group.paths : group.paths.slice(0, GROUP_SHOWN);
  const more = group.paths.length - shown.length;
  return (
    <section className="not-logged-group" aria-labelledby={headingId}>
      <h4 id={headingId} className="not-logged-reason">{groupHeading(group.paths.length, group.reason, group.many)}</h4>
      <ScrollList labelledBy={headingId} ref={listRef}>
        {shown.map((path, i) => (
          <li key={`${i}:${path}`} className="result-item"><PathName path={path} className="mono" /></li>
        ))}
        {more > 0 ? (
          <li className="result-item muted">
            … and {formatCount(more)} more{' '}
            <button type="button" className="link-button" onClick={showAll}>Show all {formatCount(group.paths.length)}</button>
          </li>
        ) : null}
      </ScrollList>
    </section>
  );
}

/** Reasons given by few files, in a row: one list, each path with its reason beside it. */
type Run = { kind: 'few'; groups: Group[] } | { kind: 'many'; group: Group };

function runs(groups: readonly Group[]): Run[] {
  const out: Run[] = [];
  for (const group of groups) {
    const last = out.at(-1);
    if (group.paths.length >= GROUP_FROM) out.push({ kind: 'many', group });
    else if (last?.kind === 'few') last.groups.push(group);
    else out.push({ kind: 'few', groups: [group] });
  }
  return out;
}

/** The files an ingest left out, with their reasons; nothing when it left none out. */
export function NotLogged({ entries }: { entries: readonly NotLoggedEntry[] }) {
  const titleId = useId();
  if (entries.length === 0) return null;
  return (
    <section className="ingest-skipped" aria-label="Skipped files">
      <h3 id={titleId} className="section-title">Not logged</h3>
      {runs(byReason(entries)).map((run) => (run.kind === 'many' ? <ReasonGroup key={run.group.reason} group={run.group} /> : (
        <ScrollList key={run.groups[0]?.reason} labelledBy={titleId}>
          {run.groups.flatMap((group) => group.paths.map((path, i) => (
            <li key={`${group.reason}:${i}:${path}`} className="result-item has-reason">
              <PathName path={path} className="mono" />
              <span className="result-reason muted">{group.reason}</span>
            </li>
          )))}
        </ScrollList>
      )))}
    </section>
  );
}
