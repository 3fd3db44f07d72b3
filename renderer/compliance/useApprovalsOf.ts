import { useEffect, useState } from 'react';
import { useApp, useStores } from '../app/stores-context';
import type { Approval } from './types';

/** The approvals naming one planned use, reloaded whenever a compliance change may have added one. */
export function useApprovalsOfUse(id: number): Approval[] {
  const { api, call } = useStores();
  const version = useApp('compliance', (s) => s.version);
  const [list, setList] = useState<Approval[]>([]);
  useEffect(() => {
    let live = true;
    void call(api.listApprovals({ use: id }), `load the approvals of planned use ${id}`).then((res) => {
      if (live && res.ok) setList(res.value);
    });
    return () => { live = false; };
  }, [api, call, id, version]);
  return list;
}
