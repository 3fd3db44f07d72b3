import { memo } from 'react';
import type { Asset } from '../api-types';
import { LOG_COLUMNS } from './columns';

export interface AssetRowProps {
  index: number;
  start: number;
  height: number;
  row: Asset | undefined;
  selected: boolean;
  onSelect(index: number): void;
  onOpen(): void;
}

/**
 * One grid row, memoized: while scrolling, rows that stay in view keep their props (absolute position, same
 * asset) and are not re-rendered; only rows entering the view are.
 */
export const AssetRow = memo(function AssetRow({ index, start, height, row, selected, onSelect, onOpen }: AssetRowProps) {
  const cls = `asset-row${index % 2 ? ' is-odd' : ''}${selected ? ' is-selected' : ''}${row?.retired ? ' is-retired' : ''}${row ? '' : ' is-loading'}`;
  return (
    <div
      id={`asset-row-${index}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-asset-id={row?.id}
      className={cls}
      style={{ transform: `translateY(${start}px)`, height }}
      onMouseDown={() => onSelect(index)}
      onDoubleClick={onOpen}
    >
      {row
        ? LOG_COLUMNS.map((c) => (
          <div key={c.id} role="gridcell" className={`cell cell-${c.id}${c.align === 'end' ? ' cell-end' : ''}`} title={c.title?.(row)}>
            {c.render(row)}
          </div>
        ))
        : <div role="gridcell" className="cell cell-placeholder" aria-colspan={LOG_COLUMNS.length}>Loading…</div>}
    </div>
  );
});
