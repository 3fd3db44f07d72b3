import type { ValueOf } from '../api-types';
import { formatBytes, formatDateTime } from '../ui/format';

/**
 * The desktop app's automatic backups, newest first, each with a button that puts it in the Restore field: choosing
 * a backup is the step that should not need typing a path.
 */
export function AutoBackupList({ list, onChoose }: { list: ValueOf<'listAutoBackups'> | null; onChoose(path: string): void }) {
  if (!list) return null;
  const where = <span className="mono">{list.folder}</span>;
  if (list.backups.length === 0) {
    return <p className="small">The desktop app backs the log up once a day into {where}, keeping the newest {list.keep}; none is there yet.</p>;
  }
  return (
    <div className="auto-backups">
      <p className="small">Automatic backups (the desktop app makes one a day; the newest {list.keep} are kept in {where}):</p>
      <ul aria-label="Automatic backups">
        {list.backups.map((b) => (
          <li key={b.path}>
            <span>{formatDateTime(b.madeAt)}</span> <span className="small">{formatBytes(b.bytes)}</span>{' '}
            <button type="button" className="btn btn-small" aria-label={`Restore from the backup of ${formatDateTime(b.madeAt)}`} onClick={() => onChoose(b.path)}>
              Choose
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
