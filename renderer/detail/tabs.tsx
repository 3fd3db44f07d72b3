import type { ComponentType, ReactNode } from 'react';
import type { AssetDetail } from '../api-types';
import { DetailsTab } from './DetailsTab';
import { HistoryTab } from './HistoryTab';
import { ProvenanceTab } from './ProvenanceTab';
import { FindingsTab } from '../compliance/FindingsTab';
import { FactsTab } from '../compliance/FactsTab';

export interface DetailTabDef {
  id: string;
  label: string;
  badge?(asset: AssetDetail): ReactNode;
  Panel: ComponentType<{ asset: AssetDetail }>;
}

/**
 * The detail pane's tabs, in order. Later features add theirs here (Findings for compliance, Provenance for
 * file metadata) without touching the pane itself.
 */
export const DETAIL_TABS: DetailTabDef[] = [
  { id: 'details', label: 'Details', Panel: DetailsTab },
  {
    id: 'findings',
    label: 'Findings',
    badge: (a) => a.assessment.findings.filter((f) => f.coveredBy.length === 0).length || undefined,
    Panel: FindingsTab,
  },
  { id: 'facts', label: 'Questions', Panel: FactsTab },
  {
    id: 'provenance',
    label: 'Provenance',
    // Mismatches, errors and a failed C2PA validation are what the reviewer must see; a clean record needs no count.
    badge: (a) => ((a.provenance?.mismatches.length ?? 0) + (a.provenance?.errors.length ?? 0)
      + (a.provenance?.record.c2pa?.validation.state === 'invalid' ? 1 : 0)) || undefined,
    Panel: ProvenanceTab,
  },
  { id: 'history', label: 'History', badge: (a) => a.history.length, Panel: HistoryTab },
];
