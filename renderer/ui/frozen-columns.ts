import { useLayoutEffect, type RefObject } from 'react';

/**
 * While `active`, keeps a table's column widths where they were when it turned on, until the table's box changes
 * width (a window resized) or `layoutKey` changes (a column shown or hidden). A list that draws only the rows in
 * view lays its columns out from those rows alone, so without this the columns jump left and right as it scrolls
 * past names of very different lengths. Cells that no longer fit are cut off (class columns-frozen; their title should say all).
 */
export function useFrozenColumns(table: RefObject<HTMLTableElement | null>, active: boolean, layoutKey: string): void {
  useLayoutEffect(() => {
    const el = table.current;
    if (!el) return;
    const heads = () => Array.from(el.tHead?.rows[0]?.cells ?? []);
    const thaw = () => {
      el.style.tableLayout = '';
      el.classList.remove('columns-frozen');
      for (const th of heads()) th.style.width = '';
    };
    if (!active) return thaw();
    let frozenAt = -1;
    const freeze = () => {
      thaw();
      const widths = heads().map((th) => th.getBoundingClientRect().width);
      heads().forEach((th, i) => {
        th.style.boxSizing = 'border-box';
        th.style.width = `${widths[i] ?? 0}px`;
      });
      el.style.tableLayout = 'fixed';
      el.classList.add('columns-frozen');
      frozenAt = el.clientWidth;
    };
    freeze();
    // Test documents (jsdom) have no ResizeObserver; browsers and Electron all do.
    if (typeof ResizeObserver === 'undefined') return thaw;
    // Only a change of width lays the columns out again: rows drawn and measured change the height all the time.
    const observer = new ResizeObserver(() => {
      if (el.clientWidth !== frozenAt) freeze();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      thaw();
    };
  }, [table, active, layoutKey]);
}
