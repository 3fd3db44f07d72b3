import { existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { genlog } from '../support/cli';
import { tempDir, writeFile } from '../support/context';

/** A new log in a folder of its own holding one asset, `fileName`, and `run` for genlog commands on it. */
function logWith(fileName: string) {
  const dir = tempDir();
  const db = join(dir, 'genlog.db');
  const run = (...args: string[]) => genlog(['--db', db, ...args]);
  expect(run('production', 'add', '--code', 'S1', '--title', 'S', '--contact', 'a@netflix.com').code).toBe(0);
  expect(run('tool', 'add', '--name', 'LocalSD').code).toBe(0);
  expect(run('log', writeFile(dir, fileName, fileName), '--production', 'S1', '--tool', 'LocalSD', '--by', 'ana').code).toBe(0);
  return { dir, db, run };
}

describe('genlog db (spawned)', () => {
  it('db backup copies the log for --db to open; db check says ok, or names each problem and exits 1', () => {
    const { dir, db, run } = logWith('hero.exr');

    expect(run('db', 'check')).toMatchObject({ code: 0, stdout: `ok: ${db} (1 asset; every page, the foreign keys and the search index check out)\n` });
    const out = join(dir, 'backup-1.db');
    const backup = run('db', 'backup', '--out', out);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(new RegExp(`^Backed up 1 asset to ${out} \\(\\d+\\.\\d KiB\\); the copy checks out\\. Open it with --db ${out}\\.\\n$`));
    expect(genlog(['--db', out, '--json', 'list']).json()).toMatchObject([{ fileName: 'hero.exr' }]);
    expect(run('db', 'backup', '--out', out)).toMatchObject({ code: 1, stderr: expect.stringContaining('already exists; a backup never replaces a file') });
    expect(run('db', 'backup')).toMatchObject({ code: 2, stderr: expect.stringContaining('--out') });

    // Search no longer finding the asset, as a damaged index would leave it.
    const raw = new Database(db);
    raw.prepare('DELETE FROM assets_fts').run();
    raw.close();
    const bad = run('db', 'check');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe(`PROBLEMS in ${db}:\n  - 1 asset(s) are missing from the search index, so searching the log does not find them: #1.\n`);
    expect(bad.stderr).toContain('genlog: the log has 1 problem(s). Keep this file as it is, and restore the latest backup');
    expect(run('--json', 'db', 'check').json()).toMatchObject({ ok: false, problems: [expect.stringContaining('missing from the search index')] });
    // A copy of it holds the same problem, and says so instead of "checks out".
    const copy = run('db', 'backup', '--out', join(dir, 'backup-2.db'));
    expect(copy.code).toBe(0);
    expect(copy.stderr).toContain('The copy holds the log as it is, with its 1 problem(s):\n  - 1 asset(s) are missing from the search index');
    expect(copy.stdout).toContain('the copy reads back whole, with the problems above.');

    // A mistyped --db is no new, empty log that checks out.
    const typo = join(dir, 'genlgo.db');
    for (const command of [['db', 'check'], ['db', 'backup', '--out', join(dir, 'x.db')]]) {
      expect(genlog(['--db', typo, ...command])).toMatchObject({ code: 1, stderr: `genlog: There is no log at ${typo}: check --db or GENLOG_DB. Nothing was created.\n` });
    }
    expect(existsSync(typo)).toBe(false);
    const dangling = join(dir, 'moved.db');
    symlinkSync(join(dir, 'elsewhere', 'genlog.db'), dangling);
    expect(genlog(['--db', dangling, 'db', 'check'])).toMatchObject({ code: 1, stderr: `genlog: There is no log at ${dangling} (a symbolic link to nothing, or a loop of links): check --db or GENLOG_DB. Nothing was created.\n` });
    const throughFile = join(dir, 'hero.exr', 'genlog.db');
    expect(genlog(['--db', throughFile, 'db', 'check'])).toMatchObject({ code: 1, stderr: `genlog: There is no log at ${throughFile} (part of that path is a file, not a folder): check --db or GENLOG_DB. Nothing was created.\n` });
  });

  it('a command refused for a bad flag value or argument creates no log (nor its folder) at a new --db', () => {
    const dir = tempDir();
    const db = join(dir, 'not-yet', 'genlog.db');
    expect(genlog(['--db', db, 'watch', 'run', '--stable-ms', '1e3'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--stable-ms must be milliseconds') });
    expect(genlog(['--db', db, 'list', '--limit', 'lots'])).toMatchObject({ code: 2 });
    expect(genlog(['--db', db, 'serve', '--port', '99999'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--port must be') });
    expect(existsSync(join(dir, 'not-yet'))).toBe(false);
    // The first command that does use the log creates it, as always.
    expect(genlog(['--db', db, 'list']).code).toBe(0);
    expect(existsSync(db)).toBe(true);
  });

  it('db restore puts a backup in place of the log and says how to undo it', () => {
    const { dir, db, run } = logWith('first.exr');
    const backup = join(dir, 'backup.db');
    expect(run('db', 'backup', '--out', backup).code).toBe(0);
    expect(run('log', writeFile(dir, 'second.exr', '2'), '--production', 'S1', '--tool', 'LocalSD', '--by', 'ana').code).toBe(0);

    const restored = run('db', 'restore', '--from', backup);
    expect(restored.code).toBe(0);
    const kept = /kept at (\S+);/.exec(restored.stdout)?.[1] ?? '';
    expect(restored.stdout).toBe(`Restored 1 asset from ${backup} into ${db}. The log as it was is kept at ${kept}; to undo, run genlog db restore --from ${kept}.\n`);
    expect(run('--json', 'list').json().map((a: { fileName: string }) => a.fileName)).toEqual(['first.exr']);
    expect(run('--json', 'db', 'restore', '--from', kept).json()).toMatchObject({ assets: 2, from: kept, keptDamaged: false });
    expect(run('db', 'restore')).toMatchObject({ code: 2, stderr: expect.stringContaining('--from is required') });
    expect(run('db', 'restore', '--from', join(dir, 'nope.db'))).toMatchObject({ code: 1, stderr: `genlog: There is no backup at ${join(dir, 'nope.db')}.\n` });
  });
});
