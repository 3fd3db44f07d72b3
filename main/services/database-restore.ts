import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { ApiContext } from '../api/context';
import { ApiFailure, failed, invalid, notFound } from '../api/envelope';
import { openDb, type Db } from '../../db/connection';
import { describeDbError } from '../../db/errors';
import { integrityProblems } from '../../db/maintenance';
import { ForeignDatabaseError, FutureDatabaseError, LATEST_VERSION, checkOpenable } from '../../db/migrate';
import { assessPendingOutcomes } from './compliance/pending';
import { backUpDatabase, checkDatabase, checkerFor } from './database-care';
import { fullPath } from './ingest/full-path';

export interface DatabaseRestore {
  /** The log, now holding the backup's content. */
  path: string;
  /** The backup read. */
  from: string;
  /** Assets the restored log holds. */
  assets: number;
  /**
   * Where the log as it was before is kept: a checked copy, or the damaged files moved aside. Null when there was
   * no log. Restoring this file undoes the restore.
   */
  keptAs: string | null;
  /** True when the log was too damaged to open and its files were moved aside as `keptAs`, as they were. */
  keptDamaged: boolean;
  restoredAt: string;
}

const SIDE_FILES = ['', '-wal', '-shm'];

/**
 * Replaces the log's content with a backup's. The backup is read without a write (never changed), copied, brought to
 * this GenLog's schema and checked before the log is touched; a backup with problems is refused. The log as it was
 * is kept beside it first (a checked copy; a log too damaged to open is moved aside whole), so a restore can be
 * undone by restoring that. The copy is written into the log through SQLite, as one change other GenLogs see at
 * their next read, never a file swapped under them.
 */
export async function restoreDatabase(ctx: ApiContext, req: { from: string }): Promise<DatabaseRestore> {
  const from = fullPath(ctx, req.from, 'backup file', ['/mnt/backups/genlog-backup.db', 'D:\\backups\\genlog-backup.db']);
  if (!existsSync(from)) throw notFound(`There is no backup at ${from}.`);
  if (statSync(from).isDirectory()) throw invalid(`${from} is a folder; give the backup file in it.`);
  if (existsSync(ctx.dbPath) && realpathSync(from) === realpathSync(ctx.dbPath)) throw invalid(`${from} is the log itself; give a backup of it.`);
  const work = join(dirname(ctx.dbPath), `.restore-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const copy = await preparedCopy(ctx, from, work);
    let kept: { path: string; damaged: boolean } | null;
    try {
      kept = await keepTheLog(ctx);
      await copy.db.backup(ctx.dbPath);
    } finally {
      copy.db.close();
    }
    // Rows of a backup from before compliance was assessed get their outcome, as when such a log is opened.
    assessPendingOutcomes(ctx);
    const problems = (await checkDatabase(ctx)).problems;
    if (problems.length > 0) {
      throw failed(`The log was restored from ${from} but does not check out: ${problems.join(' ')} The log as it was is kept at ${kept?.path ?? '(there was none)'}.`);
    }
    return { path: ctx.dbPath, from, assets: copy.assets, keptAs: kept?.path ?? null, keptDamaged: kept?.damaged ?? false, restoredAt: ctx.now().toISOString() };
  } catch (error) {
    if (error instanceof ApiFailure) throw error;
    throw failed(`The log could not be restored from ${from}: ${describeDbError(error, from) ?? (error as Error).message}`);
  } finally {
    for (const side of SIDE_FILES) rmSync(`${work}${side}`, { force: true });
  }
}

/**
 * Copies the backup to `work` through a read-only connection (a backup holding a -wal is read as one moment), then
 * brings the copy to this GenLog's schema and checks it. Returns the copy, open, and how many assets it holds.
 */
async function preparedCopy(ctx: ApiContext, from: string, work: string): Promise<{ db: Db; assets: number }> {
  let source: Db | undefined;
  try {
    source = new Database(from, { readonly: true, fileMustExist: true, ...ctx.openOptions });
    checkOpenable(source, from, LATEST_VERSION);
    if (source.pragma('user_version', { simple: true }) === 0) throw new ForeignDatabaseError('it is an empty database');
    await source.backup(work);
  } catch (error) {
    throw failed(`${from} cannot be restored, so the log is as it was: ${whyNotABackup(error)}`);
  } finally {
    source?.close();
  }
  // Brought to this GenLog's schema here, then checked on a thread of its own like any log.
  openDb(work, ctx.openOptions).close();
  const checker = checkerFor(ctx)(work);
  let assets: number;
  try {
    const problems = await integrityProblems(checker);
    if (problems.length > 0) {
      throw failed(`The backup ${from} does not check out, so it was not restored (the log is as it was): ${problems.join(' ')}`);
    }
    assets = ((await checker.all('SELECT count(*) AS n FROM assets')) as [{ n: number }])[0].n;
  } finally {
    await checker.close();
  }
  return { db: openDb(work, { ...ctx.openOptions, migrate: false }), assets };
}

/** Why a file is no backup to restore, in words about that file (not about --db, as opening a log says). */
function whyNotABackup(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (error instanceof FutureDatabaseError) return `${error.message.replace(/^This database/, 'it').replace(/ Update GenLog to open it; it has not been modified\.$/, '')} Update GenLog to restore it.`;
  if (error instanceof ForeignDatabaseError) return 'it is not a GenLog log (an SQLite file of another program, or an empty one).';
  if (code === 'SQLITE_NOTADB') return 'it is not a GenLog log (not an SQLite file at all).';
  if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')) return `it is damaged (${(error as Error).message}).`;
  return `${(error as Error).message}.`;
}

/** Keeps the log as it is before it is replaced; the name says when: genlog-before-restore-2026-12-08T031502.db. */
async function keepTheLog(ctx: ApiContext): Promise<{ path: string; damaged: boolean } | null> {
  if (!existsSync(ctx.dbPath)) return null;
  const stamp = ctx.now().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '').replace(/^(\d{4})(\d{2})(\d{2})/, '$1-$2-$3');
  const stem = join(dirname(ctx.dbPath), `${basename(ctx.dbPath, extname(ctx.dbPath))}-before-restore-${stamp}`);
  // Two restores in one second (undoing one at once) each keep their own.
  let base = stem;
  for (let n = 2; SIDE_FILES.some((side) => existsSync(`${base}.db${side}`) || existsSync(`${base}-damaged.db${side}`)); n += 1) base = `${stem}-${n}`;
  const damaged = openingError(ctx);
  if (!damaged) return { path: (await backUpDatabase(ctx, { out: `${base}.db` })).path, damaged: false };
  // A log too damaged to open cannot be copied through SQLite: its files are moved aside, as they are.
  const aside = `${base}-damaged.db`;
  for (const side of SIDE_FILES) if (existsSync(`${ctx.dbPath}${side}`)) renameSync(`${ctx.dbPath}${side}`, `${aside}${side}`);
  return { path: aside, damaged: true };
}

/**
 * Null when the log opens; the error when it is too damaged to (SQLite's "malformed"). Any other failure (another
 * program's database, one from a newer GenLog) is thrown: such a file is not GenLog's to replace.
 */
function openingError(ctx: ApiContext): Error | null {
  try {
    ctx.db.pragma('user_version');
    return null;
  } catch (error) {
    const code = (error as { cause?: { code?: unknown } }).cause?.code ?? (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')) return error as Error;
    throw error;
  }
}
