import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useApp, useStores } from '../app/stores-context';
import { useFocusRequest } from '../app/useFocusRequest';
import { PAGE_SIZE } from '../stores/log-store';
import { LOG_COLUMNS } from './columns';
import { SortHeader } from './SortHeader';
import { AssetRow } from './AssetRow';

export const ROW_HEIGHT = 22;
export const HEADER_HEIGHT = 26;
/** Rows fetched beyond the visible ones, so steady scrolling rarely meets a placeholder. */
const PREFETCH_ROWS = 80;
/** A jump (dragging the scrollbar) waits this long for the user to settle before fetching. */
const JUMP_DELAY_MS = 60;

/**
 * The asset log as a virtualized grid: only the rows in view (plus a few) exist in the DOM, so it scrolls the
 * same with ten rows or a million. Keyboard: arrows, PageUp/Down, Home/End move; Enter opens the detail pane;
 * T re-tags and R retires the selected asset; I shows or hides the detail pane. Tab reaches the column headers,
 * where ← and → move along them, Enter sorts, and ↓ (or Esc) returns to the rows.
 */
export function AssetTable() {
  const { log, ui, notifications } = useStores();
  const total = useApp('log', (s) => s.total);
  const pages = useApp('log', (s) => s.pages);
  const generation = useApp('log', (s) => s.generation);
  const queryVersion = useApp('log', (s) => s.queryVersion);
  const selectedIndex = useApp('log', (s) => s.selectedIndex);
  const selectedId = useApp('log', (s) => s.selectedId);
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = total ?? 0;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.at(-1)?.index ?? 0;
  const wantFrom = Math.max(0, firstIndex - PREFETCH_ROWS);
  const wantTo = lastIndex + PREFETCH_ROWS;
  const firstPage = Math.floor(wantFrom / PAGE_SIZE);
  const lastPage = Math.floor(wantTo / PAGE_SIZE);
  const loaded = total !== null;

  useEffect(() => {
    const s = log.getState();
    const run = () => log.getState().ensureRange(wantFrom, wantTo);
    // Scrolling on from loaded rows fetches at once; a far jump waits for the scrollbar to settle.
    const continuing = !loaded || s.pages[firstPage - 1] || s.pages[firstPage] || s.pages[lastPage];
    if (continuing) return run();
    const t = setTimeout(run, JUMP_DELAY_MS);
    return () => clearTimeout(t);
    // Deliberately keyed on pages, not rows: wantFrom/wantTo change every row, fetching only per page.
  }, [log, firstPage, lastPage, generation, loaded]);

  const shownQuery = useRef(queryVersion);
  useEffect(() => {
    // New filters or order: start at the top (not on mount, where a returning user gets the selected row).
    if (shownQuery.current === queryVersion) return;
    shownQuery.current = queryVersion;
    virtualizer.scrollToOffset(0);
  }, [queryVersion, virtualizer]);

  useFocusRequest('table', () => {
    scrollRef.current?.focus();
    return true;
  });

  useEffect(() => {
    // Coming back to the log: show the row that was selected.
    const i = log.getState().selectedIndex;
    if (i !== null) virtualizer.scrollToIndex(i, { align: 'center' });
  }, [log, virtualizer]);

  const select = useCallback((index: number) => log.getState().select(index), [log]);
  const open = useCallback(() => ui.getState().focusDetail(), [ui]);

  function moveTo(index: number) {
    if (count === 0) return;
    const i = Math.max(0, Math.min(count - 1, index));
    log.getState().select(i);
    virtualizer.scrollToIndex(i, { align: 'auto' });
  }

  const noAsset = () => void notifications.getState().push('info', 'Select an asset first: ↑ and ↓ move the selection.');

  /** On a column header: ← and → go to the neighbouring header, ↓ back to the rows; Enter and Space stay the button's (they sort). */
  function onHeaderKey(e: KeyboardEvent<HTMLDivElement>, button: HTMLElement) {
    // Only the headers shown: Media and Artist make way on a narrow table, and a hidden button takes no focus.
    const buttons = [...(scrollRef.current?.querySelectorAll<HTMLElement>('.asset-header .sort-button') ?? [])].filter((b) => getComputedStyle(b.closest('.header-cell') ?? b).display !== 'none');
    const at = buttons.indexOf(button);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step !== 0 && at >= 0) {
      e.preventDefault();
      buttons[Math.max(0, Math.min(buttons.length - 1, at + step))]?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'Escape') {
      e.preventDefault();
      scrollRef.current?.focus();
      if (selectedIndex === null && e.key === 'ArrowDown') moveTo(0);
      else if (selectedIndex !== null) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement;
    if (target !== e.currentTarget) {
      if (target.classList.contains('sort-button')) onHeaderKey(e, target);
      return;
    }
    const cur = selectedIndex ?? -1;
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 2);
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    // Only the asset under the cursor: one hidden by a filter, or not loaded, is never re-tagged or retired unseen.
    const hasAsset = selectedId !== null && selectedIndex !== null && log.getState().rowAt(selectedIndex)?.id === selectedId;
    const actions: Record<string, () => void> = {
      ArrowDown: () => moveTo(cur + 1),
      ArrowUp: () => moveTo(cur <= 0 ? 0 : cur - 1),
      PageDown: () => moveTo(cur + pageRows),
      PageUp: () => moveTo(cur - pageRows),
      Home: () => moveTo(0),
      End: () => moveTo(count - 1),
      Enter: () => { if (hasAsset) ui.getState().focusDetail(); },
      t: () => (hasAsset ? ui.getState().openDialog('retag') : noAsset()),
      r: () => (hasAsset ? ui.getState().openDialog('retire') : noAsset()),
      i: () => ui.getState().setDetailOpen(!ui.getState().detailOpen),
    };
    const action = actions[key];
    if (!action) return;
    e.preventDefault();
    action();
  }

  const activeRow = selectedIndex !== null && items.some((it) => it.index === selectedIndex) ? `asset-row-${selectedIndex}` : undefined;

  return (
    <div className="focus-frame">
      <div
        ref={scrollRef}
        className="asset-table"
        role="grid"
        aria-label="Asset log"
        aria-rowcount={count + 1}
        aria-colcount={LOG_COLUMNS.length}
        aria-activedescendant={activeRow}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="asset-table"
        data-focus-home
      >
        <div className="asset-table-canvas" style={{ height: virtualizer.getTotalSize() }}>
          <div className="asset-row asset-header" role="row" aria-rowindex={1}>
            {LOG_COLUMNS.map((c) => <SortHeader key={c.id} column={c} />)}
          </div>
          {items.map((item) => {
            const row = pages[Math.floor(item.index / PAGE_SIZE)]?.[item.index % PAGE_SIZE];
            return (
              <AssetRow
                key={item.key}
                index={item.index}
                start={item.start}
                height={ROW_HEIGHT}
                row={row}
                selected={row ? row.id === selectedId : item.index === selectedIndex}
                onSelect={select}
                onOpen={open}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
