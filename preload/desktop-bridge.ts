import type { GenlogClient } from '../main/api/table';

/** Menu and shortcut commands the main process sends to the page. */
export const MENU_COMMANDS = [
  'log-files', 'focus-search', 'go-log', 'go-settings', 'go-productions', 'go-tools', 'retag', 'retire',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** What the preload puts on window.genlogDesktop: named methods only, never ipcRenderer itself. */
export interface DesktopBridge {
  api: GenlogClient;
  /** The path of a dropped or picked File (Electron's webUtils; browsers have no paths). */
  pathForFile(file: File): string;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

export const IPC_PREFIX = 'genlog:';
export const MENU_CHANNEL = 'genlog-menu';
