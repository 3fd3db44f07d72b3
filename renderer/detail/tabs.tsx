import type { ComponentType, ReactNode } from 'react';
import type { AssetDetail } from '../api-types';
import { uncheckedProblems } from '../../main/provenance/c2pa/validation';
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
    // What `genlog log` raises is what the reviewer must see: mismatches, errors, a failed C2PA validation and each
    // check that could not be made. A clean record needs no count; nor does the missing trust list every file has.
    badge: (a) => ((a.provenance?.mismatches.length ?? 0) + (a.provenance?.errors.length ?? 0)
      + (a.provenance?.record.c2pa?.validation.state === 'invalid' ? 1 : 0)
      + uncheckedProblems(a.provenance?.record.c2pa?.validation).length) || undefined,
    Panel: ProvenanceTab,
  },
  { id: 'history', label: 'History', badge: (a) => a.history.length, Panel: HistoryTab },
];
