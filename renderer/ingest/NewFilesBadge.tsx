import { useEffect } from 'react';
import { useApp, useStores } from '../app/stores-context';

/** The desktop app's watcher adds drafts on its own: the count is looked at again this often. */
const REFRESH_MS = 15_000;

/** Pending drafts in the New files inbox, next to its nav entry. */
export function NewFilesBadge() {
  const { drafts } = useStores();
  const count = useApp('drafts', (s) => s.pendingCount);
  useEffect(() => {
    void drafts.getState().refreshPending();
    const t = setInterval(() => void drafts.getState().refreshPending(), REFRESH_MS);
    return () => clearInterval(t);
  }, [drafts]);
  if (!count) return null;
  return <span className="nav-badge" aria-label={`${count} new files waiting`}>{count > 999 ? '999+' : count}</span>;
}
