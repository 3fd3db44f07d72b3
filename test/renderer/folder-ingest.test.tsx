// @vitest-environment jsdom
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { GenlogClient } from '../../main/api/table';
import type { ApiContext } from '../../main/api/context';
import { ok } from '../support/context';
import { readFileSync } from 'node:fs';
import { sparseFile, titanPath, truncatedPng } from '../ingest-api/fixtures';
import { renderApp } from './support/app';
import { folderWorld } from './support/inbox-world';

// The disk refuses files named refused.* (see refused-files.ts).
vi.mock('../../main/ingest/hash-pool', async (original) => (await import('./support/refused-files')).refusingHashPools(await original()));

const user = userEvent.setup({ delay: null });

/** Opens the app's log, and logs `folder` through *Log a folder…* with Firefly as the tool. */
async function logFolderFromTheLog(api: GenlogClient, folder: string): Promise<void> {
  renderApp(api);
  await user.click(await screen.findByRole('button', { name: 'Log a folder…' }));
  const form = await screen.findByRole('dialog', { name: 'Log a folder' });
  await user.type(within(form).getByLabelText('Folder path'), folder);
  await user.selectOptions(within(form).getByLabelText('Tool'), 'Firefly');
  await user.click(within(form).getByRole('button', { name: 'Log folder' }));
}
const nav = (name: RegExp) => user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name }));

