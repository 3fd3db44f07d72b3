import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { genlog, genlogUnprivileged } from '../support/cli';
import { tempDir, writeFile } from '../support/context';

/** A log with one production and one tool, and a folder of renders beside it. */
function setUp(): { dir: string; db: string; renders: string } {
  const dir = tempDir();
  const db = join(dir, 'genlog.db');
  expect(genlog(['--db', db, 'production', 'add', '--code', 'S1', '--title', 'T', '--contact', 'a@netflix.com']).code).toBe(0);
  expect(genlog(['--db', db, 'tool', 'add', '--name', 'LocalSD']).code).toBe(0);
  const renders = join(dir, 'renders');
  mkdirSync(renders);
  writeFile(renders, 'shot.1001.exr', 'x');
  return { dir, db, renders };
}

describe('a folder log that finds nothing (spawned)', () => {
  it('refuses an exclude glob that leaves out every file as a usage error, as watch add does', () => {
    const { db, renders } = setUp();
    const log = genlog(['--db', db, 'log', renders, '--production', 'S1', '--tool', 'LocalSD', '--by', 'ana', '--exclude', '*.tmp,**']);
    expect(log).toMatchObject({ code: 2, stderr: 'genlog: exclude: "**" leaves out every file, so nothing would be logged, whatever the folder holds. Name only what to leave out, such as "tmp/**" or "*.tmp".\n' });
    const watch = genlog(['--db', db, 'watch', 'add', renders, '--production', 'S1', '--exclude', '**']);
    expect(watch).toMatchObject({ code: 2, stderr: expect.stringContaining('"**" leaves out every file, so this watch would never find a render') });
    expect(genlog(['--db', db, '--json', 'list']).json()).toEqual([]);
  });

  it('says nothing about subfolders it could not look into, rather than "nor do its subfolders"', () => {
    const { dir, db, renders } = setUp();
    mkdirSync(join(renders, 'locked'));
    writeFile(join(renders, 'locked'), 'inside.exr', 'x');
    chmodSync(join(renders, 'locked'), 0);
    try {
      const r = genlogUnprivileged(dir, ['--db', db, 'log', renders, '--production', 'S1', '--tool', 'LocalSD', '--by', 'ana', '--exclude', '*.exr']);
      expect(r).toMatchObject({ code: 1, stderr: `genlog: No files to log in ${renders} once *.exr is left out.\n` });
      // Looking into subfolders, the one that could not be read is named, with why.
      const deep = genlogUnprivileged(dir, ['--db', db, 'log', renders, '--recursive', '--production', 'S1', '--tool', 'LocalSD', '--by', 'ana', '--include', 'locked/**']);
      expect(deep).toMatchObject({ code: 1, stderr: `genlog: No files to log in ${renders} matching locked/**. Could not look in ${join(renders, 'locked')} (permission denied).\n` });
    } finally {
      chmodSync(join(renders, 'locked'), 0o755);
    }
  });
});
