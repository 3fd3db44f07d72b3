import type { ReactNode } from 'react';
import { formatDateTime } from '../ui/format';
import { CountsInline, StateBadge } from './badges';
import { describeScope } from './labels';
import type { Packet } from './types';

export interface PacketColumn {
  header: string;
  cell(p: Packet): ReactNode;
  className?: string;
}

export const COLUMNS = {
  production: { header: 'Production', cell: (p) => p.production },
  scope: { header: 'Scope', cell: (p) => describeScope(p), className: 'truncate' },
  state: { header: 'State', cell: (p) => <StateBadge state={p.state} /> },
  assets: { header: 'Assets', cell: (p) => p.assets, className: 'num' },
  outcomes: { header: 'Outcomes', cell: (p) => <CountsInline counts={p.counts} /> },
  built: { header: 'Built', cell: (p) => formatDateTime(p.createdAt) },
  approved: { header: 'Approved', cell: (p) => (p.approvedAt ? `${formatDateTime(p.approvedAt)} · ${p.approvedBy ?? ''}` : <span className="muted">—</span>) },
} satisfies Record<string, PacketColumn>;

/** A list of packets; the first cell is the keyboard way in (a button per row), the whole row takes a click. */
export function PacketTable({ label, packets, columns, selectedId, onSelect }: {
  label: string;
  packets: Packet[];
  columns: PacketColumn[];
  selectedId: number | null;
  onSelect(id: number): void;
}) {
  return (
    <table className="data-table packet-table" aria-label={label}>
      <thead>
        <tr><th scope="col">#</th>{columns.map((c) => <th key={c.header} scope="col" className={c.className === 'num' ? 'num' : undefined}>{c.header}</th>)}</tr>
      </thead>
      <tbody>
        {packets.map((p) => (
          <tr key={p.id} className={`${selectedId === p.id ? 'is-selected' : ''} packet-row-${p.state}`} onClick={() => onSelect(p.id)}
>
            <td>
              <button type="button" className="link-button" aria-label={`Open packet ${p.id}`} aria-current={selectedId === p.id ? 'true' : undefined}
                onClick={(e) => { e.stopPropagation(); onSelect(p.id); }}>
                {p.id}
              </button>
            </td>
            {columns.map((c) => <td key={c.header} className={c.className}>{c.cell(p)}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
