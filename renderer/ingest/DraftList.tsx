import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useApp, useStores } from '../app/stores-context';
import { isMac } from '../app/shortcuts';
import { formatBytes, formatDateTime } from '../ui/format';
import { listedTool, folderOf, frameText, mediaLabel } from './draft-labels';
import { ProvenanceBrief } from './ProvenanceBrief';

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
  const listRef = useRef<HTMLDivElement>(null);
  // Focus that comes from a click on a row must not select the first draft: that scrolls the list between mouse down
  // and up, and the click then lands on another row than the one pressed (or on none).
  const pressed = useRef(false);
  const pending = items.filter((d) => d.status === 'pending');
  const allPicked = pending.length > 0 && pending.every((d) => picked.includes(d.id));

  useEffect(() => {
    listRef.current?.querySelector('tr.is-selected')?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedId]);

  // Opening the inbox puts the keyboard on the list once it has drafts, so the first arrow press selects a draft (not
  // the menu button that opened the page). Nothing is opened until then; focus already in a field stays there.
  const focusedOnOpen = useRef(false);
  const quietFocus = useRef(false);
  useEffect(() => {
    if (focusedOnOpen.current || items.length === 0) return;
    focusedOnOpen.current = true;
    const at = document.activeElement;
    if (at instanceof HTMLInputElement || at instanceof HTMLTextAreaElement || at instanceof HTMLSelectElement) return;
    quietFocus.current = true;
    listRef.current?.focus();
    quietFocus.current = false;
  }, [items]);

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
      ArrowDown: () => drafts.getState().move(1),
      ArrowUp: () => drafts.getState().move(-1),
      Home: () => drafts.getState().move(-items.length),
      End: () => drafts.getState().move(items.length),
      Enter: () => { if (selected) onOpen(); },
      Delete: () => {
        if (picked.length > 0) onDismissPicked();
        else if (selected?.status === 'pending') onDismiss(selected.id);
      },
      ' ': () => { if (selected?.status === 'pending') drafts.getState().togglePicked(selected.id, !picked.includes(selected.id)); },
    };
    const run = keys[e.key];
    if (!run) return;
    e.preventDefault();
    run();
  }

  return (
    <div className="focus-frame">
      <div ref={listRef} className="draft-list" data-draft-list tabIndex={0} role="region" aria-label="New files list" onKeyDown={onKeyDown}
        onMouseDown={() => { pressed.current = true; }} onMouseUp={() => { pressed.current = false; }}
        onFocus={(e) => {
          const byPointer = pressed.current || quietFocus.current;
          pressed.current = false;
          if (!byPointer && e.target === e.currentTarget && selectedId === null && items[0]) void drafts.getState().select(items[0].id);
        }}>
        <table className="data-table draft-table" aria-label="New files">
          <thead>
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
            {items.map((d) => {
              const on = picked.includes(d.id);
              return (
                <tr key={d.id} data-draft-id={d.id} className={d.id === selectedId ? 'is-selected' : undefined} aria-selected={d.id === selectedId}
                  onClick={() => void drafts.getState().select(d.id)} onDoubleClick={onOpen}>
                  <td className="cell-check" onClick={(e) => e.stopPropagation()}>
                    {d.status === 'pending' ? (
                      <input type="checkbox" aria-label={`Select ${d.fileName}`} checked={on} tabIndex={-1}
                        onChange={(e) => drafts.getState().togglePicked(d.id, e.target.checked)} />
                    ) : null}
                  </td>
                  <td className="truncate draft-name" title={d.fileName}>{d.fileName}</td>
                  {status !== 'pending' ? <td className="nowrap">{d.status === 'confirmed' ? `confirmed #${d.assetId}` : d.status}</td> : null}
                  <td className="draft-prov"><ProvenanceBrief draft={d} /></td>
                  <td className="truncate">{listedTool(d) ?? <span className="muted">none</span>}</td>
                  <td className="nowrap col-frames">{frameText(d)}</td>
                  <td className="num col-size">{formatBytes(d.size)}</td>
                  <td className="col-aside">{mediaLabel(d)}</td>
                  <td className="col-aside muted nowrap">{formatDateTime(d.foundAt)}</td>
                  <td className="col-aside truncate mono muted" title={folderOf(d.path)}>{folderOf(d.path)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
