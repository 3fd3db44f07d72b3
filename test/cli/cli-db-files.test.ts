import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { genlog, genlogUnprivileged } from '../support/cli';
import { tempDir } from '../support/context';

/** A log with one production, in a folder of its own. */
function logIn(): { dir: string; db: string } {
  const dir = tempDir();
  mkdirSync(join(dir, 'log'));
  const db = join(dir, 'log', 'ro.db');
  expect(genlog(['--db', db, 'production', 'add', '--code', 'S1', '--title', 'T', '--contact', 'a@b.com']).code).toBe(0);
  return { dir, db };
}

const READ_ONLY = /^genlog: Cannot write to the database .*ro\.db: the file or its folder is read-only \(attempt to write a readonly database\)\. GenLog writes the file and keeps ro\.db-wal and ro\.db-shm beside it/;

describe('a database GenLog may not write (spawned, as an unprivileged user)', () => {
  it('names the file and what to make writable when its folder is read-only', () => {
    const { dir, db } = logIn();
    chmodSync(join(dir, 'log'), 0o555);
    try {
      const r = genlogUnprivileged(dir, ['--db', db, 'list']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(READ_ONLY);
    } finally {
      chmodSync(join(dir, 'log'), 0o755);
    }
  });

  it('says the same when the file itself is read-only and a change is asked for', () => {
    const { dir, db } = logIn();
    chmodSync(db, 0o444);
    const r = genlogUnprivileged(dir, ['--db', db, 'production', 'add', '--code', 'S2', '--title', 'T', '--contact', 'a@b.com']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(READ_ONLY);
  });
});
