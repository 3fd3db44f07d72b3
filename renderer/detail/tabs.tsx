import type { ComponentType, ReactNode } from 'react';
import type { AssetDetail } from '../api-types';
import { DetailsTab } from './DetailsTab';
import { HistoryTab } from './HistoryTab';
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
  { id: 'history', label: 'History', badge: (a) => a.history.length, Panel: HistoryTab },
];
