import type { Classification } from '../api-types';

/**
 * Temporary vs deliverable at a glance; a retired asset keeps its tag, dimmed, with a retired marker
 * (compact in the table, a badge elsewhere).
 */
export function ClassificationBadge({ value, retired, compact }: { value: Classification; retired?: boolean; compact?: boolean }) {
  return (
    <span className="badges">
      <span className={`badge badge-${value}${retired ? ' badge-dim' : ''}`}>{value}</span>
      {retired ? <span className={compact ? 'retired-mark' : 'badge badge-retired'}>retired</span> : null}
    </span>
  );
}
