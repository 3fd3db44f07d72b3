import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useApp, useStores } from '../app/stores-context';
import { isMac } from '../app/shortcuts';
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useFrozenColumns } from '../ui/frozen-columns';
import { DraftRow } from './DraftRow';
import type { Draft } from './types';

/** Up to this many drafts every row is drawn; beyond, only those in view. */
const DRAW_ALL_UP_TO = 600;
/** A row one line high; taller ones (a provenance summary that wraps) are measured as drawn. */
const ROW_ESTIMATE = 25;

/**
 * The rows to draw, each with its index in the list, and the heights standing in for the rows not drawn. Rows are
 * striped by position (nth-child), so one or two spacers above keep each row's stripe as the drawn range moves.
 */
function drawnRows(items: readonly Draft[], virtualizer: Virtualizer<HTMLDivElement, Element> | null) {
  if (!virtualizer) return { rows: items.map((draft, index) => ({ draft, index })), spacersAbove: [] as number[], below: 0 };
  const shown = virtualizer.getVirtualItems();
  const first = shown[0];
  const last = shown.at(-1);
  const rows = shown.flatMap((v) => (items[v.index] ? [{ draft: items[v.index] as Draft, index: v.index }] : []));
  // Item offsets count from the top of the scrolled content, column headers included (paddingStart).
  const above = Math.max(0, (first?.start ?? 0) - virtualizer.options.paddingStart);
  return {
    rows,
    spacersAbove: (first?.index ?? 0) % 2 === 0 ? [above, 0] : [above],
    below: Math.max(0, virtualizer.getTotalSize() - (last?.end ?? 0)),
  };
}

/**
 * The drafts, newest first. With focus on the list: arrows move, Space ticks, Ctrl/Cmd+A ticks every pending draft
 * (again: unticks them), Enter opens the selected draft's confirm form, Delete asks to dismiss the ticked drafts (or,
 * with none ticked, the selected one).
 */
