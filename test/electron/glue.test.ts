import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { registerApiIpc } from '../../main/electron/ipc';
import { makeSenderCheck, isOwnPage } from '../../main/electron/trusted-sender';
import { menuTemplate } from '../../main/electron/menu';
import { restoreState, DEFAULT_STATE } from '../../main/electron/window-state';
import { methodTable } from '../../main/api/table';
import { METHOD_NAMES } from '../../main/api/method-names';
import { testContext } from '../support/context';

// The Electron binary cannot run here; these tests drive the same glue code with stand-ins for ipcMain and events.
const ownUrl = 'file:///opt/genlog/dist/renderer/index.html';

function fakeIpc() {
  const handlers = new Map<string, (e: IpcMainInvokeEvent, p: unknown) => unknown>();
  return { handlers, handle: (c: string, l: (e: IpcMainInvokeEvent, p: unknown) => unknown) => handlers.set(c, l) };
}

describe('Electron IPC glue', () => {
  const contents = {} as WebContents;
  const event = (url: string, sender = contents) => ({ sender, senderFrame: { url } }) as unknown as IpcMainInvokeEvent;

  it('registers one channel per API method, generated from the table', () => {
    const ipc = fakeIpc();
    registerApiIpc(ipc, methodTable, testContext(), () => true);
    expect([...ipc.handlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `genlog:${m}`).sort());
  });

  it('answers our own page and refuses any other sender or frame before parsing the payload', async () => {
    const ipc = fakeIpc();
    registerApiIpc(ipc, methodTable, testContext(), makeSenderCheck(() => contents, ownUrl));
    const call = ipc.handlers.get('genlog:listProductions')!;
    expect(await call(event(`${ownUrl}#/log`), {})).toEqual({ ok: true, value: [] });
    for (const bad of [event('https://evil.example/'), event('file:///tmp/other.html'), event(ownUrl, {} as WebContents)]) {
      expect(await call(bad, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(isOwnPage('not a url', ownUrl)).toBe(false);
  });

  it('parses payloads in main: bad input is an error envelope', async () => {
    const ipc = fakeIpc();
    registerApiIpc(ipc, methodTable, testContext(), () => true);
    expect(await ipc.handlers.get('genlog:addTool')!(event(ownUrl), { name: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('application menu', () => {
  it('offers the usual shortcuts and sends GenLog commands to the page', () => {
    const sent: string[] = [];
    const template = menuTemplate('linux', { send: (c) => sent.push(c), openDataFolder: () => {}, about: () => {} }, false);
    const items = template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    const accel = Object.fromEntries(items.filter((i) => i.accelerator).map((i) => [i.label, i.accelerator]));
    expect(accel).toMatchObject({ 'Log Files…': 'CmdOrCtrl+O', Find: 'CmdOrCtrl+F', Settings: 'CmdOrCtrl+,', 'Re-tag…': 'CmdOrCtrl+T' });
    items.find((i) => i.label === 'Find')!.click!({} as never, undefined, {} as never);
    expect(sent).toEqual(['focus-search']);
    expect(JSON.stringify(template)).not.toMatch(/toggleDevTools/);
  });
});

describe('window state', () => {
  const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }];
  it('restores remembered bounds that are still on a display', () => {
    expect(restoreState({ x: 100, y: 50, width: 1200, height: 800, maximized: true }, displays)).toEqual({ x: 100, y: 50, width: 1200, height: 800, maximized: true });
  });
  it('drops positions on an unplugged monitor and nonsense sizes', () => {
    expect(restoreState({ x: 4000, y: 50, width: 1200, height: 800 }, displays)).toEqual({ width: 1200, height: 800, maximized: false });
    expect(restoreState({ width: 10, height: 'x' }, displays)).toBe(DEFAULT_STATE);
    expect(restoreState(null, displays)).toBe(DEFAULT_STATE);
  });
});
