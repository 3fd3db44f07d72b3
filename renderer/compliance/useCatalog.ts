import { useEffect } from 'react';
import { useApp, useStores } from '../app/stores-context';
import type { ComplianceCatalog } from './types';

/** The questions, presets and rule explanations, loaded once by whichever compliance view needs them first. */
export function useComplianceCatalog(): ComplianceCatalog | null {
  const { compliance } = useStores();
  const catalog = useApp('compliance', (s) => s.catalog);
  useEffect(() => {
    if (!catalog) void compliance.getState().loadCatalog();
  }, [catalog, compliance]);
  return catalog;
}
