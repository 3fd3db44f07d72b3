import Database from 'better-sqlite3';
import { existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../db/connection';
import { LATEST_VERSION, migrate, type Migration } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { tempDir } from '../support/context';

describe('migration runner', () => {
  it('creates a fresh db at the latest version with WAL and foreign keys', () => {
    const db = openDb(join(tempDir(), 'g.db'));
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('names the file it cannot open (a folder given as the database)', () => {
    const folder = tempDir();
    expect(() => openDb(folder)).toThrow(`Cannot open the database ${folder}: unable to open database file (it is a folder).`);
  });

  it('says where a database path that is a symbolic link to nothing leads', () => {
    const dir = tempDir();
    const link = join(dir, 'moved.db');
    symlinkSync(join('gone', 'genlog.db'), link);
    expect(() => openDb(link)).toThrow(`Cannot open the database ${link}: unable to open database file (it is a symbolic link to ${join(dir, 'gone', 'genlog.db')}, in a folder that does not exist).`);
    expect(existsSync(join(dir, 'gone'))).toBe(false);
  });

  it('refuses a db written by a newer GenLog and leaves it untouched', () => {
    const path = join(tempDir(), 'future.db');
    const raw = new Database(path);
    // What every GenLog database holds, at a version this GenLog does not know.
    raw.exec('CREATE TABLE productions (x INTEGER); CREATE TABLE assets (x INTEGER)');
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    expect(() => openDb(path)).toThrow(/newer version of GenLog.*has not been modified/);
    const after = new Database(path);
    expect(after.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 5);
    expect(after.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'tools'").get()).toEqual({ n: 0 });
  });

  it('applies all pending migrations in one transaction: a failure leaves the old version intact', () => {
    const db = new Database(':memory:');
    const list: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE a (x INTEGER)') },
      { version: 2, name: 'two', up: (d) => d.exec('CREATE TABLE b (x INTEGER)') },
      { version: 3, name: 'boom', up: () => { throw new Error('disk on fire'); } },
    ];
    expect(() => migrate(db, list)).toThrow('disk on fire');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('a','b')").get()).toEqual({ n: 0 });
  });

  it('versions are numbered 1..n in order, one file each', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
  });
});
