// @vitest-environment jsdom
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { GenlogClient } from '../../main/api/table';
import type { ApiContext } from '../../main/api/context';
import { ok } from '../support/context';
import { renderApp, useRealApiInFolder } from './support/app';
import { folderWorld } from './support/inbox-world';
import { diskFiles } from './support/disk-files';

// The disk refuses files named refused.* (see refused-files.ts).
vi.mock('../../main/ingest/hash-pool', async (original) => (await import('./support/refused-files')).refusingHashPools(await original()));

const user = userEvent.setup({ delay: null });
const nav = (name: RegExp) => user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name }));
const LONG = 'very_long_directory_name_for_testing_the_result_dialog_layout_overflow';

/**
 * A path shown by PathName: the name its own element with the whole name, the folder before it a separate element
 * (the part that gives way), the whole path in the title. jsdom has no layout: the structure is what is checked.
 */
function shownPath(row: HTMLElement): { folder: string | null; name: string; title: string | null } {
  const path = row.querySelector<HTMLElement>('.path-name');
  const leaf = path?.querySelector<HTMLElement>('.path-leaf');
  if (!path || !leaf) throw new Error(`no path name in "${row.textContent}"`);
  const folder = path.querySelector<HTMLElement>('.path-folder');
  expect(folder?.contains(leaf) ?? false).toBe(false);
  return { folder: folder?.textContent ?? null, name: leaf.textContent ?? '', title: path.getAttribute('title') };
}

const rows = (list: HTMLElement) => within(list).getAllByRole('listitem');

