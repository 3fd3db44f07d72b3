import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inTransaction, openDb, writeLockFree, type Db } from '../../db/connection';
import { isBusyError } from '../../db/errors';
import { createContext } from '../../main/app-context';
import { tempDir } from '../support/context';

const opened: Db[] = [];
function open(path: string): Db {
  const db = openDb(path);
  opened.push(db);
  return db;
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** A second process's connection, impatient so the test does not wait out a busy timeout. */
function otherProcess(path: string): Db {
  const db = new Database(path, { timeout: 0 });
  opened.push(db);
  return db;
}

describe('transactions between processes sharing one log', () => {
  it('takes the write lock when a transaction begins, so a read-then-write never meets a stale snapshot', () => {
    const path = join(tempDir('genlog-tx-'), 'g.db');
    const db = open(path);
    const other = otherProcess(path);
    inTransaction(db, () => {
      db.prepare('SELECT count(*) FROM settings').get();
      // Held from BEGIN: another writer must wait (here: fails at once, its timeout is 0) instead of committing
      // under us, which would make our write below fail with "database is locked" no matter how long we waited.
      expect(() => other.prepare("INSERT INTO settings (key, value) VALUES ('k', 'other')").run()).toThrow(/locked|busy/i);
      db.prepare("INSERT INTO settings (key, value) VALUES ('k', 'ours')").run();
    });
    expect(other.prepare("SELECT value FROM settings WHERE key = 'k'").get()).toEqual({ value: 'ours' });
  });

  it('starts a process on a fully assessed log without waiting for another process that is writing', () => {
    const path = join(tempDir('genlog-tx-'), 'g.db');
    // An earlier process today did the once-a-day consent-date refresh (that one does write).
    createContext({ dbPath: path, transport: 'test' }).db.close();
    const writer = otherProcess(path);
    writer.exec('BEGIN IMMEDIATE');
    try {
      const started = Date.now();
      const ctx = createContext({ dbPath: path, transport: 'test' });
      ctx.db.close();
      // Well under the 5 s busy timeout: opening took no write lock.
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      writer.exec('ROLLBACK');
    }
  });

  it('says whether the write lock is free without waiting for it, keeping the busy timeout it had', () => {
    const path = join(tempDir('genlog-tx-'), 'g.db');
    const db = open(path);
    const other = otherProcess(path);
    expect(writeLockFree(db)).toBe(true);
    other.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    expect(writeLockFree(db)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000); // not the 5 s busy timeout
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    other.exec('ROLLBACK');
    expect(writeLockFree(db)).toBe(true);
    expect(db.inTransaction).toBe(false);
    inTransaction(db, () => expect(writeLockFree(db)).toBe(false));
  });

  it('recognises "database is locked" however deep it is wrapped, and nothing else', () => {
    const locked = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    expect(isBusyError(locked)).toBe(true);
    expect(isBusyError(new Error('outer', { cause: new Error('middle', { cause: locked }) }))).toBe(true);
    expect(isBusyError(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' }))).toBe(false);
    expect(isBusyError(new Error('database is locked'))).toBe(false);
    expect(isBusyError(undefined)).toBe(false);
  });
});
