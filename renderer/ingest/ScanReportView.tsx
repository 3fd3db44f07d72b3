import { useApp, useStores } from '../app/stores-context';
import { formatDateTime, plural } from '../ui/format';
import { PathName } from './PathName';

/** What the last "Scan now" found: per folder, files seen, new drafts, files already logged, and errors. */
export function ScanReportView() {
  const { watchFolders } = useStores();
  const report = useApp('watchFolders', (s) => s.lastScan);
  if (!report) return null;
  return (
    <section className="scan-report" aria-label="Scan result">
      <div className="scan-report-head">
        <strong>Scan result</strong> <span className="muted small">{formatDateTime(report.at)}</span>
        <span className="spacer" />
        <button type="button" className="btn btn-small" onClick={() => watchFolders.setState({ lastScan: null })}>Hide</button>
      </div>
      {report.results.length === 0 ? <div className="muted">No enabled watch folders to scan.</div> : null}
      <ul className="scan-results">
        {report.results.map((r) => (
          <li key={r.watchId} className={r.errors.length ? 'scan-result has-errors' : 'scan-result'}>
            <PathName path={r.path} className="mono" />
            <span>
              {plural(r.filesScanned, 'file')} found · {r.filesNew} new or changed · {plural(r.found.length, 'new draft')} · {r.alreadyLogged} already logged{r.alreadyDismissed ? ` · ${r.alreadyDismissed} dismissed before` : ''}{r.gone.length ? ` · ${plural(r.gone.length, 'draft')} taken out (files gone)` : ''}
              {r.errors.length ? ` · ${plural(r.errors.length, 'error')}` : ''}
            </span>
            {r.errors.length ? <ul className="scan-errors">{r.errors.map((e) => <li key={e}>{e}</li>)}</ul> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
