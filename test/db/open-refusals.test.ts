import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../db/connection';
import { describeDbError } from '../../db/errors';
import { LATEST_VERSION } from '../../db/migrate';
import { tempDir } from '../support/context';

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** An SQLite file written with a rollback journal (as a newer GenLog on a network share, or another program, may). */
function rollbackJournalDb(setup: (db: Database.Database) => void): string {
  const path = join(tempDir(), 'other.db');
  const raw = new Database(path);
  raw.pragma('journal_mode = DELETE');
  setup(raw);
  raw.close();
  return path;
}

describe('opening a database GenLog must not change', () => {
  it('refuses a database from a newer GenLog byte for byte as it was, its journal mode included', () => {
    const path = rollbackJournalDb((db) => {
      db.exec('CREATE TABLE assets (x INTEGER); CREATE TABLE productions (x INTEGER)');
      db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    });
    const before = digest(path);
    expect(() => openDb(path)).toThrow(/newer version of GenLog.*it has not been modified/);
    expect(digest(path)).toBe(before);
  });

  it('refuses a newer GenLog database left with a -wal file (a crash, a copy of an open log) without folding the -wal in', () => {
    const path = join(tempDir(), 'future.db');
    const writer = new Database(path);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('CREATE TABLE assets (x INTEGER); CREATE TABLE productions (x INTEGER)');
    writer.pragma(`user_version = ${LATEST_VERSION + 1}`);
    writer.exec('INSERT INTO assets VALUES (1)');
    // Copied while open: the database and its -wal as they are, the writer never closed (its close would checkpoint).
    const copy = join(tempDir(), 'copied.db');
    writeFileSync(copy, readFileSync(path));
    writeFileSync(`${copy}-wal`, readFileSync(`${path}-wal`));
    writer.close();
    const [db, wal] = [digest(copy), digest(`${copy}-wal`)];
    expect(() => openDb(copy)).toThrow(/newer version of GenLog.*it has not been modified/);
    expect([digest(copy), digest(`${copy}-wal`)]).toEqual([db, wal]);
  });

  it("refuses another program's SQLite file, naming its tables, and leaves it as it was, whatever its schema version", () => {
    const path = rollbackJournalDb((db) => db.exec('CREATE TABLE notes (x); INSERT INTO notes VALUES (1)'));
    const before = digest(path);
    expect(() => openDb(path)).toThrow(`${path} is an SQLite database but not GenLog's (it holds the table(s) notes). GenLog leaves it as it is: check the --db path or GENLOG_DB.`);
    expect(digest(path)).toBe(before);
    for (const version of [3, LATEST_VERSION, 1000]) {
      const other = rollbackJournalDb((db) => {
        db.exec('CREATE TABLE notes (x); CREATE TABLE assets (y)');
        db.pragma(`user_version = ${version}`);
      });
      const was = digest(other);
      expect(() => openDb(other)).toThrow(`${other} is an SQLite database but not GenLog's (it holds the table(s) assets, notes, schema version ${version}). GenLog leaves it as it is: check the --db path or GENLOG_DB.`);
      expect(digest(other)).toBe(was);
    }
  });

  it('opens an empty file, or a new path, as a new log', () => {
    const path = join(tempDir(), 'empty.db');
    writeFileSync(path, '');
    const db = openDb(path);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });

  it('says in plain words, with the path, that a file is not a database or is damaged, and leaves it as it was', () => {
    const text = join(tempDir(), 'notes.txt');
    writeFileSync(text, 'shopping list: eggs, milk\n'.repeat(200));
    expect(() => openDb(text)).toThrow(new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not a GenLog database: it is not an SQLite file at all \\(file is not a database\\)\\. Check the --db path or GENLOG_DB`));
    expect(readFileSync(text, 'utf8')).toBe('shopping list: eggs, milk\n'.repeat(200));

    const good = join(tempDir(), 'good.db');
    openDb(good).close();
    const truncated = join(tempDir(), 'truncated.db');
    writeFileSync(truncated, readFileSync(good).subarray(0, 4096 + 100));
    const before = digest(truncated);
    expect(() => openDb(truncated)).toThrow(/^The database .*truncated\.db is damaged \(database disk image is malformed\)\. Nothing was written to it\. Restore the latest backup/);
    expect(digest(truncated)).toBe(before);
  });

  it('says why a database path cannot be used: a file in the way of its folder, or a database it cannot open', () => {
    const file = join(tempDir(), 'plain.txt');
    writeFileSync(file, 'x');
    expect(() => openDb(join(file, 'genlog.db'))).toThrow(`Cannot make the folder ${file} for the database ${join(file, 'genlog.db')}: part of that path is a file, not a folder. Check the --db path or GENLOG_DB.`);
    expect(() => openDb(join(file, 'deeper', 'genlog.db'))).toThrow(/: part of that path is a file, not a folder\./);
    expect(readFileSync(file, 'utf8')).toBe('x');
    const links = tempDir();
    symlinkSync(join(links, 'nowhere'), join(links, 'dangling'));
    expect(() => openDb(join(links, 'dangling', 'genlog.db'))).toThrow(`: ${join(links, 'dangling')} is a symbolic link to nothing. Check the --db path or GENLOG_DB.`);
    expect(() => openDb(join(links, 'dangling', 'deeper', 'genlog.db'))).toThrow(`: ${join(links, 'dangling')} is a symbolic link to nothing. Check the --db path or GENLOG_DB.`);
    // A folder that takes no new entries: Node's own recursive mkdir never returned there.
    expect(() => openDb('/proc/genlog/genlog.db')).toThrow('Cannot make the folder /proc/genlog for the database /proc/genlog/genlog.db: /proc takes no new folders.');
    symlinkSync(join(links, 'b'), join(links, 'a'));
    symlinkSync(join(links, 'a'), join(links, 'b'));
    expect(() => openDb(join(links, 'a', 'genlog.db'))).toThrow(/: symbolic links in that path lead back to one another\. Check the --db path or GENLOG_DB\.$/);
    // The database file itself a loop of links.
    expect(() => openDb(join(links, 'a'))).toThrow(`Cannot open the database ${join(links, 'a')}: it is a symbolic link that leads back to itself (a loop of links). Check the --db path or GENLOG_DB.`);
    // SQLite's "unable to open database file" (read-only media, no permission), which tests run as root cannot provoke.
    expect(describeDbError(new Database.SqliteError('unable to open database file', 'SQLITE_CANTOPEN'), '/mnt/delivery/genlog.db')).toBe(
      'Cannot open the database /mnt/delivery/genlog.db (unable to open database file): GenLog needs to read and write the file and to create ' +
      'files beside it in its folder. A database on read-only media (a delivered drive, a read-only share) opens once copied to a writable folder.',
    );
  });
});
