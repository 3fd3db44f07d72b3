import { closeSync, mkdirSync, openSync, readSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiContext } from '../api/context';
import { backUpDatabase, cancelBackups, type DatabaseBackup } from './database-care';

/** How often the desktop app backs the log up by itself, and how many of those backups it keeps. */
export const AUTO_BACKUP = { everyHours: 24, keep: 7 } as const;

const NAME = /^genlog-auto-(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})\.db$/;

export interface AutoBackup {
  path: string;
  /** When it was made, from its name (ISO time). */
  madeAt: string;
  bytes: number;
}

export interface AutoBackups {
  folder: string;
  everyHours: number;
  keep: number;
  /** Newest first. */
  backups: AutoBackup[];
}

/** The automatic backups: `backups/` in the data folder, beside the log. */
export function autoBackupFolder(ctx: Pick<ApiContext, 'dataDir'>): string {
  return join(ctx.dataDir, 'backups');
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0');

function isDatabaseFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(SQLITE_HEADER.length);
      return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** The automatic backups there are, newest first. Files of other names in that folder (a backup put there by hand) are not GenLog's to list or remove. */
export function listAutoBackups(ctx: Pick<ApiContext, 'dataDir'>): AutoBackups {
  const folder = autoBackupFolder(ctx);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    names = [];
  }
  const backups = names.flatMap((name) => {
    const m = NAME.exec(name);
    const path = join(folder, name);
    // Only files that are SQLite databases: a folder or another file given such a name is not GenLog's to remove.
    return m && isDatabaseFile(path) ? [{ path, madeAt: `${m[1]}T${m[2]}:${m[3]}:${m[4]}.000Z`, bytes: statSync(path).size }] : [];
  }).sort((a, b) => b.madeAt.localeCompare(a.madeAt));
  return { folder, everyHours: AUTO_BACKUP.everyHours, keep: AUTO_BACKUP.keep, backups };
}

export interface AutoBackupRound {
  /** The backup made, or null when the newest one is recent enough. */
  made: DatabaseBackup | null;
  /** Older automatic backups removed to keep `keep` of them. */
  removed: string[];
}

/**
 * Backs the log up when the newest automatic backup is a day old (or there is none), then removes the oldest beyond
 * `keep`. A copy that holds the log's problems removes nothing: the older backups may be the last good ones.
 */
export async function backUpIfDue(ctx: ApiContext): Promise<AutoBackupRound> {
  const { folder, backups } = listAutoBackups(ctx);
  const now = ctx.now();
  // Judged by the newest backup not dated in the future: a clock that ran ahead once must not stop the daily backups
  // until that date, nor make one every hour once it is set right.
  const newest = backups.find((b) => Date.parse(b.madeAt) <= now.getTime());
  if (newest && now.getTime() - Date.parse(newest.madeAt) < AUTO_BACKUP.everyHours * 3_600_000) return { made: null, removed: [] };
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`Cannot make the folder ${folder} for the automatic backups: ${code === 'EEXIST' || code === 'ENOTDIR' ? 'a file of that name is in the way' : (error as Error).message}.`, { cause: error });
  }
  const stamp = now.toISOString().replace(/\.\d+Z$/, '').replace(/:/g, '');
  const made = await backUpDatabase(ctx, { out: join(folder, `genlog-auto-${stamp}.db`) });
  if (made.problems.length > 0) return { made, removed: [] };
  // The one just made is kept whatever the dates of the others say.
  const removed = listAutoBackups(ctx).backups.filter((b) => b.path !== made.path).slice(AUTO_BACKUP.keep - 1).map((b) => b.path);
  for (const path of removed) rmSync(path, { force: true });
  return { made, removed };
}

/**
 * Runs backUpIfDue now and then every `checkEveryMs` (an app left open for days is backed up daily). A failure is
 * reported and tried again at the next check. stop() cancels a backup under way (it leaves no file) and waits for it.
 */
export function startAutoBackups(ctx: ApiContext, report: (round: AutoBackupRound | Error) => void, checkEveryMs = 3_600_000): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const round = () => {
    if (stopped) return;
    running = backUpIfDue(ctx).then(report, (error: unknown) => report(error instanceof Error ? error : new Error(String(error))));
  };
  round();
  const timer = setInterval(() => {
    void running.then(round);
  }, checkEveryMs);
  timer.unref?.();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      cancelBackups();
      await running;
    },
  };
}
