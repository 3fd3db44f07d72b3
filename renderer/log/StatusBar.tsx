import { useApp } from '../app/stores-context';
import { LOG_COLUMNS } from './columns';
import { formatCount } from '../ui/format';

/** Under the table: how many assets match, the order, and where the cursor is. */
export function StatusBar() {
  const total = useApp('log', (s) => s.total);
  const sort = useApp('log', (s) => s.sort);
  const selectedIndex = useApp('log', (s) => s.selectedIndex);
  const column = LOG_COLUMNS.find((c) => c.id === sort.column);
  return (
    <div className="status-bar" aria-live="polite">
      <span data-testid="asset-total">
        {total === null ? 'Loading…' : `${formatCount(total)} ${total === 1 ? 'asset' : 'assets'}`}
      </span>
      {total ? <span className="muted">Sorted by {column?.label.toLowerCase()} {sort.direction === 'asc' ? '▲' : '▼'}</span> : null}
      {selectedIndex !== null && total ? <span className="muted">Row {formatCount(selectedIndex + 1)} of {formatCount(total)}</span> : null}
    </div>
  );
}
