import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, symlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../db/connection';
import { integrityProblems } from '../../db/maintenance';
import { dbRunner } from '../../db/sql-runner';
import { seedSynthetic } from '../support/seed';
import { cancelBackups } from '../../main/services/database-care';
import { ok, seedCatalog, tempDir, testClient, testContext, writeFile } from '../support/context';

/** A log with `count` assets, each its own file. */
async function populatedLog(count: number) {
  const ctx = testContext();
  const api = testClient(ctx);
  await seedCatalog(api);
  const dir = tempDir();
  const files = Array.from({ length: count }, (_, i) => ({ path: writeFile(dir, `render_${i}.exr`, `frame ${i}`) }));
  ok(await api.logAssets({ files, production: 'SHOW1', tool: 'Firefly', by: 'ana', prompt: 'a castle at dusk' }));
  return { ctx, api };
}

describe('checking the log', () => {
  it('finds nothing wrong with a healthy log, and says so with its asset count', async () => {
    const { ctx, api } = await populatedLog(3);
    expect(ok(await api.checkDatabase({}))).toMatchObject({ path: ctx.dbPath, ok: true, problems: [], assets: 3 });
  });

  it('fails saying the log is busy, never that it is damaged, when another program holds the write lock too long', async () => {
    const { ctx } = await populatedLog(1);
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const locked = { ...dbRunner(ctx.db), run: () => Promise.reject(busy) };
    await expect(integrityProblems(locked)).rejects.toBe(busy);
  });

  it('checks on a thread of its own: the process goes on answering while a check runs', async () => {
    const { ctx, api } = await populatedLog(1);
    seedSynthetic(ctx.db, 5000);
    let finished = false;
    const checking = api.checkDatabase({}).then((res) => { finished = true; return res; });
    await new Promise((resolve) => setImmediate(resolve));
    expect(ok(await api.getChangeStamp({})).stamp).toEqual(expect.any(String));
    expect(finished).toBe(false);
    expect(ok(await checking)).toMatchObject({ ok: true, assets: 5001 });
  });

  it('says when search no longer finds an asset, holds an entry for none, or finds one by words it does not hold', async () => {
    const { ctx, api } = await populatedLog(14);
    ctx.db.prepare('DELETE FROM assets_fts WHERE rowid = 2').run();
    ctx.db.prepare("INSERT INTO assets_fts (rowid, prompt, notes, file_name, tool, artist) VALUES (99, 'x', '', 'ghost.exr', '', '')").run();
    ctx.db.prepare("UPDATE assets_fts SET prompt = 'something else' WHERE rowid IN (3, 5)").run();
    for (let id = 6; id <= 14; id++) ctx.db.prepare('UPDATE assets_fts SET artist = ? WHERE rowid = ?').run('nobody', id);
    expect(ok(await api.checkDatabase({}))).toMatchObject({
      ok: false,
      problems: [
        '1 asset(s) are missing from the search index, so searching the log does not find them: #2.',
        'The search index holds 1 entry for assets that do not exist: #99.',
        '11 asset(s) are indexed for search with other words than they hold: #3, #5, #6, #7, #8, #9, #10, #11, #12, #13 and 1 more.',
      ],
    });
  });

  it('reports damaged pages in words instead of failing, and leaves the file as it was', async () => {
    const { ctx } = await populatedLog(400);
    const path = ctx.dbPath;
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    ctx.db.close();
    // Garbage over the middle of the file: pages of the asset tables and their indexes.
    const size = readFileSync(path).length;
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const before = readFileSync(path);
    const db = new Database(path);
    const problems = await integrityProblems(dbRunner(db));
    db.close();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(/SQLite's page check: |SQLite could not read the whole file: /);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});

describe('backing up the log', () => {
  it('copies the log to a new self-contained file that opens as the same log, while another GenLog keeps logging', async () => {
    const { ctx, api } = await populatedLog(5);
    const other = openDb(ctx.dbPath);
    // Another writer's open transaction is not in the copy; what it committed before is.
    other.exec('BEGIN IMMEDIATE');
    other.prepare("UPDATE productions SET title = 'Renamed while backing up'").run();
    const folder = tempDir();
    const out = join(folder, 'genlog-2026-12-08.db');
    const made = ok(await api.backUpDatabase({ out }));
    other.exec('ROLLBACK');
    other.close();
    expect(made).toMatchObject({ path: out, assets: 5 });
    expect(made.bytes).toBeGreaterThan(0);
    // One file, no -wal or leftover temporary file beside it.
    expect(readdirSync(folder)).toEqual(['genlog-2026-12-08.db']);
    const copy = openDb(out);
    expect(copy.prepare('SELECT count(*) AS n FROM assets').get()).toEqual({ n: 5 });
    expect(copy.prepare('SELECT title FROM productions').get()).toEqual({ title: 'The Show' });
    expect(await integrityProblems(dbRunner(copy))).toEqual([]);
    copy.close();
  });

  it('says the problems the copy holds: a copy of a damaged log is damaged alike', async () => {
    const { ctx, api } = await populatedLog(3);
    ctx.db.prepare('DELETE FROM assets_fts WHERE rowid = 3').run();
    const made = ok(await api.backUpDatabase({ out: join(tempDir(), 'copy.db') }));
    expect(made).toMatchObject({ assets: 3, problems: ['1 asset(s) are missing from the search index, so searching the log does not find them: #3.'] });
  });

  it('cancelled (Ctrl+C in the CLI) between two steps, it fails saying so and leaves no partial copy', async () => {
    const { api } = await populatedLog(1);
    const folder = tempDir();
    const pending = api.backUpDatabase({ out: join(folder, 'cancelled.db') });
    cancelBackups();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'failed', message: expect.stringContaining('the backup was cancelled. Nothing was written under that name.') } });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('never replaces a file, nor writes into a missing folder or over the log itself, and leaves nothing behind', async () => {
    const { ctx, api } = await populatedLog(1);
    const folder = tempDir();
    const taken = writeFile(folder, 'older-backup.db', 'an older backup');
    expect(await api.backUpDatabase({ out: taken })).toMatchObject({ ok: false, error: { code: 'conflict', message: `${taken} already exists; a backup never replaces a file. Give a new name, such as one with today's date.` } });
    expect(readFileSync(taken, 'utf8')).toBe('an older backup');
    expect(await api.backUpDatabase({ out: join(folder, 'missing', 'x.db') })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('does not exist') } });
    expect(await api.backUpDatabase({ out: ctx.dbPath })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await api.backUpDatabase({ out: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('out is required') } });
    symlinkSync(join(folder, 'nowhere'), join(folder, 'dangling.db'));
    expect(await api.backUpDatabase({ out: join(folder, 'dangling.db') })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('dangling.db is a symbolic link to nothing') } });
    expect(await api.backUpDatabase({ out: folder })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: `${folder} is a folder; give the backup a file name in it, such as genlog-backup.db.` } });
    expect(readdirSync(folder).sort()).toEqual(['dangling.db', 'older-backup.db']);
    expect(existsSync(join(folder, 'missing'))).toBe(false);
    // Typed in the app, a relative path has no folder a person can see.
    const app = testClient({ ...ctx, transport: 'http' });
    expect(await app.backUpDatabase({ out: `${join(tempDir(), 'new.db')}/` })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('new.db/ ends with a slash, so it names a folder') } });
    expect(await app.backUpDatabase({ out: 'relative.db' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Give the backup file\'s full path (like /mnt/backups/genlog-backup.db or D:\\backups\\genlog-backup.db), not "relative.db".' } });
  });
});
