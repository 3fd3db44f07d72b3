import { useEffect, useRef, useState } from 'react';
import { useApp } from '../app/stores-context';

/**
 * What a catalog page edits: an item, a new one, or nothing. The page opens the add form by itself only once the
 * list is known to be empty; while the catalog is still loading (slow on a large log) an empty list means nothing.
 * Returns whether the catalog has loaded, so the page says "none yet" only when that is true.
 */
export function useCatalogEditing<T>(count: number) {
  const loaded = useApp('catalog', (s) => s.loaded);
  const [editing, setEditing] = useState<T | 'new' | null>(loaded && count === 0 ? 'new' : null);
  const wasLoaded = useRef(loaded);
  useEffect(() => {
    if (!loaded || wasLoaded.current) return;
    wasLoaded.current = true;
    if (count === 0) setEditing((e) => e ?? 'new');
  }, [loaded, count]);
  return { editing, setEditing, loaded };
}
