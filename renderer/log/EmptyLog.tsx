import { useApp, useStores } from '../app/stores-context';
import { EMPTY_FILTERS } from '../stores/log-store';
import { modKeyLabel } from '../app/shortcuts';

/** Shown over the table when nothing matches: says why and what to do. */
export function EmptyLog() {
  const { log, ui } = useStores();
  const total = useApp('log', (s) => s.total);
  const loadError = useApp('log', (s) => s.loadError);
  const filtered = useApp('log', (s) => JSON.stringify(s.filters) !== JSON.stringify(EMPTY_FILTERS));
  // Dates as typed (YYYY-MM-DD) compare as text: a From after To matches nothing, whatever the log holds.
  const backwards = useApp('log', (s) => (s.filters.from && s.filters.to && s.filters.from > s.filters.to ? `From (${s.filters.from}) is after To (${s.filters.to})` : ''));
  if (total !== 0) return null;
  return (
    <div className="table-empty">
      {loadError ? (
        <>
          <p>The log could not be loaded.</p>
          <p className="muted">{loadError}</p>
          <button type="button" className="btn" onClick={() => log.getState().refresh()}>Try again</button>
        </>
      ) : filtered ? (
        <>
          <p>No assets match these filters.</p>
          {backwards ? <p className="muted">The date range is backwards: {backwards}. Swap the dates to see that period.</p> : null}
          <button type="button" className="btn" onClick={() => log.getState().clearFilters()}>Clear filters</button>
        </>
      ) : (
        <>
          <p>No assets logged yet.</p>
          <p className="muted">Drop generated files anywhere on this window, or</p>
          <button type="button" className="btn btn-primary" onClick={() => ui.getState().pickFiles()}>Choose files… ({modKeyLabel()}+O)</button>
        </>
      )}
    </div>
  );
}
