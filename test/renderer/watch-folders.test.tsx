// @vitest-environment jsdom
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { GenlogClient } from '../../main/api/table';
import type { ApiContext } from '../../main/api/context';
import { ok } from '../support/context';
import { renderApp } from './support/app';
import { folderWorld } from './support/inbox-world';
import { WATCH_FOLDERS_RELOAD_MS } from '../../renderer/ingest/WatchFoldersPage';

const user = userEvent.setup({ delay: null });
const nav = (name: RegExp) => user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name }));

describe('watch folders screen', () => {
  let ctx: ApiContext;
  let api: GenlogClient;
  let renders: string;
  beforeEach(async () => {
    ({ ctx, api, folder: renders } = await folderWorld('renders'));
  });
  afterEach(() => {
    cleanup();
    ctx.db.close();
  });

  it('adds a folder (with validation messages), scans it now, pauses, resumes, and removes it keeping the inbox history', async () => {
    const app = renderApp(api);
    await nav(/^Watch folders/);
    const form = await screen.findByRole('form', { name: 'Add a watch folder' });
    await screen.findByText(/No watch folders yet/);

    // Nothing typed: told what is missing, nothing sent.
    await user.click(within(form).getByRole('button', { name: 'Watch folder' }));
    expect(within(form).getByLabelText('Folder path').getAttribute('aria-invalid')).toBe('true');
    within(form).getByText(/Type the folder's full path/);

    // A folder that does not exist: the API's reason shows under the path field.
    await user.type(within(form).getByLabelText('Folder path'), join(renders, 'nope'));
    await user.click(within(form).getByRole('button', { name: 'Watch folder' }));
    await within(form).findByText(/does not exist/, { selector: '.field-error' });
    // The notice says it once, without the path twice.
    await within(screen.getByLabelText('Notifications')).findByText(`Could not watch ${join(renders, 'nope')}: it does not exist.`);

    await user.clear(within(form).getByLabelText('Folder path'));
    await user.type(within(form).getByLabelText('Folder path'), renders);
    await user.selectOptions(within(form).getByLabelText('Tool (optional)'), 'Firefly');
    await user.selectOptions(within(form).getByLabelText('Classification'), 'deliverable');
    await user.type(within(form).getByLabelText('Include only'), '*.exr,\n*.png');
    await user.type(within(form).getByLabelText('Exclude'), 'cache/**');
    await user.click(within(form).getByLabelText('Include subfolders'));
    await user.click(within(form).getByRole('button', { name: 'Watch folder' }));

    const table = await screen.findByRole('table', { name: 'Watch folders' });
    const row = within(table).getByRole('row', { name: new RegExp(renders.replace(/[/\\.]/g, '.')) });
    expect(row.textContent).toContain('SHOW1');
    expect(row.textContent).toContain('tool Firefly');
    expect(row.textContent).toContain('include *.exr, *.png');
    expect(row.textContent).toContain('exclude cache/**');
    expect(row.textContent).toContain('subfolders no');
    expect(row.textContent).toContain('Enabled');
    expect(row.textContent).toContain('never');
    const [saved] = ok(await api.listWatchFolders({}));
    expect(saved).toMatchObject({ path: renders, production: 'SHOW1', tool: 'Firefly', artist: 'Ana Ortiz', classification: 'deliverable', include: ['*.exr', '*.png'], exclude: ['cache/**'], recursive: false });
    // The form is ready for the next folder.
    expect(within(form).getByLabelText<HTMLInputElement>('Folder path').value).toBe('');

    // Two files that belong, one that does not, one already logged.
    writeFileSync(join(renders, 'matte_v001.exr'), randomBytes(3000));
    writeFileSync(join(renders, 'matte_v002.png'), randomBytes(2000));
    writeFileSync(join(renders, 'notes.txt'), 'not a render');
    const logged = join(renders, 'plate_v003.exr');
    writeFileSync(logged, randomBytes(1000));
    ok(await api.logAssets({ files: [{ path: logged }], production: 'SHOW1', tool: 'Firefly', by: 'Ana Ortiz' }));

    const scanNow = within(row).getByRole('button', { name: `Scan ${renders} now` });
    await user.click(scanNow);
    const report = await screen.findByRole('region', { name: 'Scan result' });
    await within(report).findByText(/3 files found · 3 new or changed · 2 new drafts · 1 already logged/);
    // The button kept the keyboard while it said "Scanning…" (a disabled button would have dropped it to the page).
    expect(document.activeElement).toBe(scanNow);
    await within(screen.getByLabelText('Notifications')).findByText('2 new items in the New files inbox (1 already in the log not drafted).');
    await waitFor(() => expect(within(row).getAllByRole('cell')[6]!.textContent).toContain('2'));
    expect(row.textContent).not.toContain('never');
    expect(ok(await api.listInbox({})).rows.map((d) => d.fileName).sort()).toEqual(['matte_v001.exr', 'matte_v002.png']);
    // The nav badge counts the pending drafts.
    await waitFor(() => expect(screen.getByRole('button', { name: /^New files inbox/ }).textContent).toContain('2'));
    // A draft dismissed elsewhere: when the badge next refreshes, the folder's count follows it.
    ok(await api.dismissInbox({ id: ok(await api.listInbox({})).rows[0]!.id }));
    await app.stores.drafts.getState().refreshPending();
    await waitFor(() => expect(within(row).getAllByRole('cell')[6]!.textContent).toBe('1'));

    await user.click(within(row).getByRole('button', { name: `Pause watching ${renders}` }));
    await within(row).findByText('Paused');
    expect(ok(await api.listWatchFolders({}))[0]?.enabled).toBe(false);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Scan all now' }).disabled).toBe(true);
    await user.click(within(row).getByRole('button', { name: `Resume watching ${renders}` }));
    await within(row).findByText('Enabled');

    await user.click(within(row).getByRole('button', { name: `Remove watch folder ${renders}` }));
    const dialog = await screen.findByRole('dialog', { name: 'Stop watching this folder?' });
    expect(dialog.textContent).toMatch(/inbox history is kept/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(ok(await api.listWatchFolders({}))).toHaveLength(1);
    await user.click(within(row).getByRole('button', { name: `Remove watch folder ${renders}` }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Remove watch folder' }));
    await screen.findByText(/No watch folders yet/);
    // Its row is gone: the keyboard goes to the add form's path, not to the page.
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByLabelText('Folder path')));
    expect(ok(await api.listWatchFolders({}))).toEqual([]);
    expect(ok(await api.listInbox({ status: 'all' })).total).toBe(2);
  });

  it('after removing a folder the keyboard is on the next folder\'s Scan now, so more presses of Enter remove nothing else', async () => {
    const other = join(renders, '..', 'renders-b');
    mkdirSync(other, { recursive: true });
    ok(await api.addWatchFolder({ path: renders, production: 'SHOW1' }));
    ok(await api.addWatchFolder({ path: other, production: 'SHOW1' }));
    renderApp(api);
    await nav(/^Watch folders/);
    const table = await screen.findByRole('table', { name: 'Watch folders' });
    await user.click(await within(table).findByRole('button', { name: `Remove watch folder ${renders}` }));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(within(table).getByRole('button', { name: `Scan ${other} now` })));
    expect(ok(await api.listWatchFolders({})).map((w) => w.path)).toEqual([other]);
  });

  it('"Scan all now" with a folder moved away says so in its row and in an error notice, never "No new files found"', async () => {
    const moved = join(ctx.dataDir, 'moved');
    mkdirSync(moved);
    ok(await api.addWatchFolder({ path: renders, production: 'SHOW1' }));
    ok(await api.addWatchFolder({ path: moved, production: 'SHOW1' }));
    rmSync(moved, { recursive: true });
    const { stores } = renderApp(api);
    await nav(/^Watch folders/);
    await user.click(await screen.findByRole('button', { name: 'Scan all now' }));
    const notices = screen.getByLabelText('Notifications');
    await within(notices).findByText(`Could not scan 1 watch folder: ${moved} (it does not exist). No new files found in the others.`);
    const row = within(screen.getByRole('table', { name: 'Watch folders' })).getByRole('row', { name: /moved/ });
    await waitFor(() => expect(row.textContent).toMatch(/Folder missing/));
    expect(row.textContent).toMatch(/failed: it does not exist/);
    const fine = within(screen.getByRole('table', { name: 'Watch folders' })).getByRole('row', { name: /renders/ });
    expect(fine.textContent).not.toMatch(/Scan failed|Folder missing/);
    // Back, and scanned by the watcher's catch-up (not this window) on a machine whose clock is an hour behind this
    // one (a render node): the row no longer says it failed.
    ctx.now = () => new Date(Date.now() - 3_600_000);
    mkdirSync(moved);
    const id = ok(await api.listWatchFolders({})).find((w) => w.path === moved)!.id;
    ok(await api.scanWatchFolders({ id }));
    await stores.watchFolders.getState().load();
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Watch folders' })).getByRole('row', { name: /moved/ }).textContent).not.toMatch(/Scan failed|Folder missing/));
  });

  it('a watched folder moved away says so whenever the page is opened, without a scan, until it is back', async () => {
    const moved = join(ctx.dataDir, 'away');
    mkdirSync(moved);
    ok(await api.addWatchFolder({ path: moved, production: 'SHOW1' }));
    rmSync(moved, { recursive: true });
    renderApp(api);
    await nav(/^Watch folders/);
    const row = () => within(screen.getByRole('table', { name: 'Watch folders' })).getByRole('row', { name: /away/ });
    await waitFor(() => expect(row().textContent).toMatch(/Folder missing/));
    expect(ok(await api.listWatchFolders({}))).toMatchObject([{ path: moved, missing: true }]);
    mkdirSync(moved);
    expect(ok(await api.listWatchFolders({}))).toMatchObject([{ path: moved, missing: false }]);
  });

  it('a folder moved away while the page is open is marked missing within seconds, and unmarked once it is back', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const moved = join(ctx.dataDir, 'away');
      mkdirSync(moved);
      ok(await api.addWatchFolder({ path: moved, production: 'SHOW1' }));
      renderApp(api);
      await nav(/^Watch folders/);
      const row = () => within(screen.getByRole('table', { name: 'Watch folders' })).getByRole('row', { name: /away/ });
      await waitFor(() => expect(row().textContent).toMatch(/Enabled/i));
      rmSync(moved, { recursive: true });
      await vi.advanceTimersByTimeAsync(WATCH_FOLDERS_RELOAD_MS + 100);
      await waitFor(() => expect(row().textContent).toMatch(/Folder missing/));
      mkdirSync(moved);
      await vi.advanceTimersByTimeAsync(WATCH_FOLDERS_RELOAD_MS + 100);
      await waitFor(() => expect(row().textContent).not.toMatch(/Folder missing/));
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a folder inside one already watched, with the reason under the path', async () => {
    ok(await api.addWatchFolder({ path: renders, production: 'SHOW1' }));
    mkdirSync(join(renders, 'sub'));
    renderApp(api);
    await nav(/^Watch folders/);
    const form = await screen.findByRole('form', { name: 'Add a watch folder' });
    await user.type(within(form).getByLabelText('Folder path'), join(renders, 'sub'));
    await user.selectOptions(within(form).getByLabelText('Production'), 'SHOW1');
    await user.click(within(form).getByRole('button', { name: 'Watch folder' }));
    await within(form).findByText(/already watched by watch folder/, { selector: '.field-error' });
    expect(ok(await api.listWatchFolders({}))).toHaveLength(1);
    // Editing the path makes the error about the old one stale.
    await user.type(within(form).getByLabelText('Folder path'), '/x');
    expect(within(form).queryByText(/already watched by watch folder/)).toBeNull();
  });

  it('drops an error the folder list has answered: "already watched" once that folder is removed', async () => {
    const w = ok(await api.addWatchFolder({ path: renders, production: 'SHOW1' }));
    renderApp(api);
    await nav(/^Watch folders/);
    const form = await screen.findByRole('form', { name: 'Add a watch folder' });
    await user.type(within(form).getByLabelText('Folder path'), renders);
    await user.selectOptions(within(form).getByLabelText('Production'), 'SHOW1');
    await user.click(within(form).getByRole('button', { name: 'Watch folder' }));
    await within(form).findByText(/already a watch folder|already watched/, { selector: '.field-error' });
    await user.click(screen.getByRole('button', { name: `Remove watch folder ${renders}` }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: /^Remove/ }));
    await waitFor(() => expect(within(form).queryByText(/already a watch folder|already watched/)).toBeNull());
    expect(ok(await api.listWatchFolders({})).map((f) => f.id)).not.toContain(w.id);
  });

  it('a form opened before the productions and settings arrive takes the only production and the artist when they do', async () => {
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => { release = resolve; });
    const held: GenlogClient = { ...api,
      listProductions: async (i) => { await arrived; return api.listProductions(i); },
      getSettings: async (i) => { await arrived; return api.getSettings(i); },
    };
    renderApp(held);
    await nav(/^Watch folders/);
    const form = await screen.findByRole('form', { name: 'Add a watch folder' });
    expect(within(form).getByLabelText<HTMLSelectElement>('Production').value).toBe('');
    await user.type(within(form).getByLabelText('Folder path'), renders);

    release();
    await waitFor(() => expect(within(form).getByLabelText<HTMLSelectElement>('Production').value).toBe('SHOW1'));
    expect(within(form).getByLabelText<HTMLInputElement>('Artist (optional)').value).toBe('Ana Ortiz');
    expect(within(form).getByLabelText<HTMLInputElement>('Folder path').value).toBe(renders);
  });
});
