import { memo } from 'react';
import type { Draft } from './types';
import { formatBytes, formatDateTime } from '../ui/format';
import { listedTool, folderOf, frameText, mediaLabel } from './draft-labels';
import { ProvenanceBrief } from './ProvenanceBrief';

interface DraftRowProps {
  draft: Draft;
  selected: boolean;
  picked: boolean;
  /** Whether the Status column is shown (every filter but Pending). */
  showStatus: boolean;
  onSelect(id: number): void;
  onOpen(): void;
  onPick(id: number, on: boolean): void;
  /** Its place in the list and the measuring ref, when only the rows in view are drawn (a long list). */
  index?: number;
  measure?: (row: HTMLTableRowElement | null) => void;
}

/**
 * One draft of the list. Memoised: an arrow key or a tick re-renders the rows it changes, not all of them (an inbox
 * of 5,000 drafts took 180 ms a key press). The callbacks must keep their identity between renders for that.
 */
export const DraftRow = memo(function DraftRow({ draft: d, selected, picked, showStatus, onSelect, onOpen, onPick, index, measure }: DraftRowProps) {
  const tool = listedTool(d);
  const frames = frameText(d);
  return (
    <tr ref={measure} data-index={index} data-draft-id={d.id} className={selected ? 'is-selected' : undefined} aria-selected={selected}
      onClick={() => onSelect(d.id)} onDoubleClick={onOpen}>
      <td className="cell-check" onClick={(e) => e.stopPropagation()}>
        {d.status === 'pending' ? (
          <input type="checkbox" aria-label={`Select ${d.fileName}`} checked={picked} tabIndex={-1}
            onMouseDown={(e) => e.preventDefault()} onChange={(e) => onPick(d.id, e.target.checked)} />
        ) : null}
      </td>
      <td className="truncate draft-name" title={d.fileName}>{d.fileName}</td>
      {showStatus ? <td className="nowrap">{d.status === 'confirmed' ? `confirmed #${d.assetId}` : d.status}</td> : null}
      <td className="draft-prov"><ProvenanceBrief draft={d} /></td>
      <td className="truncate" title={tool ?? undefined}>{tool ?? <span className="muted">none</span>}</td>
      <td className="nowrap col-frames" title={frames || undefined}>{frames}</td>
      <td className="num col-size">{formatBytes(d.size)}</td>
      <td className="col-aside">{mediaLabel(d)}</td>
      <td className="col-aside muted nowrap">{formatDateTime(d.foundAt)}</td>
      <td className="col-aside truncate mono muted" title={folderOf(d.path)}>{folderOf(d.path)}</td>
    </tr>
  );
});
