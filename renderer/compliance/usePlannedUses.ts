import { useEffect, useState } from 'react';
import { useApp, useStores } from '../app/stores-context';
import type { PlannedUse } from './types';

/** The planned uses of one production (for picking one while logging); empty without a production. */
export function usePlannedUsesOf(production: string): PlannedUse[] {
  const { api, call } = useStores();
  const version = useApp('compliance', (s) => s.version);
  const [uses, setUses] = useState<PlannedUse[]>([]);
  useEffect(() => {
    if (!production) return setUses([]);
    let live = true;
    void call(api.listPlannedUses({ production }), `load the planned uses of ${production}`).then((res) => {
      if (live) setUses(res.ok ? res.value : []);
    });
    return () => { live = false; };
  }, [api, call, production, version]);
  return uses;
}
