import type { ComponentType, ReactNode } from 'react';
import type { AssetDetail } from '../api-types';
import { DetailsTab } from './DetailsTab';
import { HistoryTab } from './HistoryTab';

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
  { id: 'history', label: 'History', badge: (a) => a.history.length, Panel: HistoryTab },
];