describe('folder ingest result rows', () => {
  let ctx: ApiContext;
  let api: GenlogClient;
  let folder: string;
  beforeEach(async () => {
    ({ ctx, api, folder } = await folderWorld('delivery', LONG));
  });
  afterEach(() => {
    cleanup();
    ctx.db.close();
    vi.restoreAllMocks();
  });

  async function logFolder(path: string, title: RegExp | string, tool = 'Firefly') {
    await user.click(await screen.findByRole('button', { name: 'Log a folder…' }));
    const form = await screen.findByRole('dialog', { name: 'Log a folder' });
    const field = within(form).getByLabelText<HTMLInputElement>('Folder path');
    await user.clear(field);
    await user.type(field, path);
    await user.selectOptions(within(form).getByLabelText('Tool'), tool);
    await user.click(within(form).getByRole('button', { name: 'Log folder' }));
    return screen.findByRole('dialog', { name: title }, { timeout: 10_000 });
  }

  it('shows each file name whole, apart from its folder, in the Not logged, Missing frames and Logged assets lists', async () => {
    const deep = join(folder, LONG);
    writeFileSync(join(deep, 'refused.first_take_of_the_plate.dat'), randomBytes(300));
    writeFileSync(join(deep, 'refused.second_take_of_the_plate.dat'), randomBytes(301));
    for (const f of [1001, 1002, 1003, 1005]) writeFileSync(join(deep, `shot_v001.${f}.exr`), randomBytes(500 + f));
    writeFileSync(join(deep, 'plate.dat'), randomBytes(900));
    renderApp(api);
    const dialog = await logFolder(folder, 'Logged 2 new assets');

    const skipped = within(dialog).getByRole('region', { name: 'Skipped files' });
    expect(rows(skipped).map(shownPath)).toEqual(['refused.first_take_of_the_plate.dat', 'refused.second_take_of_the_plate.dat']
      .map((name) => ({ folder: deep + sep, name, title: join(deep, name) })));
    for (const li of rows(skipped)) expect(li.querySelector('.result-reason')?.textContent).toMatch(/cannot be read: permission denied/);
    // The reason is its own element, beside or below the path, never inside it.
    for (const li of rows(skipped)) expect(li.querySelector('.path-name')?.contains(li.querySelector('.result-reason'))).toBe(false);

    const gaps = within(dialog).getByRole('region', { name: 'Sequences with missing frames' });
    expect(rows(gaps).map(shownPath)).toEqual([{ folder: deep + sep, name: 'shot_v001.####.exr', title: join(deep, 'shot_v001.####.exr') }]);

    const logged = within(dialog).getByRole('list', { name: 'Logged assets' });
    expect(rows(logged).map(shownPath).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { folder: deep + sep, name: 'plate.dat', title: join(deep, 'plate.dat') },
      { folder: deep + sep, name: 'shot_v001.####.exr', title: join(deep, 'shot_v001.####.exr') },
    ]);
  });

  it('shows a watch folder\'s own name whole, apart from the folders above it', async () => {
    const deep = join(folder, LONG, 'renders_for_episode_102');
    mkdirSync(deep);
    ok(await api.addWatchFolder({ path: deep, production: 'SHOW1' }));
    renderApp(api);
    await nav(/^Watch folders/);
    const table = await screen.findByRole('table', { name: 'Watch folders' });
    const row = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(shownPath(row)).toEqual({ folder: join(folder, LONG) + sep, name: 'renders_for_episode_102', title: deep });
  });

  it('lists files with the content of an asset already logged once, saying how many were found, not once per file', async () => {
    const errors = vi.spyOn(console, 'error');
    const first = join(ctx.dataDir, 'first');
    mkdirSync(first);
    const known = randomBytes(2000);
    writeFileSync(join(first, 'a_big.bin'), known);
    renderApp(api);
    let dialog = await logFolder(first, 'Logged 1 new asset');
    const existing = ok(await api.listAssets({})).rows[0]!;
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));

    // Three copies of what is logged, and three files with the same new content.
    for (const n of [1, 2, 3]) writeFileSync(join(folder, `copy_${n}.bin`), known);
    const fresh = randomBytes(3000);
    for (const n of [1, 2, 3]) writeFileSync(join(folder, `aa_big${n}.bin`), fresh);
    dialog = await logFolder(folder, 'Logged 1 new asset');
    expect(within(dialog).getByRole('list', { name: 'Ingest summary' }).textContent).toMatch(/5 already in the log/);
    const added = ok(await api.listAssets({})).rows.find((a) => a.id !== existing.id)!;

    const texts = rows(within(dialog).getByRole('list', { name: 'Logged assets' })).map((li) => li.textContent?.replace(/\s+/g, ' '));
    expect(texts).toHaveLength(3);
    // Found in this folder, not where the asset was logged from: the row shows the file found and names the asset.
    expect(texts.filter((t) => t?.startsWith(`#${existing.id}`))).toEqual([
      `#${existing.id}${join(folder, 'copy_1.bin')}Fireflyalready logged(same content as #${existing.id} a_big.bin; 3 files found with this content, also copy_2.bin, copy_3.bin)`,
    ]);
    expect(texts.filter((t) => t?.startsWith(`#${added.id}`))).toEqual([
      `#${added.id}${added.path}Fireflynew`,
      `#${added.id}${added.path}Fireflyduplicate(2 more files found with the same content: aa_big2.bin, aa_big3.bin)`,
    ]);
    expect(added.fileName).toBe('aa_big1.bin');
    expect(errors.mock.calls.map((c) => String(c[0])).filter((m) => /same key/.test(m))).toEqual([]);
  });

  it('counts files needing a tool in the summary and lists them under that reason once, 20 shown and the rest counted', async () => {
    for (let n = 10; n < 35; n++) writeFileSync(join(folder, `need_${n}.dat`), randomBytes(100 + n));
    renderApp(api);
    const dialog = await logFolder(folder, 'Nothing new logged', '');
    expect(within(dialog).getByRole('list', { name: 'Ingest summary' }).textContent).toMatch(/25 files or sequences name no listed tool: not logged, listed below/);
    const heading = '25 files or sequences name no listed tool: choose their tool below';
    const group = within(dialog).getByRole('region', { name: heading });
    expect(within(group).getByRole('heading').textContent).toBe(heading);
    // The list under it is a Tab stop of its own, named by the heading: the keyboard scrolls it.
    expect(within(group).getByRole('list', { name: heading }).tabIndex).toBe(0);
    within(dialog).getByLabelText('Tool for the 25 not logged');
    const items = rows(group);
    expect(items.slice(0, 20).map((li) => shownPath(li).name)).toEqual(Array.from({ length: 20 }, (_, i) => `need_${10 + i}.dat`));
    expect(items.slice(20).map((li) => li.textContent)).toEqual(['… and 5 more Show all 25']);
    within(group).getByRole('button', { name: 'Show all 25' }).focus();
    await user.keyboard('{Enter}');
    expect(rows(group).map((li) => shownPath(li).name)).toEqual(Array.from({ length: 25 }, (_, i) => `need_${10 + i}.dat`));
    // The button is gone: the keyboard is in the list it opened, where Esc still reaches the dialog.
    expect(document.activeElement).toBe(within(group).getByRole('list', { name: heading }));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('says, not as a success, that nothing new was logged when every file failed or was already in the log', async () => {
    writeFileSync(join(folder, 'refused.a.dat'), randomBytes(300));
    writeFileSync(join(folder, 'refused.b.dat'), randomBytes(301));
    renderApp(api);
    let dialog = await logFolder(folder, 'Nothing new logged');
    const notices = screen.getByLabelText('Notifications');
    const said = await within(notices).findByText('Nothing new was logged from the folder: 2 files could not be read.');
    expect(said.closest('.toast')?.className).toMatch(/toast-info/);
    expect(notices.querySelector('.toast-success')).toBeNull();
    expect(notices.textContent).not.toMatch(/Logged 0 new assets/);
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));

    const other = join(ctx.dataDir, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'x.dat'), randomBytes(100));
    writeFileSync(join(other, 'y.dat'), randomBytes(101));
    dialog = await logFolder(other, 'Logged 2 new assets');
    await within(notices).findByText('Logged 2 new assets from the folder.', { selector: '.toast-success *' });
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await logFolder(other, 'Nothing new logged');
    const again = await within(notices).findByText('Nothing new was logged from the folder: all 2 were already in the log.');
    expect(again.closest('.toast')?.className).toMatch(/toast-info/);
  });
});

