import type { MenuCommand } from '../../preload/desktop-bridge';
import type { Stores } from '../stores';

export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

export function modKeyLabel(): string {
  return isMac() ? '⌘' : 'Ctrl';
}

/** Application-wide commands: the same names the desktop menu sends, so menu and keyboard do the same thing. */
export type AppCommand = MenuCommand;

export interface Shortcut {
  command: AppCommand;
  /** Key as in KeyboardEvent.key (lower case), pressed with Ctrl (Cmd on macOS). */
  key: string;
  label: string;
}

export const GLOBAL_SHORTCUTS: Shortcut[] = [
  { command: 'focus-search', key: 'f', label: 'Search the log' },
  { command: 'log-files', key: 'o', label: 'Log files…' },
  { command: 'go-log', key: '1', label: 'Go to the asset log' },
  { command: 'go-productions', key: '2', label: 'Go to productions' },
  { command: 'go-tools', key: '3', label: 'Go to AI tools' },
  { command: 'go-settings', key: ',', label: 'Go to settings' },
];

/** Keys that work while the log table has focus (listed on the settings page). */
export const TABLE_KEYS: { keys: string; label: string }[] = [
  { keys: '↑ ↓ PgUp PgDn Home End', label: 'Move the selection' },
  { keys: 'Enter', label: 'Open the selected asset in the detail pane' },
  { keys: 'T', label: 'Re-tag temporary ↔ deliverable (asks for a reason)' },
  { keys: 'R', label: 'Retire the selected asset (asks for a reason)' },
  { keys: 'I', label: 'Show or hide the detail pane' },
  { keys: '/', label: 'Search the log' },
  { keys: 'Esc', label: 'In search: clear it, then back to the table' },
];

/** Runs a command from the menu or the keyboard. */
export function runCommand(stores: Stores, command: AppCommand): void {
  const ui = stores.ui.getState();
  const asset = stores.detail.getState().asset;
  switch (command) {
    case 'focus-search': return ui.focusSearch();
    case 'log-files': return ui.pickFiles();
    case 'go-log':
      ui.navigate('log');
      return ui.focusTable();
    case 'go-productions': return ui.navigate('productions');
    case 'go-tools': return ui.navigate('tools');
    case 'go-settings': return ui.navigate('settings');
    case 'retag':
    case 'retire':
      if (!asset) {
        stores.notifications.getState().push('info', 'Select an asset in the log first.');
        return;
      }
      ui.navigate('log');
      ui.openDialog(command);
      return;
  }
}
