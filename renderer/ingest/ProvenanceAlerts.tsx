import { useId } from 'react';
import { useShowAll } from '../ui/use-show-all';
import { formatCount } from '../ui/format';
import { ScrollList } from '../ui/ScrollList';
import type { IngestJob } from './types';

/** Assets listed before "Show all": a folder of damaged files is a count and a sample, not a wall of rows. */
const SHOWN = 20;

/**
 * New assets whose file needs a look: a failed or incomplete C2PA check, a contradiction with how it was logged, or
 * provenance that could not be read. The same lines `genlog log` prints; the asset's Provenance tab has the record.
 */
export function ProvenanceAlerts({ alerts }: { alerts: IngestJob['alerts'] }) {
  const { all, showAll, listRef } = useShowAll();
  const titleId = useId();
  if (alerts.length === 0) return null;
  const shown = all ? alerts : alerts.slice(0, SHOWN);
  const more = alerts.length - shown.length;
  return (
    <section className="ingest-alerts" aria-label="Assets whose provenance needs a look">
      <h3 id={titleId} className="section-title">Provenance needs a look</h3>
      <ScrollList labelledBy={titleId} ref={listRef}>
        {shown.map((a) => (
          <li key={a.assetId} className="result-item has-reason">
            <span className="mono muted">#{a.assetId}</span>
            <span className="path-name">{a.fileName}</span>
            <ul className="result-reason prov-problems">{a.messages.map((m) => <li key={m}>{m}</li>)}</ul>
          </li>
        ))}
      </ScrollList>
      {more > 0 ? <button type="button" className="link-button" onClick={showAll}>Show all {formatCount(alerts.length)}</button> : null}
    </section>
  );
}
