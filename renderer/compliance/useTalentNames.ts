import { useEffect, useState } from 'react';
import { useApp, useStores } from '../app/stores-context';

/** Talent with a consent on file for a production: offered while typing names, spelled as on their forms. */
export function useTalentNames(production: string | undefined): string[] {
  const { api } = useStores();
  const version = useApp('compliance', (s) => s.version);
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    if (!production) return setNames([]);
    let live = true;
    // A suggestion list is a convenience: a failure here is not worth a notification.
    void api.listConsents({ production }).then((res) => {
      if (live && res.ok) setNames([...new Set(res.value.map((c) => c.talent))].sort());
    });
    return () => { live = false; };
  }, [api, production, version]);
  return names;
}
