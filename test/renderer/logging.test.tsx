// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { rmSync } from 'node:fs';


import { loadedRows, ok, renderApp, useRealApiInFolder } from './support/app';
import { diskFiles } from './support/disk-files';

// No artificial delay between keystrokes: the tests wait for what the UI does, not for typing speed.
const user = userEvent.setup({ delay: null });

/**
 * Logging as in the desktop app: real files on disk, each File mapped to its path (what Electron's
 * webUtils.getPathForFile does), hashed by the real API.
 */
describe('logging files from the picker and by drag and drop', () => {
  const env = useRealApiInFolder('genlog-renderer-', async (api) => {
    ok(await api.addProduction({ code: 'SHOW1', title: 'The Lighthouse', contactEmail: 'amy@netflix.com', episodes: ['E101', 'E102'] }));
    ok(await api.addTool({ name: 'Firefly', hosting: 'enterprise-cloud', enterprise: 'yes' }));
    ok(await api.setSettings({ artistName: 'Ana Ortiz' }));
  });
  const disk = diskFiles(() => env.dir);
  const { paths } = disk;
  const diskFile = disk.file;


  const stager = () => disk.stager();

  it('logs picked files as temporary with the form values, and reports a re-logged file as a duplicate', async () => {
    renderApp(env.real.api, stager());
    await screen.findByText('0 assets');
    const input = screen.getByTestId('file-input');
    const plate = diskFile('harbour_plate_v001.png', 'pixels-1');
    await user.upload(input, [plate, diskFile('crowd_v003.mov', 'frames-2')]);

    const dialog = await screen.findByRole('dialog', { name: 'Log 2 files' });
    await waitFor(() => expect(within(dialog).getByRole<HTMLSelectElement>('combobox', { name: 'Production' }).value).toBe('SHOW1'));
    expect(within(dialog).getByRole<HTMLSelectElement>('combobox', { name: 'AI tool' }).value).toBe('Firefly');
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Artist' }).value).toBe('Ana Ortiz');
    expect(within(dialog).getByRole<HTMLInputElement>('radio', { name: /temporary/ }).checked).toBe(true);
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Episode / reel' }), 'E102');
    await user.type(within(dialog).getByRole('textbox', { name: 'Prompt' }), 'dragon over the harbour');
    await user.click(within(dialog).getByRole('button', { name: 'Log 2 files' }));

    const done = await screen.findByRole('dialog', { name: 'Logged 2 new assets' });
    expect(within(done).getAllByText('new')).toHaveLength(2);
    await user.click(within(done).getByRole('button', { name: 'Done' }));
    await screen.findByText('2 assets');
    const logged = ok(await env.real.api.listAssets({ sort: 'fileName', direction: 'asc' })).rows;
    expect(logged.map((a) => [a.fileName, a.classification, a.episode, a.tool, a.createdBy, a.prompt, a.path])).toEqual([
      ['crowd_v003.mov', 'temporary', 'E102', 'Firefly', 'Ana Ortiz', 'dragon over the harbour', paths.get([...paths.keys()][1]!)],
      ['harbour_plate_v001.png', 'temporary', 'E102', 'Firefly', 'Ana Ortiz', 'dragon over the harbour', paths.get(plate)],
    ]);

    await user.upload(input, [plate]);
    const again = await screen.findByRole('dialog', { name: 'Log 1 file' });
    await user.click(within(again).getByRole('button', { name: 'Log 1 file' }));
    const result = await screen.findByRole('dialog', { name: 'Nothing new logged' });
    expect(within(result).getByText('already logged')).toBeTruthy();
    expect(within(result).getByText(/already in the log/)).toBeTruthy();
    // Said the same way as the title, and not as a success.
    const said = await within(screen.getByLabelText('Notifications')).findByText('Nothing new logged: the file was already in the log.');
    expect(said.closest('.toast')?.className).toMatch(/toast-info/);
    await user.click(within(result).getByRole('button', { name: 'Done' }));
    expect(ok(await env.real.api.listAssets({})).total).toBe(2);
  });

  it('a dialog opened before the productions, tools and settings arrive takes their defaults when they do', async () => {
    // Files dropped on a window that has just opened: the lists the defaults come from are still on their way.
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => { release = resolve; });
    const api = env.real.api;
    const held = { ...api,
      listProductions: async (i: Parameters<typeof api.listProductions>[0]) => { await arrived; return api.listProductions(i); },
      listTools: async (i: Parameters<typeof api.listTools>[0]) => { await arrived; return api.listTools(i); },
      getSettings: async (i: Parameters<typeof api.getSettings>[0]) => { await arrived; return api.getSettings(i); },
    };
    renderApp(held, stager());
    await user.upload(screen.getByTestId('file-input'), [diskFile('early_v001.png', 'early')]);
    const dialog = await screen.findByRole('dialog', { name: 'Log 1 file' });
    expect(within(dialog).getByRole<HTMLSelectElement>('combobox', { name: 'Production' }).value).toBe('');
    await user.type(within(dialog).getByRole('textbox', { name: 'Prompt' }), 'typed while loading');

    act(() => release());
    await waitFor(() => expect(within(dialog).getByRole<HTMLSelectElement>('combobox', { name: 'Production' }).value).toBe('SHOW1'));
    expect(within(dialog).getByRole<HTMLSelectElement>('combobox', { name: 'AI tool' }).value).toBe('Firefly');
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Artist' }).value).toBe('Ana Ortiz');
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Prompt' }).value).toBe('typed while loading');
    // The production's episodes are offered once it is known.
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Episode / reel' }), 'E101');
  });

  it('accepts files dropped anywhere on the window and shows the drop overlay while dragging', async () => {
    renderApp(env.real.api, stager());
    const grid = await screen.findByRole('grid', { name: 'Asset log' });
    const file = diskFile('matte_sky_v002.exr', 'sky');
    const dataTransfer = { types: ['Files'], files: [file], items: [], dropEffect: 'none' };
    const dragEvent = (type: string) => Object.assign(new Event(type, { bubbles: true, cancelable: true }), { dataTransfer });

    act(() => void window.dispatchEvent(dragEvent('dragenter')));
    expect(screen.getByText('Drop to log')).toBeTruthy();
    act(() => void window.dispatchEvent(dragEvent('drop')));
    expect(screen.queryByText('Drop to log')).toBeNull();

    const dialog = await screen.findByRole('dialog', { name: 'Log 1 file' });
    expect(within(dialog).getByText('matte_sky_v002.exr')).toBeTruthy();
    await user.click(within(dialog).getByRole('radio', { name: /deliverable/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Log 1 file' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Logged 1 new asset' })).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(loadedRows(grid)).toHaveLength(1));
    expect(within(loadedRows(grid)[0]!).getByText('deliverable')).toBeTruthy();
  });

  it('logs frames dropped one by one as one sequence and says which frames were missing', async () => {
    renderApp(env.real.api, stager());
    await screen.findByText('0 assets');
    const frames = [1001, 1002, 1004, 1005].map((n) => diskFile(`sh010_comp_v002.${n}.png`, `frame ${n}`));
    await user.upload(screen.getByTestId('file-input'), frames);
    const dialog = await screen.findByRole('dialog', { name: 'Log 4 files' });
    await user.click(within(dialog).getByRole('button', { name: 'Log 4 files' }));
    const done = await screen.findByRole('dialog', { name: 'Logged 1 new asset' });
    expect(within(done).getByText('frames 1001–1005')).toBeTruthy();
    const missing = within(done).getByRole('region', { name: 'Sequences with missing frames' });
    expect(missing.textContent).toMatch(/sh010_comp_v002\.####\.png/);
    expect(missing.textContent).toMatch(/no frame 1003; logged with the frames present/);
    await user.click(within(done).getByRole('button', { name: 'Done' }));
    expect(ok(await env.real.api.listAssets({})).rows.map((a) => a.frameRange)).toEqual([{ first: 1001, last: 1005 }]);
  });

  it('names the problem when a file cannot be read, and logs nothing', async () => {
    renderApp(env.real.api, stager());
    await screen.findByText('0 assets');
    const good = diskFile('good.png', 'ok');
    const gone = diskFile('gone.png', 'soon deleted');
    rmSync(paths.get(gone)!);
    await user.upload(screen.getByTestId('file-input'), [good, gone]);
    const dialog = await screen.findByRole('dialog', { name: 'Log 2 files' });
    await user.click(within(dialog).getByRole('button', { name: 'Log 2 files' }));
    const toast = await screen.findByText(/Could not log 2 files/);
    expect(toast.textContent).toMatch(/gone\.png/);
    expect(screen.getByRole('dialog', { name: 'Log 2 files' })).toBeTruthy();
    expect(ok(await env.real.api.listAssets({})).total).toBe(0);
  });
});
