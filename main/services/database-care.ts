import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, linkSync, lstatSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fullPath } from './ingest/full-path';
import type { ApiContext } from '../api/context';
import { ApiFailure, conflict, failed, invalid } from '../api/envelope';
import { backUpTo, checkedLog } from '../../db/maintenance';
import { dbRunner } from '../../db/sql-runner';
import { openDbWorker } from './db-worker/db-worker';
import type { SqlRunner } from '../../db/sql-runner';

export interface DatabaseCheck {
  path: string;
  /** True when nothing is wrong. */
  ok: boolean;
  problems: string[];
  assets: number;
  checkedAt: string;
}

export interface DatabaseBackup {
  /** The backup file written. */
  path: string;
  bytes: number;
  /** Assets the copy holds (it was checked after it was written). */
  assets: number;
  /** What the check of the copy found, as `checkDatabase` words it: a copy of a damaged log is damaged alike. */
  problems: string[];
  madeAt: string;
}

/** How a backup file's full path looks, for the app's "give the full path" refusal. */
export const BACKUP_FILE_EXAMPLES = ['/mnt/backups/genlog-backup.db', 'D:\\backups\\genlog-backup.db'];

/** Backups and restores under way in this process: a stop signal (Ctrl+C) cancels them, and they leave no partial file. */
const running = new Set<AbortController>();

/** Cancels every backup and restore under way; each removes its unfinished copies and fails saying it was cancelled. */
export function cancelBackups(): void {
  for (const controller of running) controller.abort();
}

/** A signal cancelBackups() aborts while `work` runs. */
export async function cancellable<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  running.add(controller);
  try {
    return await work(controller.signal);
  } finally {
    running.delete(controller);
  }
}

/** Checks the whole log: every page, the foreign keys, the search index and that it still finds every asset. */
export async function checkDatabase(ctx: ApiContext): Promise<DatabaseCheck> {
  const checker = checkerFor(ctx)(ctx.dbPath);
  try {
    const { problems, assets } = await checkedLog(checker);
    return { path: ctx.dbPath, ok: problems.length === 0, problems, assets, checkedAt: ctx.now().toISOString() };
  } finally {
    await checker.close();
  }
}

/**
 * Where a database file is checked: on a worker thread of its own (a million-asset log takes 30 s, which would
 * stop the app's windows and watch folders), or for a log in memory, which no other thread can see, on its connection.
 */
export function checkerFor(ctx: ApiContext): (file: string) => SqlRunner & { close(): Promise<void> } {
  if (ctx.dbPath !== ':memory:') return (file) => openDbWorker(file, ctx.openOptions);
  return () => ({ ...dbRunner(ctx.db), close: () => Promise.resolve() });
}

/**
 * Writes a copy of the log to `out`, as it is at one moment, while GenLogs elsewhere may go on logging. It never
 * replaces an existing file (an older backup is evidence too) and appears under its name only once written and
 * checked, so a backup interrupted half way leaves nothing that looks like one.
 */
export async function backUpDatabase(ctx: ApiContext, req: { out: string }): Promise<DatabaseBackup> {
  // "x.db/" names a folder: path.resolve would drop the slash and write a file called x.db.
  if (/[\\/]$/.test(req.out.trim())) throw invalid(`${req.out.trim()} ends with a slash, so it names a folder; give the backup a file name in it, such as genlog-backup.db.`);
  const target = fullPath(ctx, req.out, 'backup file', BACKUP_FILE_EXAMPLES);
  const folder = dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw invalid(`Cannot write ${target}: the folder ${folder} does not exist.`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw invalid(`Cannot write ${target}: the folder ${folder} is not writable (permission denied, or read-only media).`);
  }
  // lstat: a link to nothing is a name taken too, and should not cost a whole copy before the refusal.
  const there = lstatSync(target, { throwIfNoEntry: false });
  if (there?.isSymbolicLink() && !existsSync(target)) throw conflict(`${target} is a symbolic link to nothing; a backup never replaces one. Give another name.`);
  if (existsSync(target) && statSync(target).isDirectory()) throw invalid(`${target} is a folder; give the backup a file name in it, such as genlog-backup.db.`);
  if (existsSync(target)) throw conflict(`${target} already exists; a backup never replaces a file. Give a new name, such as one with today's date.`);
  if (target === resolve(ctx.dbPath)) throw invalid(`${target} is the log itself; give the backup another name.`);
  const tmp = join(folder, `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    return await cancellable(async (signal) => {
      const { assets, problems } = await backUpTo(ctx.db, tmp, checkerFor(ctx), signal);
      // Stopped while the copy was checked: it is not put in place either.
      if (signal.aborted) throw new Error('the backup was cancelled');
      putInPlace(tmp, target);
      return { path: target, bytes: statSync(target).size, assets, problems, madeAt: ctx.now().toISOString() };
    });
  } catch (error) {
    if (error instanceof ApiFailure) throw error;
    // A full disk, a share gone, a copy that does not check out: nothing was put at the backup's name.
    throw failed(`The backup ${target} could not be made: ${(error as Error).message}. Nothing was written under that name.`);
  } finally {
    removeWithSideFiles(tmp);
  }
}

/** A database file and what SQLite may keep beside it (its journal, -wal and -shm), gone. */
export function removeWithSideFiles(path: string): void {
  for (const side of ['', '-journal', '-wal', '-shm']) rmSync(`${path}${side}`, { force: true });
}

/**
 * Gives the finished copy its name, never over a file that appeared meanwhile: a hard link fails if the name is
 * taken. Disks without hard links (FAT, some shares) get a rename after one last look.
 */
export function putInPlace(tmp: string, target: string): void {
  try {
    linkSync(tmp, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' || existsSync(target)) {
      throw conflict(`${target} appeared while the backup was written; the backup was not put in its place.`);
    }
    renameSync(tmp, target);
  }
}
