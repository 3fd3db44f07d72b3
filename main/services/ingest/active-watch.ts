import { relative, sep } from 'node:path';
import type { FSWatcher } from 'chokidar';
import { isBusyError } from '../../../db/errors';
import type { WatchFolderRow } from '../../../db/watch-folders';
import type { ScannedFile } from '../../ingest';
import { versionKey } from './inbox-drafts';
import type { UnreadFiles } from './unread-files';
import type { CompiledFilter } from './watch-globs';

/** Files of one folder noticed since its last draft, drafted once the folder has been quiet for a while. */
export interface FolderBatch {
  paths: Set<string>;
  /** Files the watcher saw deleted or renamed away: drafts holding only such files leave the inbox. */
  gone: Set<string>;
  /** C2PA sidecar manifests added, changed or removed: the drafts of the files they describe are read again. */
  sidecars: Set<string>;
  firstAt: number;
  timer?: NodeJS.Timeout;
}

/** The batch of files noticed in `folder`, begun at `now` when it has none. */
export function batchOf(a: ActiveWatch, folder: string, now: number): FolderBatch {
  let batch = a.folders.get(folder);
  if (!batch) {
    batch = { paths: new Set(), gone: new Set(), sidecars: new Set(), firstAt: now };
    a.folders.set(folder, batch);
  }
  return batch;
}

/** What the watch runner keeps for each watched folder while it watches it. */
export interface ActiveWatch {
  id: number;
  signature: string;
  watcher: FSWatcher;
  filter: CompiledFilter;
  root: string;
  /** identityOf the folder when watching began: a folder deleted and made again is a new one to watch. */
  identity: string;
  /** The watcher saw the folder itself deleted. */
  lost?: boolean;
  folders: Map<string, FolderBatch>;
  /** Files not readable yet: retried at rechecks, less often the longer they fail, and with any new file beside them. */
  unread: UnreadFiles;
  /**
   * Folders with a draft queued or running, and how many: a retry does not queue them again meanwhile (the draft
   * under way decides whether the file is still unread).
   */
  busy: Map<string, number>;
  /** The watcher was closed: a check finishing late drafts nothing with the old settings. */
  closed?: boolean;
  /** A draft or scan of this folder failed (a database lock): it is scanned again at retryAt, busy or not. */
  rescanDue: boolean;
  /** Drafts and scans failed in a row: a failure that lasts (a full disk) is retried less and less often. */
  failures: number;
  /** When a failed folder is scanned again (ms). */
  retryAt: number;
  /** The last failure was another program's lock on the database: the folder is tried as soon as it is released. */
  waitsOnLock?: boolean;
  /** When the folder was last scanned whole (ms). */
  scannedAt: number;
  /** What the last rescan saw of the files it did not draft, and when it looked (see settledSinceLastLook). */
  lastLook: LastLook;
  /**
   * The last rescan left out a file it saw for the first time, or unchanged for less than the stability time: it
   * looks once more after that time, so a finished file waits seconds, not a whole rescan period (or for ever, with
   * periodic rescans off). A file still changing waits for the next periodic rescan or its events.
   */
  lookAgain: boolean;
  /** That second look may not wait for quiet: the look before it was a failed draft's rescan. */
  lookAgainUrgent: boolean;
  /** A rescan is queued or running. */
  scanning?: boolean;
  /** File versions scans found nothing to draft for (already logged, dismissed): not looked at again (CatchUpOptions.quiet). */
  quiet: Set<string>;
  /** What scans of this folder said already (a broken link, a pipe): a rescan each minute does not say it again. */
  scanWarnings: Set<string>;
}

/** Longest wait between two scans of a folder whose drafts keep failing. */
const MAX_FAILURE_WAIT_MS = 60_000;

/**
 * A draft or scan of the folder failed: it is scanned again after a wait that doubles with each failure in a row, from
 * one recheck up to a minute, so a failure that lasts is not retried (and reported) every few seconds all night. A
 * failure on another program's lock is also tried again at the first recheck that finds the lock released
 * (lockReleased). Returns when, in words, for the message.
 */
export function failedLook(a: ActiveWatch, recheckMs: number, error?: unknown, now = Date.now()): string {
  a.failures += 1;
  a.rescanDue = true;
  a.waitsOnLock = isBusyError(error);
  const wait = Math.min(recheckMs * 2 ** Math.min(a.failures - 1, 20), Math.max(MAX_FAILURE_WAIT_MS, recheckMs));
  a.retryAt = now + wait;
  const at = wait < 10_000 ? 'in a few seconds' : `in ${Math.round(wait / 1000)} s`;
  return a.waitsOnLock && wait > recheckMs ? `${at} at the latest (sooner once the lock is released)` : at;
}

