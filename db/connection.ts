import Database from 'better-sqlite3';
import { existsSync, lstatSync, mkdirSync, readlinkSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describeDbError } from './errors';
import { LATEST_VERSION, checkOpenable, migrate } from './migrate';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
  /** Skip migrations (used by tests that build an old schema on purpose). */
  migrate?: boolean;
}

/** The database's folder, made if missing; Node's "EEXIST: file already exists, mkdir" does not say what to do. */
export function makeFolderFor(path: string): void {
  const folder = dirname(path);
  try {
    makeFolders(folder);
  } catch (error) {
    throw new Error(`Cannot make the folder ${folder} for the database ${path}: ${whyNoFolder(error)}. Check the --db path or GENLOG_DB.`, { cause: error });
  }
}

function whyNoFolder(error: unknown): string {
  const { code, path } = error as NodeJS.ErrnoException;
  if (code === 'ENOENT' && path && lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) return `${path} is a symbolic link to nothing`;
  // mkdir answers ENOENT, its parent being there, where a folder takes no new entries (/proc).
  if (code === 'ENOENT' && path && existsSync(dirname(path))) return `${dirname(path)} takes no new folders`;
  return pathCodeInWords(code) ?? (error as Error).message;
}

/** Why a --db path cannot be followed, from the system's error code, in words; undefined for other codes. */
export function pathCodeInWords(code: string | undefined): string | undefined {
  return code === 'EEXIST' || code === 'ENOTDIR' ? 'part of that path is a file, not a folder'
    : code === 'ENOENT' ? 'part of that path is a symbolic link to nothing'
    : code === 'ELOOP' ? 'symbolic links in that path lead back to one another'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EROFS' ? 'the disk is read-only'
    : undefined;
}

/**
 * mkdir -p, one level at a time from the nearest folder that exists. Node's recursive mkdir never returns under a
 * folder that refuses new entries with ENOENT (/proc): it keeps making the parent that is already there.
 */
function makeFolders(folder: string): void {
  const missing: string[] = [];
  let at = folder;
  for (; !existsSync(at) && dirname(at) !== at; at = dirname(at)) missing.unshift(at);
  if (!statSync(at).isDirectory()) throw Object.assign(new Error(`${at} is a file`), { code: 'ENOTDIR', path: at });
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A link to nothing stands there (stat fails), or another GenLog starting at the same moment made the folder.
      const there = statSync(level, { throwIfNoEntry: false });
      if (!there) throw Object.assign(new Error(`${level} is a symbolic link to nothing`), { code: 'ENOENT', path: level });
      if (!there.isDirectory()) throw error;
    }
  }
}

/** What stands at a database path that SQLite could not open, when it is not a file: " (it is a folder)". */
function whatIsThere(path: string): string {
  if (existsSync(path)) return statSync(path).isDirectory() ? ' (it is a folder)' : '';
  if (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() !== true) return '';
  const target = resolve(dirname(path), readlinkSync(path));
  return ` (it is a symbolic link to ${target}, ${existsSync(dirname(target)) ? 'which cannot be created there' : 'in a folder that does not exist'})`;
}

/**
 * Opens (and creates) the GenLog database. The log is an evidence record, so we want WAL for crash safety with
 * concurrent readers (the desktop app and a CLI in a render-node script), foreign keys enforced, and a busy
 * timeout so a second process waits instead of failing.
 */
export function openDb(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:') makeFolderFor(path);
  if (options.migrate !== false) probeExisting(path, options);
  let db: Db;
  try {
    db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    // SQLite's own words ("unable to open database file") do not say which file.
    throw new Error(`Cannot open the database ${path}: ${(error as Error).message}${whatIsThere(path)}.`, { cause: error });
  }
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    // 64 MB of page cache instead of SQLite's 2 MB: a 1M-asset log has a dozen indexes, and with the default cache
    // bulk logging and search spent their time re-reading the same index pages from the OS.
    db.pragma('cache_size = -65536');
    // Statement journals and sort scratch in memory: a bulk log's multi-row statements otherwise spill their
    // statement journal to a temp file on every statement.
    db.pragma('temp_store = MEMORY');
    if (options.migrate !== false) migrate(db);
  } catch (err) {
    db.close();
    const plain = describeDbError(err, path);
    throw plain ? new Error(plain, { cause: err }) : err;
  }
  return db;
}

/**
 * Looks at an existing database through a read-only connection first: a database from a newer GenLog, or another
 * program's, is refused exactly as it was found. A read-write connection would already change it: WAL mode is
 * written into the header, and closing folds a leftover -wal file into the database.
 */
/** The file's stats, or undefined when there is none; a path that cannot be followed is said in words. */
function statOrSay(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOOP') throw error;
    throw new Error(`Cannot open the database ${path}: it is a symbolic link that leads back to itself (a loop of links). Check the --db path or GENLOG_DB.`, { cause: error });
  }
}

function probeExisting(path: string, options: OpenOptions): void {
  const file = path === ':memory:' ? undefined : statOrSay(path);
  // A new path or an empty file is a new log; a folder is reported when it is opened.
  if (!file || file.isDirectory() || file.size === 0) return;
  let probe: Db;
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  } catch (error) {
    throw new Error(describeDbError(error, path) ?? `Cannot open the database ${path}: ${(error as Error).message}.`, { cause: error });
  }
  try {
    probe.pragma('busy_timeout = 5000');
    checkOpenable(probe, path, LATEST_VERSION);
  } catch (error) {
    const plain = describeDbError(error, path);
    throw plain ? new Error(plain, { cause: error }) : error;
  } finally {
    probe.close();
  }
}

/** Runs fn in a transaction: every multi-row change goes through here so a crash never leaves half a change. */
export function inTransaction<T>(db: Db, fn: () => T): T {
  // IMMEDIATE: the write lock is taken at BEGIN, where the busy timeout applies. A deferred transaction that reads
  // and then writes fails at once with "database is locked" when another process (a render node's CLI) committed
  // in between, because WAL cannot upgrade a stale snapshot; waiting would not help it.
  return db.transaction(fn).immediate();
}

/** Runs fn, which only reads, on one consistent snapshot without taking the write lock other processes need. */
export function inReadTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).deferred();
}

/**
 * Whether this connection could take the write lock right now, asked without waiting (no busy timeout, rolled back at
 * once): lets a writer that failed on another program's lock try again as soon as it is released, without blocking
 * for the busy timeout at every look. False on any failure, and inside a transaction (the lock is this one's).
 */
export function writeLockFree(db: Db): boolean {
  if (db.inTransaction) return false;
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
    return true;
  } catch {
    return false;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}
