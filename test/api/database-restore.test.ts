import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { createContext } from '../../main/app-context';
import { cancelBackups } from '../../main/services/database-care';
import { seedSynthetic } from '../support/seed';
import { ok, seedCatalog, tempDir, testClient, testContext, writeFile } from '../support/context';

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A log holding `names` as assets, its backup taken after the first `backedUp` of them. */
async function logWithBackup(names: string[], backedUp: number) {
  const ctx = testContext();
  const api = testClient(ctx);
  await seedCatalog(api);
  const dir = tempDir();
  const log = async (name: string) => ok(await api.logAssets({ files: [{ path: writeFile(dir, name, name) }], production: 'SHOW1', tool: 'Firefly', by: 'ana' }));
  for (const name of names.slice(0, backedUp)) await log(name);
  const backup = join(tempDir(), 'backup.db');
  ok(await api.backUpDatabase({ out: backup }));
  for (const name of names.slice(backedUp)) await log(name);
  return { ctx, api, backup };
}

const fileNames = async (api: ReturnType<typeof testClient>) => ok(await api.listAssets({})).rows.map((a) => a.fileName).sort();

describe('restoring a backup', () => {
  it("replaces the log's content with the backup's, keeps the log as it was (restoring it undoes), never changes the backup", async () => {
    const { ctx, api, backup } = await logWithBackup(['a.exr', 'b.exr', 'c.exr'], 1);
    const before = digest(backup);
    // Another GenLog with the log open (a watch runner) reads the restored content at its next read.
    const other = createContext({ dbPath: ctx.dbPath, transport: 'test' });
    expect(other.db.prepare('SELECT count(*) AS n FROM assets').get()).toEqual({ n: 3 });

    const restored = ok(await api.restoreDatabase({ from: backup }));
    expect(restored).toMatchObject({ path: ctx.dbPath, from: backup, assets: 1, keptDamaged: false, keptAs: expect.stringMatching(/genlog-before-restore-\d{4}-\d{2}-\d{2}T\d{6}\.db$/) });
    expect(await fileNames(api)).toEqual(['a.exr']);
    expect(other.db.prepare('SELECT count(*) AS n FROM assets').get()).toEqual({ n: 1 });
    expect(ok(await api.checkDatabase({}))).toMatchObject({ ok: true, assets: 1 });
    expect(digest(backup)).toBe(before);
    // Search works on the restored log, and logging goes on from it.
    ok(await api.logAssets({ files: [{ path: writeFile(tempDir(), 'd.exr', 'd') }], production: 'SHOW1', tool: 'Firefly', by: 'ana' }));

    // Undone at once (the same second): the second restore keeps its own copy.
    const undo = ok(await api.restoreDatabase({ from: restored.keptAs! }));
    expect(undo.keptAs).not.toBe(restored.keptAs);
    expect(await fileNames(api)).toEqual(['a.exr', 'b.exr', 'c.exr']);
    expect(readdirSync(ctx.dataDir).filter((n) => n.includes('restore'))).toHaveLength(2);
    other.close();
  });

  it('refuses what is no good backup, saying why, with the log and the folder as they were', async () => {
    const { ctx, api, backup } = await logWithBackup(['a.exr', 'b.exr'], 1);
    const dir = tempDir();
    const text = join(dir, 'notes.db');
    writeFileSync(text, 'not a database');
    const empty = join(dir, 'empty.db');
    writeFileSync(empty, '');
    const foreign = join(dir, 'foreign.db');
    new Database(foreign).exec('CREATE TABLE photos (id INTEGER)').close();
    const future = join(dir, 'future.db');
    copyFileSync(backup, future);
    new Database(future).pragma(`user_version = ${LATEST_VERSION + 1}`);
    const unsearchable = join(dir, 'unsearchable.db');
    copyFileSync(backup, unsearchable);
    new Database(unsearchable).exec('DELETE FROM assets_fts').close();
    mkdirSync(join(dir, 'folder.db'));
    const listing = readdirSync(ctx.dataDir).sort();

    const refusals: [string, string, RegExp][] = [
      [join(dir, 'missing.db'), 'not_found', /^There is no backup at .*missing\.db\.$/],
      [join(dir, 'folder.db'), 'invalid_input', /folder\.db is a folder; give the backup file in it\.$/],
      [ctx.dbPath, 'invalid_input', /genlog\.db is the log itself; give a backup of it\.$/],
      [text, 'failed', /notes\.db cannot be restored, so the log is as it was: it is not a GenLog log \(not an SQLite file at all\)\.$/],
      [empty, 'failed', /empty\.db cannot be restored, so the log is as it was: it is not a GenLog log \(an SQLite file of another program, or an empty one\)\.$/],
      [foreign, 'failed', /foreign\.db cannot be restored, so the log is as it was: it is not a GenLog log/],
      [future, 'failed', new RegExp(`future\\.db cannot be restored, so the log is as it was: it was written by a newer version of GenLog \\(schema version ${LATEST_VERSION + 1}; this GenLog knows up to ${LATEST_VERSION}\\)\\. Update GenLog to restore it\\.$`)],
      [unsearchable, 'failed', /^The backup .*unsearchable\.db does not check out, so it was not restored \(the log is as it was\): 1 asset\(s\) are missing from the search index/],
    ];
    for (const [from, code, message] of refusals) {
      const res = await api.restoreDatabase({ from });
      expect(res, from).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
    }
    expect(await fileNames(api)).toEqual(['a.exr', 'b.exr']);
    expect(readdirSync(ctx.dataDir).sort()).toEqual(listing);
    // In the app a relative path has no "here" to be relative to.
    expect(await testClient(testContext({ transport: 'electron' })).restoreDatabase({ from: 'backup.db' }))
      .toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining("Give the backup file's full path") } });
  });

  it('brings a backup from an older GenLog to the current schema before it replaces the log', async () => {
    const old = join(tempDir(), 'v5.db');
    const raw = new Database(old);
    migrate(raw, MIGRATIONS.slice(0, 5));
    seedSynthetic(raw, 20);
    raw.close();
    const ctx = testContext();
    const res = ok(await testClient(ctx).restoreDatabase({ from: old }));
    expect(res.assets).toBe(20);
    expect(ctx.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(ok(await testClient(ctx).checkDatabase({}))).toMatchObject({ ok: true, assets: 20 });
    expect(new Database(old, { readonly: true }).pragma('user_version', { simple: true })).toBe(5);
  });

  it('moves a log too damaged to open aside, as it was, and puts the backup in its place', async () => {
    const { ctx, backup } = await logWithBackup(Array.from({ length: 300 }, (_, i) => `r${i}.exr`), 2);
    const path = ctx.dbPath;
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    ctx.db.close();
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 40, 0xff), 0, 4096 * 40, 4096 * 3);
    closeSync(fd);
    const damaged = digest(path);
    // As the CLI opens it: only when used, so the damage is met by the restore itself.
    const cli = createContext({ dbPath: path, transport: 'cli', openWhenUsed: true });
    const res = ok(await testClient(cli).restoreDatabase({ from: backup }));
    expect(res).toMatchObject({ assets: 2, keptDamaged: true, keptAs: expect.stringMatching(/genlog-before-restore-.*-damaged\.db$/) });
    expect(digest(res.keptAs!)).toBe(damaged);
    expect(cli.db.prepare('SELECT count(*) AS n FROM assets').get()).toEqual({ n: 2 });
    cli.close();
  });

  it('waits for another GenLog holding the write lock, and keeps what it logged meanwhile in the copy of the log as it was', async () => {
    const { ctx, api, backup } = await logWithBackup(['a.exr', 'b.exr'], 1);
    // A render node's batch: its write transaction is open when the restore begins, committed half a second later.
    const node = new Database(ctx.dbPath);
    node.pragma('busy_timeout = 5000');
    node.exec('BEGIN IMMEDIATE');
    node.prepare("INSERT INTO productions (code, title, contact_email, created_at) VALUES ('NODE', 'Logged by a node', 'n@netflix.com', '2026-12-08T00:00:00Z')").run();
    const committed = new Promise<void>((resolve) => setTimeout(() => { node.exec('COMMIT'); resolve(); }, 500));
    const restored = ok(await api.restoreDatabase({ from: backup }));
    await committed;
    node.close();
    expect(await fileNames(api)).toEqual(['a.exr']);
    expect(ok(await api.listProductions({})).map((p) => p.code)).toEqual(['SHOW1']);
    const kept = new Database(restored.keptAs!, { readonly: true });
    expect(kept.prepare('SELECT code FROM productions ORDER BY code').all()).toEqual([{ code: 'NODE' }, { code: 'SHOW1' }]);
    expect(kept.prepare('SELECT count(*) AS n FROM assets').get()).toEqual({ n: 2 });
    kept.close();
    expect(ok(await api.checkDatabase({})).ok).toBe(true);
  });

  it('stopped (Ctrl+C) before it commits, leaves the log as it was and no copies behind', async () => {
    const { ctx, api, backup } = await logWithBackup(['a.exr', 'b.exr'], 1);
    const listing = readdirSync(ctx.dataDir).sort();
    const restoring = api.restoreDatabase({ from: backup });
    cancelBackups();
    expect(await restoring).toMatchObject({ ok: false, error: { message: expect.stringContaining('the restore was cancelled') } });
    expect(await fileNames(api)).toEqual(['a.exr', 'b.exr']);
    expect(readdirSync(ctx.dataDir).sort()).toEqual(listing);
  });

  it('restores into a log whose folder is not there yet, as other commands create it', async () => {
    const { backup } = await logWithBackup(['a.exr'], 1);
    const fresh = createContext({ dbPath: join(tempDir(), 'new', 'folder', 'genlog.db'), transport: 'cli', openWhenUsed: true });
    expect(ok(await testClient(fresh).restoreDatabase({ from: backup }))).toMatchObject({ assets: 1, keptAs: null });
    expect(fresh.db.prepare('SELECT file_name FROM assets').all()).toEqual([{ file_name: 'a.exr' }]);
    fresh.close();
  });

  it('loses nothing another GenLog logs while it runs: every write that succeeded is in the restored log or the kept copy', async () => {
    const { ctx, api, backup } = await logWithBackup(Array.from({ length: 40 }, (_, i) => `r${i}.exr`), 20);
    const node = new Database(ctx.dbPath);
    // Fails at once while the restore holds the lock: a wait here would stop this thread, which drives the restore.
    node.pragma('busy_timeout = 0');
    const insert = node.prepare("INSERT INTO productions (code, title, contact_email, created_at) VALUES (?, 'From a node', 'n@netflix.com', '2026-12-08T00:00:00Z')");
    const written: string[] = [];
    let n = 0;
    const writer = setInterval(() => {
      const code = `NODE${n++}`;
      try {
        insert.run(code);
        written.push(code);
      } catch {
        // Busy: that write failed and was said to fail; only the ones that succeeded must be kept.
      }
    }, 2);
    const restored = ok(await api.restoreDatabase({ from: backup }));
    clearInterval(writer);
    const codes = (db: Database.Database) => new Set((db.prepare('SELECT code FROM productions').all() as { code: string }[]).map((r) => r.code));
    const now = codes(node);
    node.close();
    const kept = new Database(restored.keptAs!, { readonly: true });
    const before = codes(kept);
    kept.close();
    expect(written.length).toBeGreaterThan(0);
    expect(written.filter((code) => !now.has(code) && !before.has(code))).toEqual([]);
  });

  it('two restores at once take turns: the second keeps what the first restored, and the log ends as the second', async () => {
    // Three distinct states: backups of 1 and of 2 assets, a log of 3.
    const { api, backup } = await logWithBackup(['a.exr', 'b.exr'], 1);
    const two = join(tempDir(), 'two.db');
    ok(await api.backUpDatabase({ out: two }));
    ok(await api.logAssets({ files: [{ path: writeFile(tempDir(), 'c.exr', 'c') }], production: 'SHOW1', tool: 'Firefly', by: 'ana' }));
    const [first, second] = await Promise.all([api.restoreDatabase({ from: backup }), api.restoreDatabase({ from: two })]);
    const done = [first, second].map((r) => ok(r));
    const assetsIn = (path: string) => {
      const db = new Database(path, { readonly: true });
      const n = (db.prepare('SELECT count(*) AS n FROM assets').get() as { n: number }).n;
      db.close();
      return n;
    };
    // The one that took the lock second found the first one's result, and kept it.
    const earlier = done.find((r) => assetsIn(r.keptAs!) === 3);
    const later = done.find((r) => r !== earlier);
    expect(assetsIn(later!.keptAs!)).toBe(earlier!.assets);
    expect(ok(await api.listAssets({})).total).toBe(later!.assets);
    expect(ok(await api.checkDatabase({})).ok).toBe(true);
  });
});
