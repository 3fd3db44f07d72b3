import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../preload/desktop-bridge';

export interface MenuActions {
  send(command: MenuCommand): void;
  openDataFolder(): void;
  about(): void;
}

/** The native menu: standard roles plus GenLog's commands, each with the shortcut artists expect. */
export function menuTemplate(platform: NodeJS.Platform, a: MenuActions, dev: boolean): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const item = (label: string, accelerator: string, command: MenuCommand): MenuItemConstructorOptions =>
    ({ label, accelerator, click: () => a.send(command) });
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        item('Log Files…', 'CmdOrCtrl+O', 'log-files'),
        { type: 'separator' },
        { label: 'Open Data Folder', click: a.openDataFolder },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        item('Log', 'CmdOrCtrl+1', 'go-log'),
        item('Productions', 'CmdOrCtrl+2', 'go-productions'),
        item('AI Tools', 'CmdOrCtrl+3', 'go-tools'),
        item('Settings', 'CmdOrCtrl+,', 'go-settings'),
        { type: 'separator' },
        item('Find', 'CmdOrCtrl+F', 'focus-search'),
        { type: 'separator' },
        { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(dev ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    {
      label: '&Asset',
      submenu: [item('Re-tag…', 'CmdOrCtrl+T', 'retag'), item('Retire…', 'CmdOrCtrl+Backspace', 'retire')],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'About GenLog', click: a.about }] },
  ];
}
