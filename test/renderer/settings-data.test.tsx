// @vitest-environment jsdom
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ApiContext } from '../../main/api/context';
import { ok, tempDir, testClient, testContext } from '../support/context';
import { renderApp } from './support/app';
import { autoBackupFolder, backUpIfDue } from '../../main/services/auto-backups';
import { suggestedBackup } from '../../renderer/settings/DataCareSection';
import { formatDateTime } from '../../renderer/ui/format';

const user = userEvent.setup({ delay: null });

async function openData(ctx: ApiContext) {
  renderApp(testClient(ctx));
  await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: /Settings/ }));
  return screen.findByRole('region', { name: 'Data' });
}

describe('Settings > Data: checking and backing up the log', () => {
  let ctx: ApiContext;
  afterEach(() => {
    cleanup();
    ctx.db.close();
  });

  it('checks the log and names each problem; backs it up to a new file beside it, never over one', async () => {
    ctx = testContext();
    const data = await openData(ctx);
    await user.click(within(data).getByRole('button', { name: 'Check the log' }));
    expect((await within(data).findByRole('status')).textContent).toBe('The log checks out: 0 assets; every page, the foreign keys and the search index.');

    ctx.db.prepare("INSERT INTO assets_fts (rowid, prompt, notes, file_name, tool, artist) VALUES (7, '', '', 'ghost.exr', '', '')").run();
    await user.click(within(data).getByRole('button', { name: 'Check the log' }));
    expect((await within(data).findByRole('alert')).textContent).toContain('The search index holds 1 entry for assets that do not exist: #7.');

    const form = within(data).getByRole('form', { name: 'Back up the log' });
    const box = within(form).getByLabelText<HTMLInputElement>('Back up to');
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    expect(box.value).toBe(join(ctx.dataDir, `genlog-backup-${today}.db`));
    await user.click(within(form).getByRole('button', { name: 'Back up' }));
    expect(await screen.findByText(`Backed up 0 assets to ${box.value}; the copy holds the log's 1 problem too (Check the log lists them).`)).toBeTruthy();
    expect(existsSync(box.value)).toBe(true);
    // The copy's problems are said beside the path, not only in a notice that goes away.
    const warning = await within(data).findByRole('alert', { name: 'The backup holds problems' });
    expect(warning.textContent).toBe(`The backup at ${box.value} reads back whole, but it holds the log's 1 problem as they are. Keep it beside the log's file and an earlier backup:` +
      'The search index holds 1 entry for assets that do not exist: #7.');

    // Again to the same name: refused in place, the first backup kept.
    await user.click(within(form).getByRole('button', { name: 'Back up' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('already exists; a backup never replaces a file');
    expect(within(data).queryByRole('alert', { name: 'The backup holds problems' })).toBeNull();
    await user.clear(box);
    await user.click(within(form).getByRole('button', { name: 'Back up' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Give the file to write the backup to.');
    expect(readdirSync(ctx.dataDir).filter((n) => n.startsWith('genlog-backup-'))).toEqual([`genlog-backup-${today}.db`]);
  });

  it('restores a backup after a confirmation, says where the log as it was is kept, and shows the restored log', async () => {
    ctx = testContext();
    const api = testClient(ctx);
    ok(await api.addProduction({ code: 'KEPT', title: 'In the backup', contactEmail: 'a@netflix.com' }));
    const backup = join(tempDir(), 'backup.db');
    ok(await api.backUpDatabase({ out: backup }));
    ok(await api.addProduction({ code: 'LATER', title: 'After the backup', contactEmail: 'a@netflix.com' }));
    const data = await openData(ctx);
    const form = within(data).getByRole('form', { name: 'Restore the log from a backup' });
    const box = within(form).getByLabelText<HTMLInputElement>('Restore from');

    await user.click(within(form).getByRole('button', { name: 'Restore…' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Give the backup file to restore.');
    await user.type(box, join(tempDir(), 'missing.db'));
    await user.click(within(form).getByRole('button', { name: 'Restore…' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Restore the log from a backup' })).getByRole('button', { name: 'Restore' }));
    expect((await within(form).findByRole('alert')).textContent).toMatch(/^There is no backup at .*missing\.db\.$/);

    // Esc in the confirmation changes nothing.
    await user.clear(box);
    await user.type(box, backup);
    await user.click(within(form).getByRole('button', { name: 'Restore…' }));
    expect(screen.getByRole('dialog', { name: 'Restore the log from a backup' }).textContent).toContain('The log as it is now is kept beside it first');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(ok(await api.listProductions({})).map((p) => p.code).sort()).toEqual(['KEPT', 'LATER']);

    await user.click(within(form).getByRole('button', { name: 'Restore…' }));
    await user.keyboard('{Enter}');
    const said = await within(data).findByText(/^Restored 0 assets from/, { selector: 'p' });
    const kept = /kept at (\S+); restore that file to undo\.$/.exec(said.textContent ?? '')?.[1] ?? '';
    expect(said.textContent).toBe(`Restored 0 assets from ${backup}. The log as it was is kept at ${kept}; restore that file to undo.`);
    expect(ok(await api.listProductions({})).map((p) => p.code)).toEqual(['KEPT']);
    expect(existsSync(kept)).toBe(true);
    expect(box.value).toBe('');
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: /Productions/ }));
    const table = await screen.findByRole('table', { name: 'Productions' });
    await within(table).findByRole('button', { name: 'Edit production KEPT' });
    expect(within(table).queryByRole('button', { name: 'Edit production LATER' })).toBeNull();
  });

  it("lists the automatic backups, newest first; Choose puts one in the Restore field", async () => {
    let now = Date.parse('2026-12-01T09:00:00.000Z');
    ctx = testContext({ now: () => new Date(now) });
    await backUpIfDue(ctx);
    now += 24 * 3_600_000;
    await backUpIfDue(ctx);
    const data = await openData(ctx);
    const list = await within(data).findByRole('list', { name: 'Automatic backups' });
    const choices = within(list).getAllByRole('button');
    expect(choices.map((b) => b.getAttribute('aria-label'))).toEqual([
      `Restore from the backup of ${formatDateTime('2026-12-02T09:00:00.000Z')}`, `Restore from the backup of ${formatDateTime('2026-12-01T09:00:00.000Z')}`,
    ]);
    await user.click(choices[1]!);
    const box = within(data).getByLabelText<HTMLInputElement>('Restore from');
    expect(box.value).toBe(join(autoBackupFolder(ctx), 'genlog-auto-2026-12-01T090000.db'));
    expect(document.activeElement).toBe(box);
  });

  it('says where automatic backups will go when there is none yet', async () => {
    ctx = testContext();
    const data = await openData(ctx);
    expect((await within(data).findByText(/^The desktop app backs the log up once a day into/)).textContent)
      .toBe(`The desktop app backs the log up once a day into ${autoBackupFolder(ctx)}, keeping the newest 7; none is there yet.`);
  });

  it('names the suggested backup for the day where the user is, not the UTC day', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      // 21:00 on 7 December in Los Angeles is already 8 December in UTC.
      expect(suggestedBackup('/data/GenLog/', new Date('2026-12-08T05:00:00.000Z'))).toBe('/data/GenLog/genlog-backup-2026-12-07.db');
    } finally {
      process.env.TZ = zone;
    }
    expect(suggestedBackup('C:\\Users\\ana\\GenLog', new Date(2026, 0, 5, 12))).toBe('C:\\Users\\ana\\GenLog\\genlog-backup-2026-01-05.db');
  });

  it('keeps the keyboard on Check the log while it runs and after', async () => {
    ctx = testContext();
    const data = await openData(ctx);
    const check = within(data).getByRole('button', { name: 'Check the log' });
    check.focus();
    await user.keyboard('{Enter}');
    // A disabled button would drop the keyboard to the page in a browser: it is marked busy instead.
    const during = within(data).getByRole('button', { name: 'Checking…' });
    expect(during).toBe(document.activeElement);
    expect([during.hasAttribute('disabled'), during.getAttribute('aria-disabled'), during.getAttribute('aria-busy')]).toEqual([false, 'true', 'true']);
    await user.keyboard('{Enter}');
    await within(data).findByText(/^The log checks out/);
    expect(document.activeElement).toBe(within(data).getByRole('button', { name: 'Check the log' }));
  });
});
