import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, lstatSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { ApiContext } from '../api/context';
import { ApiFailure, failed, invalid, notFound } from '../api/envelope';
import { makeFolderFor, openDb } from '../../db/connection';
import { describeDbError } from '../../db/errors';
import { checkedLog } from '../../db/maintenance';
import { ForeignDatabaseError, FutureDatabaseError, LATEST_VERSION, checkOpenable } from '../../db/migrate';
import { assessPendingOutcomes } from './compliance/pending';
import { BACKUP_FILE_EXAMPLES, cancellable, checkDatabase, putInPlace, removeWithSideFiles } from './database-care';
import { replaceContent } from './db-worker/replace-content';
import { openDbWorker, type DbWorker } from './db-worker/db-worker';
import { fullPath } from './ingest/full-path';
import { nextStep } from '../api/next-step';

export interface DatabaseRestore {
  /** The log, now holding the backup's content. */
  path: string;
  /** The backup read. */
  from: string;
  /** Assets the restored log holds. */
  assets: number;
  /**
   * Where the log as it was before is kept: a copy, or the damaged files moved aside. Null when there was no log.
   * Restoring this file undoes the restore.
   */
  keptAs: string | null;
  /** True when the log was too damaged to copy and its files were moved aside as `keptAs`, as they were. */
  keptDamaged: boolean;
  restoredAt: string;
}

const SIDE_FILES = ['', '-wal', '-shm'];

/**
 * Replaces the log's content with a backup's. The backup is copied (never opened where it is, never changed), brought
 * to this GenLog's schema and checked before the log is touched; a backup with problems is refused. Then, on a thread
 * of its own (a large log takes minutes), the log's write lock is taken, the log as it is copied aside while it is
 * held (so nothing another GenLog logs can fall between the copy and the replacement), and the content replaced in one
 * transaction. Other GenLogs with the log open read the restored content at their next read. A log too damaged to copy
 * is moved aside whole instead. Ctrl+C (cancelBackups) stops it before that transaction commits, leaving the log as it was.
 */
export async function restoreDatabase(ctx: ApiContext, req: { from: string }): Promise<DatabaseRestore> {
  const from = fullPath(ctx, req.from, 'backup file', BACKUP_FILE_EXAMPLES);
  if (!existsSync(from)) {
    const link = lstatSync(from, { throwIfNoEntry: false })?.isSymbolicLink() === true;
    throw notFound(`There is no backup at ${from}${link ? ' (a symbolic link to nothing, or a loop of links)' : ''}.`);
  }
  if (statSync(from).isDirectory()) throw invalid(`${from} is a folder; give the backup file in it.`);
  if (existsSync(ctx.dbPath) && realpathSync(from) === realpathSync(ctx.dbPath)) throw invalid(`${from} is the log itself; give a backup of it.`);
  makeFolderFor(ctx.dbPath);
  const folder = dirname(ctx.dbPath);
  const work = join(folder, `.restore-${randomBytes(4).toString('hex')}.tmp`);
  const leftovers = [work];
  // Once the log is replaced, a failure after it must not say the log is as it was.
  let restored: { path: string; damaged: boolean } | null | undefined;
  const keptSaid = () => (restored ? ` The log as it was is kept at ${restored.path}.` : '');
  try {
    return await cancellable(async (signal) => {
      const assets = await preparedCopy(ctx, from, work, signal);
      if (signal.aborted) throw new Error('the restore was cancelled');
      restored = await replaceLog(ctx, work, signal, leftovers);
      // Rows of a backup from before compliance was assessed get their outcome, as when such a log is opened.
      assessPendingOutcomes(ctx);
      const problems = (await checkDatabase(ctx)).problems;
      if (problems.length > 0) throw failed(`The log was restored from ${from} but does not check out: ${problems.join(' ')}${keptSaid()}`);
      return { path: ctx.dbPath, from, assets, keptAs: restored?.path ?? null, keptDamaged: restored?.damaged ?? false, restoredAt: ctx.now().toISOString() };
    });
  } catch (error) {
    if (error instanceof ApiFailure) throw error;
    const why = (describeDbError(error, ctx.dbPath) ?? (error as Error).message).replace(/\.$/, '');
    if (restored !== undefined) throw failed(`The log was restored from ${from}, but checking it afterwards failed: ${why}. ${nextStep(ctx, { cli: 'Run genlog db check.', app: 'Check the log again.' })}${keptSaid()}`);
    throw failed(`The log could not be restored from ${from}: ${why}. The log is as it was.`);
  } finally {
    for (const path of leftovers) removeWithSideFiles(path);
  }
}

