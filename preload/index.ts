import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { makeClient } from '../main/api/client';
import type { Envelope } from '../main/api/envelope';
import { IPC_PREFIX, MENU_CHANNEL, MENU_COMMANDS, type DesktopBridge, type MenuCommand } from './desktop-bridge';

// The API object is generated from the method-name list shared with main; the payload is parsed again in main.
const bridge = {
  api: makeClient((method, input) => ipcRenderer.invoke(`${IPC_PREFIX}${method}`, input) as Promise<Envelope<unknown>>),
  pathForFile: (file: File) => webUtils.getPathForFile(file),
  onMenuCommand(listener: (command: MenuCommand) => void) {
    const handler = (_e: unknown, command: unknown) => {
      if (typeof command === 'string' && (MENU_COMMANDS as readonly string[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(MENU_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, handler);
    };
  },
} satisfies DesktopBridge;

contextBridge.exposeInMainWorld('genlogDesktop', bridge);
