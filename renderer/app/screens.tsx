import type { ComponentType } from 'react';
import type { AppCommand } from './shortcuts';
import { LogView } from '../log/LogView';
import { ProductionsPage } from '../catalog/ProductionsPage';
import { ToolsPage } from '../catalog/ToolsPage';
import { SettingsPage } from '../settings/SettingsPage';
import { DashboardPage } from '../compliance/DashboardPage';
import { InboxPage } from '../compliance/InboxPage';
import { PlannedUsesPage } from '../compliance/PlannedUsesPage';
import { ConsentsPage } from '../compliance/ConsentsPage';
import { OutboxPage } from '../packets/OutboxPage';
import { PacketsPage } from '../packets/PacketsPage';
import { DraftsInboxPage } from '../ingest/DraftsInboxPage';
import { NewFilesBadge } from '../ingest/NewFilesBadge';
import { WatchFoldersPage } from '../ingest/WatchFoldersPage';

export interface ScreenDef {
  id: string;
  label: string;
  Component: ComponentType;
  /** The command (and so the shortcut) that opens it, if any. */
  command?: AppCommand;
  /** A small live count shown beside the label in the navigation. */
  Badge?: ComponentType;
}

export interface NavSection {
  title: string;
  screens: ScreenDef[];
}

/**
 * The left navigation, in order. Later features add sections here (Compliance: dashboard, approvals, consent,
 * planned uses; Disclosure: packets, outbox; Ingest: watch folders, inbox) without touching the shell.
 */
export const NAV_SECTIONS: NavSection[] = [
  { title: 'Assets', screens: [{ id: 'log', label: 'Asset log', Component: LogView, command: 'go-log' }] },
  {
    // 'drafts', not 'inbox': the approvals inbox of the Compliance section is a different thing.
    title: 'Ingest',
    screens: [
      { id: 'drafts', label: 'New files inbox', Component: DraftsInboxPage, Badge: NewFilesBadge },
      { id: 'watch-folders', label: 'Watch folders', Component: WatchFoldersPage },
    ],
  },
  {
    title: 'Compliance',
    screens: [
      { id: 'dashboard', label: 'Dashboard', Component: DashboardPage },
      { id: 'approvals', label: 'Approvals inbox', Component: InboxPage },
      { id: 'uses', label: 'Planned uses', Component: PlannedUsesPage },
      { id: 'consents', label: 'Consents', Component: ConsentsPage },
    ],
  },
  {
    title: 'Disclosure',
    screens: [
      { id: 'packets', label: 'Packets', Component: PacketsPage },
      { id: 'outbox', label: 'Outbox', Component: OutboxPage },
    ],
  },
  {
    title: 'Catalog',
    screens: [
      { id: 'productions', label: 'Productions', Component: ProductionsPage, command: 'go-productions' },
      { id: 'tools', label: 'AI tools', Component: ToolsPage, command: 'go-tools' },
    ],
  },
  { title: 'App', screens: [{ id: 'settings', label: 'Settings', Component: SettingsPage, command: 'go-settings' }] },
];

export function findScreen(id: string): ScreenDef {
  const all = NAV_SECTIONS.flatMap((s) => s.screens);
  return all.find((s) => s.id === id) ?? all[0]!;
}
