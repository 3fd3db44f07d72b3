import { useApp, useStores } from '../app/stores-context';
import type { LogColumn } from './columns';

/** A column header that sorts the whole log (server-side) when clicked; clicking again reverses the order. */
export function SortHeader({ column }: { column: LogColumn }) {
  const { log } = useStores();
  const sort = useApp('log', (s) => s.sort);
  const active = sort.column === column.id;
  const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <div role="columnheader" aria-sort={ariaSort} className={`cell header-cell cell-${column.id}${column.align === 'end' ? ' cell-end' : ''}`}>
      <button
        type="button"
        className={`sort-button${active ? ' is-active' : ''}`}
        onClick={() => log.getState().sortBy(column.id)}
        title={`Sort by ${column.label.toLowerCase()}`}
      >
        <span className="sort-label">{column.label}</span>
        <span className="sort-arrow" aria-hidden="true">{active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}</span>
      </button>
    </div>
  );
}
