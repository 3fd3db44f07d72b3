import type { ReactNode } from 'react';
import type { Asset, SortColumn } from '../api-types';
import { ClassificationBadge } from '../ui/ClassificationBadge';
import { formatDateTime, MEDIA_LABELS } from '../ui/format';
import { OutcomeBadge } from '../compliance/badges';
import { Thumbnail } from '../thumbnails/Thumbnail';

export interface LogColumn {
  /** Also the API sort key. */
  id: SortColumn;
  label: string;
  render(a: Asset): ReactNode;
  /** Plain text for the cell's tooltip when it may be cut off. */
  title?(a: Asset): string;
  align?: 'end';
}

/** The log table's columns, in order. Widths live in styles/log.css (.asset-row grid) so rows stay one class. */
export const LOG_COLUMNS: LogColumn[] = [
  { id: 'id', label: 'ID', render: (a) => a.id, align: 'end' },
  { id: 'production', label: 'Production', render: (a) => a.production, title: (a) => a.production },
  { id: 'episode', label: 'Ep/Reel', render: (a) => a.episode || '—', title: (a) => a.episode },
  {
    id: 'fileName',
    label: 'File name',
    // The thumbnail shares the name's cell: it is not a sort key, and the row grid stays one column per sort key.
    render: (a) => <><Thumbnail asset={a} size="row" /><span className="cell-text">{a.fileName}</span></>,
    title: (a) => a.fileName,
  },
  { id: 'mediaType', label: 'Media', render: (a) => MEDIA_LABELS[a.mediaType] },
  { id: 'classification', label: 'Class', render: (a) => <ClassificationBadge value={a.classification} retired={a.retired} compact /> },
  { id: 'outcome', label: 'Outcome', render: (a) => <OutcomeBadge outcome={a.outcome} /> },
  { id: 'tool', label: 'Tool', render: (a) => a.tool ?? '—', title: (a) => a.tool ?? '' },
  { id: 'createdBy', label: 'Artist', render: (a) => a.createdBy, title: (a) => a.createdBy },
  {
    id: 'createdAt',
    label: 'Created',
    // The time is its own span: the narrowest table shows the date alone (the tooltip and the pane keep the time).
    render: (a) => {
      const [date, time] = formatDateTime(a.createdAt).split(' ');
      return <>{date}{time ? <span className="created-time"> {time}</span> : null}</>;
    },
    title: (a) => a.createdAt,
  },
];