/** The lock a failed folder waits on was released: it is scanned at this recheck instead of after its wait. */
export function lockReleased(a: ActiveWatch, now = Date.now()): void {
  a.waitsOnLock = false;
  a.retryAt = Math.min(a.retryAt, now);
}

/** A draft or scan of the folder succeeded: a failed folder is scanned again at the next recheck, not after its wait. */
export function succeededLook(a: ActiveWatch): void {
  a.failures = 0;
  a.waitsOnLock = false;
  a.retryAt = 0;
}

/** The settings a watcher was opened with: when they change, the folder is watched again with the new ones. */
export function signatureOf(w: WatchFolderRow): string {
  return [w.path, w.recursive, w.include_globs, w.exclude_globs].join('\0');
}

/** Scan warnings a scan of this folder has not given yet; a folder whose warnings keep changing forgets old ones. */
export function unsaid(a: ActiveWatch, errors: readonly string[]): string[] {
  const fresh = errors.filter((m) => !a.scanWarnings.has(m));
  if (a.scanWarnings.size > 1000) a.scanWarnings.clear();
  for (const m of fresh) a.scanWarnings.add(m);
  return fresh;
}

/** A path under the watched folder as its globs see it: relative, with forward slashes. */
export function relativeOf(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/** Per path, the version a rescan saw and since when rescans have seen that version. */
export interface LastLook {
  at: number;
  seen: Map<string, { key: string; since: number }>;
}

/** A clock a few seconds ahead (a share's) still counts a file modified "now" as being written. */
const CLOCK_SLACK_MS = 2000;

/**
 * The catch-up scan's test when a watch starts: a file modified within the stability time may still be being written
 * (a render going on while the app starts), so it is left out; its writes' events draft it once finished, and a
 * second look after the stability time drafts it if none come (it was finished after all). A file modified further
 * in the future is one of a share whose clock is ahead: drafted, as before, rather than left for a rescan that may be
 * switched off.
 */
export function writingTest(a: ActiveWatch, stabilityMs: number): { settled: (file: ScannedFile) => boolean; deferred: () => number } {
  const seen: LastLook['seen'] = new Map();
  return {
    settled: (file) => {
      const now = Date.now();
      const writing = file.mtimeMs > now - stabilityMs && file.mtimeMs <= now + CLOCK_SLACK_MS;
      if (!writing) return true;
      seen.set(file.path, { key: versionKey(file), since: now });
      a.lastLook = { at: now, seen };
      a.lookAgain = true;
      return false;
    },
    deferred: () => seen.size,
  };
}

/** A rescan's test of which files are finished, and after the scan, whether a file it left out is worth another look soon. */
export interface SettledTest {
  settled: (file: ScannedFile) => boolean;
  worthLookingAgain: () => boolean;
}

/**
 * Files a draft failed on (another program's lock) were finished when drafted: their events come once writing stops.
 * The rescan that retries them counts them as seen unchanged since then, and drafts them at once instead of looking
 * twice (a second recheck after the lock went). A file changed meanwhile is a new version, tested as any other.
 */
export function seenFinished(a: ActiveWatch, files: readonly ScannedFile[], stabilityMs: number, now = Date.now()): void {
  for (const f of files) a.lastLook.seen.set(f.path, { key: versionKey(f), since: now - stabilityMs });
}

/**
 * A rescan's test of whether a file is finished: rescans have seen it with the same size and modification time for
 * at least the stability time, and it was not modified within that time. The modification time alone is not enough:
 * on a network share whose server clock is behind, a file still being written looks old.
 */
export function settledSinceLastLook(a: ActiveWatch, stabilityMs: number): SettledTest {
  const at = Date.now();
  const previous = a.lastLook.seen;
  const seen: LastLook['seen'] = new Map();
  a.lastLook = { at, seen };
  let worthLookingAgain = false;
  return {
    settled: (file) => {
      const key = versionKey(file);
      const before = previous.get(file.path);
      const since = before?.key === key ? before.since : at;
      seen.set(file.path, { key, since });
      const old = file.mtimeMs <= at - stabilityMs;
      const settled = at - since >= stabilityMs && old;
      // Seen for the first time, or unchanged but not for long enough yet: worth another look soon. One still changing,
      // or modified "later" by a clock ahead of this one, waits for the next periodic rescan or its events.
      if (!settled && (before === undefined || (since < at && old))) worthLookingAgain = true;
      return settled;
    },
    worthLookingAgain: () => worthLookingAgain,
  };
}