describe('Log a folder…', () => {
  let ctx: ApiContext;
  let api: GenlogClient;
  let folder: string;
  beforeEach(async () => {
    ({ ctx, api, folder } = await folderWorld('delivery', 'sub'));
  });
  afterEach(() => {
    cleanup();
    ctx.db.close();
  });

  it('logging a watched folder whose drafts wait says they were confirmed, and the New files badge goes', async () => {
    writeFileSync(join(folder, 'hero.dat'), randomBytes(500));
    writeFileSync(join(folder, 'sub', 'other.dat'), randomBytes(600));
    ok(await api.addWatchFolder({ path: folder, production: 'SHOW1', tool: 'Firefly' }));
    ok(await api.scanWatchFolders({}));
    await logFolderFromTheLog(api, folder);
    await screen.findByLabelText('2 new files waiting');
    const dialog = await screen.findByRole('dialog', { name: 'Logged 2 new assets' }, { timeout: 10_000 });
    expect(within(dialog).getByRole('list', { name: 'Ingest summary' }).textContent)
      .toMatch(/2 drafts of these files waiting in the New files inbox confirmed as the assets logged/);
    await waitFor(() => expect(screen.queryByLabelText(/new files waiting/)).toBeNull());
  });

  it('lists frames numbered twice with other padding in the result, both logged', async () => {
    for (let f = 1001; f <= 1003; f++) writeFileSync(join(folder, `plate.${f}.exr`), randomBytes(300 + f));
    writeFileSync(join(folder, 'plate.01003.exr'), randomBytes(90));
    await logFolderFromTheLog(api, folder);
    const dialog = await screen.findByRole('dialog', { name: 'Logged 2 new assets' }, { timeout: 10_000 });
    const twice = within(dialog).getByRole('region', { name: 'Frames numbered twice' });
    expect(twice.textContent).toMatch(/plate\.####\.exr.*plate\.01003\.exr.*both hold frame 1003, numbered differently; kept apart: two renders, or one written twice\?/);
  });

  it('from the asset log: logs a folder with an image sequence as one asset, shows the frame range and what was skipped', async () => {
    for (let f = 1001; f <= 1011; f++) if (f !== 1004) writeFileSync(join(folder, `shot_v001.${f}.exr`), randomBytes(700 + f));
    writeFileSync(join(folder, 'sub', 'still_a.dat'), randomBytes(4000));
    writeFileSync(join(folder, 'readme.txt'), 'not an asset');
    renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Log a folder…' }));
    let dialog = await screen.findByRole('dialog', { name: 'Log a folder' });
    await user.click(within(dialog).getByRole('button', { name: 'Log folder' }));
    within(dialog).getByText(/Type the folder's full path/);

    await user.type(within(dialog).getByLabelText('Folder path'), folder);
    await user.type(within(dialog).getByLabelText('Exclude'), '*.txt');
    await user.selectOptions(within(dialog).getByLabelText('Tool'), 'Firefly');
    await user.selectOptions(within(dialog).getByLabelText('Episode / reel'), 'E102');
    await user.click(within(dialog).getByRole('button', { name: 'Log folder' }));

    dialog = await screen.findByRole('dialog', { name: 'Logged 2 new assets' }, { timeout: 10_000 });
    const summary = within(dialog).getByRole('list', { name: 'Ingest summary' });
    expect(summary.textContent).toMatch(/2 new assets logged/);
    expect(summary.textContent).toMatch(/0 already in the log/);
    expect(summary.textContent).toMatch(/1 image sequence found/);
    expect(summary.textContent).toMatch(/11 of 11 files read/);
    expect(summary.textContent).not.toMatch(/not read again/);
    const logged = within(dialog).getByRole('list', { name: 'Logged assets' });
    expect(within(logged).getByText(/shot_v001/).closest('li')?.textContent).toMatch(/frames 1001–1011/);
    const gaps = within(dialog).getByRole('region', { name: 'Sequences with missing frames' });
    expect(gaps.textContent).toMatch(/shot_v001\.####\.exr.*no frame 1004; logged with the frames present/);
    const assets = ok(await api.listAssets({})).rows;
    expect(assets.map((a) => [a.fileName, a.tool, a.episode, a.createdBy]).sort()).toEqual([['shot_v001.####.exr', 'Firefly', 'E102', 'Ana Ortiz'], ['still_a.dat', 'Firefly', 'E102', 'Ana Ortiz']]);
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(screen.getByTestId('asset-total').textContent).toMatch(/2 assets/));

    // The same folder again, without a tool: content already logged is reported as duplicates, and a new file
    // naming no listed tool is listed as not logged.
    writeFileSync(join(folder, 'sub', 'still_b.dat'), randomBytes(100));
    await user.click(screen.getByRole('button', { name: 'Log a folder…' }));
    dialog = await screen.findByRole('dialog', { name: 'Log a folder' });
    expect(within(dialog).getByLabelText<HTMLInputElement>('Folder path').value).toBe(folder);
    await user.selectOptions(within(dialog).getByLabelText('Tool'), '');
    await user.click(within(dialog).getByRole('button', { name: 'Log folder' }));
    dialog = await screen.findByRole('dialog', { name: 'Nothing new logged' }, { timeout: 10_000 });
    const again = within(dialog).getByRole('list', { name: 'Ingest summary' }).textContent;
    expect(again).toMatch(/2 already in the log/);
    // Only the new file was read; the 11 hashed the first time were not read again.
    expect(again).toMatch(/1 of 1 file read/);
    expect(again).toMatch(/11 unchanged files not read again/);
    const skipped = within(dialog).getByRole('region', { name: 'Skipped files' });
    expect(skipped.textContent).toMatch(/still_b\.dat.*names no listed tool/);

    // Its tool chosen in the result, the folder is logged again with it: only that file is logged (and read) now.
    const again2 = within(dialog).getByRole('group', { name: 'Log the files that named no tool' });
    await user.click(within(again2).getByRole('button', { name: 'Log it with this tool' }));
    expect(within(again2).getByRole('alert').textContent).toBe('Choose the AI tool these files were made with.');
    // Enter on the picker logs them too (it does not close the result, dropping the choice).
    await user.selectOptions(within(again2).getByLabelText('Tool for the one not logged'), 'Firefly');
    await user.type(within(again2).getByLabelText('Tool for the one not logged'), '{Enter}');
    dialog = await screen.findByRole('dialog', { name: 'Logged 1 new asset' }, { timeout: 10_000 });
    expect(within(dialog).getByRole('list', { name: 'Ingest summary' }).textContent).toMatch(/2 already in the log/);
    expect(within(dialog).queryByRole('group', { name: 'Log the files that named no tool' })).toBeNull();
    const still = ok(await api.listAssets({})).rows.find((a) => a.fileName === 'still_b.dat');
    expect(still).toMatchObject({ tool: 'Firefly', episode: 'E102', createdBy: 'Ana Ortiz' });
    // That tool was for those files only: the form still takes each file's tool from the file.
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await user.click(screen.getByRole('button', { name: 'Log a folder…' }));
    dialog = await screen.findByRole('dialog', { name: 'Log a folder' });
    expect(within(dialog).getByLabelText<HTMLSelectElement>('Tool').value).toBe('');
  });

  it('late frames repeating a logged sequence (a loop render) are shown as the frames found, with the asset holding that content', async () => {
    const frames = [1, 2, 3].map(() => randomBytes(900));
    frames.forEach((bytes, i) => writeFileSync(join(folder, `loop.${1001 + i}.exr`), bytes));
    await logFolderFromTheLog(api, folder);
    let dialog = await screen.findByRole('dialog', { name: 'Logged 1 new asset' }, { timeout: 10_000 });
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    frames.forEach((bytes, i) => writeFileSync(join(folder, `loop.${1004 + i}.exr`), bytes));
    await user.click(screen.getByRole('button', { name: 'Log a folder…' }));
    const form = await screen.findByRole('dialog', { name: 'Log a folder' });
    await user.click(within(form).getByRole('button', { name: 'Log folder' }));
    dialog = await screen.findByRole('dialog', { name: 'Nothing new logged' }, { timeout: 10_000 });
    const rows = within(within(dialog).getByRole('list', { name: 'Logged assets' })).getAllByRole('listitem');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.textContent).toMatch(/loop\.####\.exr.*frames 1004–1006/);
    expect(rows[0]?.textContent).toMatch(/same content as #\d+ loop\.####\.exr frames 1001–1003/);
  });

  it('names a file the disk would not give and says it was not read; the rest is logged', async () => {
    writeFileSync(join(folder, 'plate.dat'), randomBytes(500));
    writeFileSync(join(folder, 'refused.dat'), randomBytes(300));
    await logFolderFromTheLog(api, folder);
    const dialog = await screen.findByRole('dialog', { name: 'Logged 1 new asset' }, { timeout: 10_000 });
    const summary = within(dialog).getByRole('list', { name: 'Ingest summary' }).textContent;
    expect(summary).toMatch(/1 of 2 files read/);
    expect(summary).toMatch(/1 file could not be read: not logged, listed below/);
    const skipped = within(dialog).getByRole('region', { name: 'Skipped files' });
    expect(skipped.textContent).toMatch(/refused\.dat.*cannot be read: permission denied/);
    expect(ok(await api.listAssets({})).rows.map((a) => a.fileName)).toEqual(['plate.dat']);
  });

  it('lists the new assets whose provenance needs a look: a file changed after C2PA signing, one that could not be read', async () => {
    const titan = readFileSync(titanPath());
    titan[titan.length - 100] = (titan[titan.length - 100] as number) ^ 0xff;
    writeFileSync(join(folder, 'tampered.png'), titan);
    writeFileSync(join(folder, 'broken.png'), await truncatedPng());
    writeFileSync(join(folder, 'plate.dat'), randomBytes(500));
    await logFolderFromTheLog(api, folder);
    const dialog = await screen.findByRole('dialog', { name: 'Logged 3 new assets' }, { timeout: 10_000 });
    expect(within(dialog).getByRole('list', { name: 'Ingest summary' }).textContent).toMatch(/2 new assets' provenance needs a look/);
    const alerts = within(dialog).getByRole('region', { name: 'Assets whose provenance needs a look' });
    const rows = within(alerts).getAllByRole('listitem').filter((li) => li.parentElement?.parentElement === alerts);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/broken\.png.*provenance error: /),
      expect.stringMatching(/tampered\.png.*C2PA validation FAILED: .*does not match the hash/),
    ]);
    expect(alerts.textContent).not.toMatch(/plate\.dat/);
  });

  it('a window opened while an ingest runs (a reload) follows it again: progress, Cancel and the result come back', async () => {
    sparseFile(folder, 'huge.mov', 2 * 1024 * 1024 * 1024);
    const { jobId } = ok(await api.startIngest({ paths: [folder], production: 'SHOW1', tool: 'Firefly' }));
    renderApp(api);
    const dialog = await screen.findByRole('dialog', { name: 'Logging a folder' });
    await waitFor(() => expect(dialog.textContent).toMatch(/of 2\.0 GiB/));
    await user.keyboard('{Escape}');
    const ended = await screen.findByRole('dialog', { name: 'Cancelled: 0 assets logged' }, { timeout: 10_000 });
    expect(ok(await api.getIngestJob({ jobId })).state).toBe('cancelled');
    await user.click(within(ended).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('takes a typed episode for a production that lists none', async () => {
    ok(await api.addProduction({ code: 'SHOW2', title: 'Harbour', contactEmail: 'amy@netflix.com' }));
    writeFileSync(join(folder, 'plate.dat'), randomBytes(500));
    renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Log a folder…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Log a folder' });
    await user.type(within(dialog).getByLabelText('Folder path'), folder);
    await user.selectOptions(within(dialog).getByLabelText('Production'), 'SHOW2');
    await user.selectOptions(within(dialog).getByLabelText('Tool'), 'Firefly');
    await user.type(within(dialog).getByRole('textbox', { name: 'Episode / reel' }), 'R7');
    await user.click(within(dialog).getByRole('button', { name: 'Log folder' }));
    await screen.findByRole('dialog', { name: 'Logged 1 new asset' }, { timeout: 10_000 });
    expect(ok(await api.listAssets({})).rows.map((a) => [a.fileName, a.production, a.episode])).toEqual([['plate.dat', 'SHOW2', 'R7']]);
  });

  it('from the Ingest section: Cancel during a long hash drops the unfinished batch and says so; a missing folder is reported', async () => {
    writeFileSync(join(folder, 'small.dat'), randomBytes(1000));
    sparseFile(folder, 'huge.mov', 2 * 1024 * 1024 * 1024);
    renderApp(api);
    await nav(/^Watch folders/);
    await user.click(screen.getByRole('button', { name: 'Log a folder…' }));
    let dialog = await screen.findByRole('dialog', { name: 'Log a folder' });
    await user.type(within(dialog).getByLabelText('Folder path'), folder);
    await user.selectOptions(within(dialog).getByLabelText('Tool'), 'Firefly');
    await user.click(within(dialog).getByRole('button', { name: 'Log folder' }));

    dialog = await screen.findByRole('dialog', { name: 'Logging a folder' });
    expect(dialog.textContent).toMatch(/Cancel keeps the batches already finished in the log and drops the\s+unfinished one/);
    expect(dialog.querySelector('.dialog-hint')?.textContent).toBe('Esc: Cancel');
    await within(dialog).findByText(/of 2 files · .* of 2\.0 GiB · /);
    expect(within(dialog).getByRole('progressbar', { name: 'Folder ingest progress' })).toBeTruthy();
    // The dialog holds the keyboard, not its Cancel button: Enter ("confirms", says the hint) must not stop the work.
    expect(document.activeElement).toBe(dialog);
    await user.keyboard('{Enter}');
    await within(dialog).findByText(/of 2 files · .* of 2\.0 GiB · /);
    expect(screen.queryByRole('dialog', { name: /^Cancelled/ })).toBeNull();
    // Shift+Tab from the dialog stays in it (its Cancel button), not on the page behind.
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Escape}');
    dialog = await screen.findByRole('dialog', { name: 'Cancelled: 0 assets logged' }, { timeout: 10_000 });
    expect(dialog.textContent).toMatch(/Batches finished before the cancel stay logged; the unfinished batch was dropped/);
    expect(dialog.querySelector('.dialog-hint')?.textContent).toBe('Enter or Esc closes');
    // Both files were in the batch that was dropped: the summary says so, and how to finish.
    expect(within(dialog).getByRole('list', { name: 'Ingest summary' }).textContent)
      .toMatch(/2 files not reached: the ingest stopped before\s+their batch was saved\. Log the folder again to finish/);
    expect(ok(await api.listAssets({})).total).toBe(0);
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));

    await user.click(screen.getByRole('button', { name: 'Log a folder…' }));
    dialog = await screen.findByRole('dialog', { name: 'Log a folder' });
    await user.clear(within(dialog).getByLabelText('Folder path'));
    await user.type(within(dialog).getByLabelText('Folder path'), join(folder, 'missing'));
    await user.click(within(dialog).getByRole('button', { name: 'Log folder' }));
    // Back on the form, still filled in, with the reason under the path.
    dialog = await screen.findByRole('dialog', { name: 'Log a folder' }, { timeout: 10_000 });
    await waitFor(() => expect(within(dialog).getByLabelText('Folder path').getAttribute('aria-invalid')).toBe('true'));
    within(dialog).getByText('It does not exist.', { selector: '.field-error' });
    expect(within(dialog).getByLabelText<HTMLInputElement>('Folder path').value).toBe(join(folder, 'missing'));
    expect(within(dialog).getByLabelText<HTMLSelectElement>('Tool').value).toBe('Firefly');
    expect(screen.queryByRole('dialog', { name: 'The folder ingest stopped' })).toBeNull();
  });

  it('counts a sequence that was found but not logged, and says which files were not read again', async () => {
    for (let f = 1001; f <= 1003; f++) writeFileSync(join(folder, `shot010_v003.${f}.exr`), randomBytes(500 + f));
    writeFileSync(join(folder, 'plate.dat'), randomBytes(900));
    renderApp(api);
    const run = async (title: string) => {
      await user.click(await screen.findByRole('button', { name: 'Log a folder…' }));
      const form = await screen.findByRole('dialog', { name: 'Log a folder' });
      const path = within(form).getByLabelText<HTMLInputElement>('Folder path');
      await user.clear(path);
      await user.type(path, folder);
      await user.click(within(form).getByRole('button', { name: 'Log folder' }));
      return screen.findByRole('dialog', { name: title }, { timeout: 10_000 });
    };
    // No tool and no provenance: nothing is logged, the sequence is listed as not logged.
    let dialog = await run('Nothing new logged');
    let summary = within(dialog).getByRole('list', { name: 'Ingest summary' }).textContent;
    expect(summary).toMatch(/1 image sequence found \(1 not logged, listed below\)/);
    expect(summary).toMatch(/4 of 4 files read/);
    expect(within(dialog).getByRole('region', { name: 'Skipped files' }).textContent).toMatch(/shot010_v003\.####\.exr/);
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));

    dialog = await run('Nothing new logged');
    summary = within(dialog).getByRole('list', { name: 'Ingest summary' }).textContent;
    expect(summary).toMatch(/4 unchanged files not read again/);
    expect(summary).not.toMatch(/files read/);
  });
});