/**
 * Copies the backup (and a -wal beside it) to `work`, so it is opened where GenLog may write and never changed where
 * it is; refuses what is no GenLog log; brings the copy to this GenLog's schema and checks it. How many assets it holds.
 */
async function preparedCopy(ctx: ApiContext, from: string, work: string, signal: AbortSignal): Promise<number> {
  try {
    copyFileSync(from, work);
    if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${work}-wal`);
  } catch (error) {
    throw failed(`Cannot copy ${from} beside the log in ${dirname(work)}: ${(error as Error).message}. The log is as it was.`);
  }
  let source: Database.Database | undefined;
  try {
    source = new Database(work, { fileMustExist: true, ...ctx.openOptions });
    checkOpenable(source, from, LATEST_VERSION);
    if (source.pragma('user_version', { simple: true }) === 0) throw new ForeignDatabaseError('it is an empty database');
  } catch (error) {
    throw failed(`${from} cannot be restored, so the log is as it was: ${whyNotABackup(error)}`);
  } finally {
    source?.close();
  }
  // Brought to this GenLog's schema here, then checked on a thread of its own like any log.
  openDb(work, ctx.openOptions).close();
  const checker = openDbWorker(work, ctx.openOptions);
  // A check of a large backup takes minutes: a stop ends it at once.
  const stop = () => void checker.terminate();
  signal.addEventListener('abort', stop);
  try {
    const { problems, assets } = await checkedLog(checker);
    if (signal.aborted) throw new Error('the restore was cancelled');
    if (problems.length > 0) {
      throw failed(`The backup ${from} does not check out, so it was not restored (the log is as it was): ${problems.join(' ')}`);
    }
    return assets;
  } catch (error) {
    if (signal.aborted) throw new Error('the restore was cancelled', { cause: error });
    throw error;
  } finally {
    signal.removeEventListener('abort', stop);
    await checker.close();
  }
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

/** genlog-before-restore-2026-12-08T031502.db beside the log, -2, -3… for restores within one second. */
function keptName(ctx: ApiContext, damaged: boolean): string {
  const stamp = ctx.now().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '').replace(/^(\d{4})(\d{2})(\d{2})/, '$1-$2-$3');
  const stem = join(dirname(ctx.dbPath), `${basename(ctx.dbPath, extname(ctx.dbPath))}-before-restore-${stamp}`);
  const taken = (base: string) => SIDE_FILES.some((side) => existsSync(`${base}.db${side}`) || existsSync(`${base}-damaged.db${side}`));
  let base = stem;
  for (let n = 2; taken(base); n += 1) base = `${stem}-${n}`;
  return `${base}${damaged ? '-damaged' : ''}.db`;
}

const isDamage = (error: unknown) => /^SQLITE_(CORRUPT|NOTADB)/.test(String((error as { code?: unknown }).code ?? ''));

/**
 * Puts the checked copy `work` in the log's place, keeping the log as it was. A log that is not there takes the copy
 * as it is; a log too damaged to copy is moved aside whole.
 */
async function replaceLog(ctx: ApiContext, work: string, signal: AbortSignal, leftovers: string[]): Promise<{ path: string; damaged: boolean } | null> {
  if (!existsSync(ctx.dbPath) || statSync(ctx.dbPath).size === 0) {
    ctx.close?.();
    putCopyInPlace(ctx, work);
    return null;
  }
  const log = openDbWorker(ctx.dbPath, ctx.openOptions);
  try {
    return { path: await keepAndReplace(ctx, log, work, signal, leftovers), damaged: false };
  } catch (error) {
    if (!isDamage(error)) throw error;
    await log.terminate();
    return moveDamagedAside(ctx, work);
  } finally {
    await log.close().catch(() => undefined);
  }
}

/**
 * Takes the log's write lock on `log` (its own thread), and while holding it copies the log aside through a second
 * connection (readers are not kept out by the lock, writers are, so the copy holds everything logged before and
 * nothing can be logged between the copy and the replacement), gives the copy its name, then replaces the content
 * with `work`'s and commits. A stop before the commit ends the thread, which rolls the transaction back, and removes
 * the copy. Returns the kept copy's path.
 */
async function keepAndReplace(ctx: ApiContext, log: DbWorker, work: string, signal: AbortSignal, leftovers: string[]): Promise<string> {
  let committing = false;
  const stop = () => { if (!committing) void log.terminate(); };
  signal.addEventListener('abort', stop);
  const target = keptName(ctx, false);
  const keptTmp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  leftovers.push(keptTmp);
  let kept: string | null = null;
  try {
    await log.run('ATTACH DATABASE ? AS restore_src', [work]);
    await log.exec('BEGIN IMMEDIATE');
    await copyOfLog(ctx, log, keptTmp);
    if (signal.aborted) throw new Error('the restore was cancelled');
    kept = keptUnderFreeName(ctx, keptTmp, target);
    // Named now, before the log changes: a power cut after the commit leaves the copy where the user looks for it.
    leftovers.splice(leftovers.indexOf(keptTmp), 1);
    await replaceContent(log);
    if (signal.aborted) throw new Error('the restore was cancelled');
    committing = true;
    await log.exec('COMMIT');
    return kept;
  } catch (error) {
    // Not restored: the copy of the log as it is would only confuse.
    if (!committing && kept) rmSync(kept, { force: true });
    if (signal.aborted && !committing) throw new Error('the restore was cancelled', { cause: error });
    throw error;
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

/**
 * The log as it is, copied to `file` through a connection of its own while `log` holds the write lock, made one
 * self-contained file, and compared with what `log` sees: SQLite's backup can end early without a word when it meets
 * a busy database, and a copy missing rows must never stand for the log as it was.
 */
async function copyOfLog(ctx: ApiContext, log: DbWorker, file: string): Promise<void> {
  const reader = openDbWorker(ctx.dbPath, ctx.openOptions);
  try {
    await reader.backup(file);
  } finally {
    await reader.close();
  }
  const copy = openDbWorker(file);
  try {
    await copy.pragma('journal_mode = DELETE');
    const summary = 'SELECT (SELECT count(*) FROM assets) AS assets, (SELECT coalesce(max(id), 0) FROM assets) AS last, (SELECT count(*) FROM asset_events) AS events';
    const [theirs, ours] = await Promise.all([copy.all(summary), log.all(summary)]);
    if (JSON.stringify(theirs) !== JSON.stringify(ours)) throw new Error('the copy of the log as it was came out incomplete; nothing was changed');
  } finally {
    await copy.close();
  }
}

/**
 * The kept copy under `target`, or the next free name if another restore took that one meanwhile (a name is only
 * taken at the last moment, never over a file).
 */
function keptUnderFreeName(ctx: ApiContext, keptTmp: string, target: string): string {
  for (let name = target; ; name = keptName(ctx, false)) {
    try {
      putInPlace(keptTmp, name);
      rmSync(keptTmp, { force: true });
      return name;
    } catch (error) {
      // A disk that refuses both a link and a rename: the copy stays under its temporary name, which is said.
      if (!(error instanceof ApiFailure) || error.code !== 'conflict') return keptTmp;
    }
  }
}


/** The damaged log's files, renamed as they are; the checked copy takes its name; the next use of the log opens it. */
function moveDamagedAside(ctx: ApiContext, work: string): { path: string; damaged: boolean } {
  const aside = keptName(ctx, true);
  ctx.close?.();
  for (const side of SIDE_FILES) if (existsSync(`${ctx.dbPath}${side}`)) renameSync(`${ctx.dbPath}${side}`, `${aside}${side}`);
  putCopyInPlace(ctx, work);
  return { path: aside, damaged: true };
}

/** The checked copy under the log's name, never over a file that appeared meanwhile. */
function putCopyInPlace(ctx: ApiContext, work: string): void {
  const db = openDb(work, { ...ctx.openOptions, migrate: false });
  db.pragma('journal_mode = DELETE');
  db.close();
  putInPlace(work, ctx.dbPath);
}