describe('the log dialog\'s result (desktop, path mode)', () => {
  const env = useRealApiInFolder('genlog-result-rows-', async (api) => {
    ok(await api.addProduction({ code: 'SHOW1', title: 'The Lighthouse', contactEmail: 'amy@netflix.com' }));
    ok(await api.addTool({ name: 'Firefly', hosting: 'enterprise-cloud', enterprise: 'yes' }));
    ok(await api.setSettings({ artistName: 'Ana Ortiz' }));
  });
  const disk = diskFiles(() => env.dir);
  afterEach(() => vi.restoreAllMocks());

  it('shows each logged file name whole, apart from its folder, and a row per dropped file even with the same content', async () => {
    const errors = vi.spyOn(console, 'error');
    renderApp(env.real.api, disk.stager());
    await screen.findByText('0 assets');
    const name = 'plate_for_the_lighthouse_episode_102_final_comp.dat';
    await user.upload(screen.getByTestId('file-input'), [disk.file(name, 'pixels'), disk.file('same_pixels.dat', 'pixels')]);
    const dialog = await screen.findByRole('dialog', { name: 'Log 2 files' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'AI tool' }), 'Firefly');
    await user.click(within(dialog).getByRole('button', { name: 'Log 2 files' }));
    const result = await screen.findByRole('dialog', { name: 'Logged 1 new asset' });
    const shown = rows(within(result).getByRole('list', { name: 'Logged files' })).map(shownPath);
    expect(shown).toHaveLength(2);
    expect(shown[0]).toEqual({ folder: env.dir + sep, name, title: join(env.dir, name) });
    expect(errors.mock.calls.map((c) => String(c[0])).filter((m) => /same key/.test(m))).toEqual([]);
  });
});
