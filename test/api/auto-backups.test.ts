import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTO_BACKUP, autoBackupFolder, backUpIfDue, startAutoBackups, type AutoBackupRound } from '../../main/services/auto-backups';
import { ok, seedCatalog, testClient, testContext } from '../support/context';

const HOUR = 3_600_000;

/** A log whose clock the test moves. */
async function clockedLog() {
  let now = Date.parse('2026-12-01T09:00:00.000Z');
  const ctx = testContext({ now: () => new Date(now) });
  await seedCatalog(testClient(ctx));
  return { ctx, api: testClient(ctx), later: (hours: number) => { now += hours * HOUR; } };
}

describe('automatic backups', () => {
  it('backs the log up once a day into backups/, keeps the newest seven, and never removes a file of another name', async () => {
    const { ctx, api, later } = await clockedLog();
    const folder = autoBackupFolder(ctx);
    const first = await backUpIfDue(ctx);
    expect(first.made).toMatchObject({ path: join(folder, 'genlog-auto-2026-12-01T090000.db'), problems: [] });
    later(23);
    expect(await backUpIfDue(ctx)).toEqual({ made: null, removed: [] });
    writeFileSync(join(folder, 'before-the-move.db'), 'kept by hand');
    later(1);
    expect((await backUpIfDue(ctx)).made?.path).toBe(join(folder, 'genlog-auto-2026-12-02T090000.db'));
    let last: AutoBackupRound = { made: null, removed: [] };
    for (let day = 0; day < 7; day++) {
      later(24);
      last = await backUpIfDue(ctx);
    }
    expect(last.removed.map((p) => basename(p))).toEqual(['genlog-auto-2026-12-02T090000.db']);
    const listed = ok(await api.listAutoBackups({}));
    expect(listed).toMatchObject({ folder, everyHours: 24, keep: AUTO_BACKUP.keep });
    expect(listed.backups.map((b) => b.madeAt)).toEqual(Array.from({ length: 7 }, (_, i) => `2026-12-${String(9 - i).padStart(2, '0')}T09:00:00.000Z`));
    expect(listed.backups.every((b) => b.bytes > 0)).toBe(true);
    expect(readdirSync(folder)).toContain('before-the-move.db');
    // Each is a log --db opens.
    expect(ok(await testClient(testContext()).restoreDatabase({ from: listed.backups[6]!.path })).assets).toBe(0);
  });

  it('keeps backing up daily when the clock jumps, keeps what it just made, and counts only database files it named', async () => {
    const { ctx, later } = await clockedLog();
    const folder = autoBackupFolder(ctx);
    for (let day = 0; day < AUTO_BACKUP.keep; day++) {
      await backUpIfDue(ctx);
      later(24);
    }
    // The clock set back eight days, before every backup there is: one is made and kept, not removed at once as the oldest.
    later(-24 * 8);
    const back = await backUpIfDue(ctx);
    expect(back.made).not.toBeNull();
    expect(back.removed).not.toContain(back.made!.path);
    expect(readdirSync(folder)).toContain(basename(back.made!.path));
    // And no second one within the day, although newer-named backups exist.
    later(1);
    expect((await backUpIfDue(ctx)).made).toBeNull();

    // A folder and a file that is no database, named like automatic backups, are neither listed nor removed.
    mkdirSync(join(folder, 'genlog-auto-2020-01-01T000000.db'));
    writeFileSync(join(folder, 'genlog-auto-2020-01-02T000000.db'), 'not a database');
    later(24);
    const round = await backUpIfDue(ctx);
    expect(round.made).not.toBeNull();
    expect(readdirSync(folder)).toEqual(expect.arrayContaining(['genlog-auto-2020-01-01T000000.db', 'genlog-auto-2020-01-02T000000.db']));
    expect(ok(await testClient(ctx).listAutoBackups({})).backups).toHaveLength(AUTO_BACKUP.keep);
  });

  it('removes no older backup while the log holds problems: those may be the last good copies', async () => {
    const { ctx, later } = await clockedLog();
    for (let day = 0; day < AUTO_BACKUP.keep; day++) {
      await backUpIfDue(ctx);
      later(24);
    }
    ctx.db.prepare("INSERT INTO assets_fts (rowid, prompt, notes, file_name, tool, artist) VALUES (7, '', '', 'ghost.exr', '', '')").run();
    const round = await backUpIfDue(ctx);
    expect(round.made?.problems).toEqual(['The search index holds 1 entry for assets that do not exist: #7.']);
    expect(round.removed).toEqual([]);
    expect(readdirSync(autoBackupFolder(ctx))).toHaveLength(AUTO_BACKUP.keep + 1);
  });

  it('starts with a round and reports it; stop() cancels a round under way, leaving no file; a failure is reported, not thrown', async () => {
    const { ctx } = await clockedLog();
    const rounds: (AutoBackupRound | Error)[] = [];
    const first = new Promise<void>((resolve) => {
      const running = startAutoBackups(ctx, (r) => {
        rounds.push(r);
        resolve(running.stop());
      });
    });
    await first;
    expect(rounds).toHaveLength(1);
    expect((rounds[0] as AutoBackupRound).made?.problems).toEqual([]);

    const stopped = testContext();
    const cancelled: (AutoBackupRound | Error)[] = [];
    await startAutoBackups(stopped, (r) => cancelled.push(r)).stop();
    expect(cancelled).toEqual([expect.any(Error)]);
    expect(String(cancelled[0])).toContain('the backup was cancelled');
    expect(readdirSync(autoBackupFolder(stopped))).toEqual([]);

    const blocked = testContext();
    writeFileSync(autoBackupFolder(blocked), 'a file where the folder goes');
    const failures: (AutoBackupRound | Error)[] = [];
    const running = startAutoBackups(blocked, (r) => failures.push(r));
    await expect.poll(() => failures.length).toBe(1);
    await running.stop();
    expect(String(failures[0])).toBe(`Error: Cannot make the folder ${autoBackupFolder(blocked)} for the automatic backups: a file of that name is in the way.`);
  });
});