export function DraftList({ onOpen, onDismiss, onDismissPicked }: { onOpen(): void; onDismiss(id: number): void; onDismissPicked(): void }) {
  const { drafts } = useStores();
  const items = useApp('drafts', (s) => s.items);
  const selectedId = useApp('drafts', (s) => s.selectedId);
  const picked = useApp('drafts', (s) => s.picked);
  const status = useApp('drafts', (s) => s.status);
  const total = useApp('drafts', (s) => s.total);
  const listRef = useRef<HTMLDivElement>(null);
  // Focus that comes from a click on a row must not select the first draft: that scrolls the list between mouse down
  // and up, and the click then lands on another row than the one pressed (or on none).
  const pressed = useRef(false);
  /** Focus given by the list itself (on opening, after a tick), which must not select a draft. */
  const quietFocus = useRef(false);
  const pickedIds = useMemo(() => new Set(picked), [picked]);
  const pending = useMemo(() => items.filter((d) => d.status === 'pending'), [items]);
  const allPicked = pending.length > 0 && pending.every((d) => pickedIds.has(d.id));
  // Kept from render to render, so the rows are not drawn again for a key press that does not change them.
  const onSelect = useCallback((id: number) => void drafts.getState().select(id), [drafts]);
  // A tick by mouse leaves the keyboard on the list (its checkbox never takes it): a long list unmounts rows scrolled
  // away, and focus on one of them would fall to the page, leaving arrows, Space and Ctrl+A dead.
  const onPick = useCallback((id: number, on: boolean) => {
    drafts.getState().togglePicked(id, on);
    quietFocus.current = true;
    listRef.current?.focus({ preventScroll: true });
    quietFocus.current = false;
  }, [drafts]);

  // A long list draws only the rows in view (and some around them): thousands of rows made every key press and tick
  // take a tenth of a second or more to paint. A first page (500) is drawn whole.
  const virtual = items.length > DRAW_ALL_UP_TO;
  const headRef = useRef<HTMLTableSectionElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  useFrozenColumns(tableRef, virtual, status === 'pending' ? 'without status' : 'with status');
  const [headerHeight, setHeaderHeight] = useState(ROW_ESTIMATE);
  useLayoutEffect(() => {
    if (virtual && headRef.current) setHeaderHeight(headRef.current.offsetHeight);
  }, [virtual]);
  const virtualizer = useVirtualizer({
    count: virtual ? items.length : 0, getScrollElement: () => listRef.current, estimateSize: () => ROW_ESTIMATE, overscan: 20,
    // The rows start below the column headers, which stay on top while the list scrolls: a row scrolled to is placed
    // below them, and one scrolled down to is all in view.
    paddingStart: headerHeight,
    scrollPaddingStart: headerHeight,
  });
  const drawn = drawnRows(items, virtual ? virtualizer : null);

  const [moveAsked, setMoveAsked] = useState(0);
  useEffect(() => {
    if (!virtual) {
      listRef.current?.querySelector('tr.is-selected')?.scrollIntoView?.({ block: 'nearest' });
      return;
    }
    const at = items.findIndex((d) => d.id === selectedId);
    if (at >= 0) virtualizer.scrollToIndex(at, { align: 'auto' });
    // When the selection moves, or a key asks to move it (the selected draft already last, but scrolled away): a
    // refresh must not pull the list back to it while the artist scrolls away.
  }, [selectedId, moveAsked]);

  // Opening the inbox puts the keyboard on the list once it has drafts, so the first arrow press selects a draft (not
  // the menu button that opened the page). Nothing is opened until then; focus already in a field stays there.
  const focusedOnOpen = useRef(false);
  useEffect(() => {
    if (focusedOnOpen.current || items.length === 0) return;
    focusedOnOpen.current = true;
    const at = document.activeElement;
    if (at instanceof HTMLInputElement || at instanceof HTMLTextAreaElement || at instanceof HTMLSelectElement) return;
    quietFocus.current = true;
    listRef.current?.focus();
    quietFocus.current = false;
  }, [items]);

  function moveBy(delta: number) {
    drafts.getState().move(delta);
    setMoveAsked((n) => n + 1);
  }

  function onKeyDown(e: KeyboardEvent) {
    if ((isMac() ? e.metaKey : e.ctrlKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'a') {
      // Ticks the drafts, as the "Select all pending" box does, instead of selecting the page's text.
      e.preventDefault();
      if (pending.length > 0) drafts.getState().pickAll(!allPicked);
      return;
    }
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLButtonElement) {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    }
    const selected = items.find((d) => d.id === selectedId);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveBy(1),
      ArrowUp: () => moveBy(-1),
      Home: () => moveBy(-items.length),
      End: () => moveBy(items.length),
      Enter: () => { if (selected) onOpen(); },
      Delete: () => {
        if (picked.length > 0) onDismissPicked();
        else if (selected?.status === 'pending') onDismiss(selected.id);
      },
      ' ': () => { if (selected?.status === 'pending') drafts.getState().togglePicked(selected.id, !pickedIds.has(selected.id)); },
    };
    const run = keys[e.key];
    if (!run) return;
    e.preventDefault();
    run();
  }

  // With only the rows in view drawn, and the keyboard on the list rather than on a row, a screen reader hears nothing
  // as the arrows move: the selected draft and its place are said here.
  const at = selectedId === null ? -1 : items.findIndex((d) => d.id === selectedId);
  const spoken = at >= 0 ? `${items[at]?.fileName ?? ''}, ${at + 1} of ${total ?? items.length}${pickedIds.has(selectedId as number) ? ', checked' : ''}` : '';

  return (
    <div className="focus-frame">
      <div className="visually-hidden" aria-live="polite" data-testid="draft-spoken">{spoken}</div>
      <div ref={listRef} className="draft-list" data-draft-list tabIndex={0} role="region" aria-label="New files list" onKeyDown={onKeyDown}
        onMouseDown={() => { pressed.current = true; }} onMouseUp={() => { pressed.current = false; }}
        onFocus={(e) => {
          const byPointer = pressed.current || quietFocus.current;
          pressed.current = false;
          if (!byPointer && e.target === e.currentTarget && selectedId === null && items[0]) void drafts.getState().select(items[0].id);
        }}>
        <table ref={tableRef} className="data-table draft-table" aria-label="New files">
          <thead ref={headRef}>
            <tr>
              <th scope="col" className="cell-check">
                <input type="checkbox" aria-label="Select all pending" checked={allPicked} disabled={pending.length === 0}
                  onChange={(e) => drafts.getState().pickAll(e.target.checked)} />
              </th>
              {/* What needs a decision first (the file, its red flags, its tool); where it lies last, for narrow windows. */}
              <th scope="col">File</th>{status !== 'pending' ? <th scope="col">Status</th> : null}
              <th scope="col">Provenance</th><th scope="col">Tool</th><th scope="col">Frames</th>
              <th scope="col" className="num col-size">Size</th><th scope="col" className="col-aside">Type</th>
              <th scope="col" className="col-aside">Found</th><th scope="col" className="col-aside">Folder</th>
            </tr>
          </thead>
          <tbody>
            {drawn.spacersAbove.map((height, i) => <tr key={`above${i}`} className="spacer-row" aria-hidden="true" style={{ height }} />)}
            {drawn.rows.map(({ draft: d, index }) => (
              <DraftRow key={d.id} draft={d} selected={d.id === selectedId} picked={pickedIds.has(d.id)} showStatus={status !== 'pending'}
                onSelect={onSelect} onOpen={onOpen} onPick={onPick} {...(virtual ? { index, measure: virtualizer.measureElement } : {})} />
            ))}
            {drawn.below > 0 ? <tr className="spacer-row" aria-hidden="true" style={{ height: drawn.below }} /> : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}
