import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FailedFile } from './inbox-drafts';

/** Longest wait between two retries of a file that stays unreadable (a permission nobody fixes). */
const MAX_RETRY_WAIT_MS = 60_000;

interface Retry {
  /** Failed attempts so far. */
  tries: number;
  /** Rechecks still to let pass before the next one tries the file again. */
  skip: number;
}

/** What a draft of some files said about the ones it could not read. */
interface DraftOutcome {
  errors: string[];
  unreadFiles: string[];
  failedFiles: FailedFile[];
}

/**
 * One watch folder's files that could not be read yet (a frame still locked by the render farm): when to try each
 * again, which were reported already, and the readability checks of files a folder event named. A file is tried again
 * with every other waiting file of its folder, so a sequence stays one draft however its frames became readable.
 */
export class UnreadFiles {
  private readonly retries = new Map<string, Retry>();
  /** Files (or messages naming none) already reported: a retry that fails again says nothing new. */
  private readonly told = new Set<string>();
  /** Files being checked, and whether another event came meanwhile (the chmod may arrive during the check). */
  private readonly checking = new Map<string, boolean>();

  constructor(private readonly recheckMs: number) {}

  /** The waiting files of one folder: they go with any draft of it. */
  inFolder(folder: string): string[] {
    return [...this.retries.keys()].filter((p) => dirname(p) === folder);
  }

  /** Updates the files to try again after drafting `tried`, and returns the errors not reported before. */
  afterDraft(tried: readonly string[], result: DraftOutcome): string[] {
    const stillUnread = new Set(result.unreadFiles);
    for (const p of tried) if (!stillUnread.has(p)) this.retries.delete(p);
    for (const p of stillUnread) {
      const tries = (this.retries.get(p)?.tries ?? 0) + 1;
      this.retries.set(p, { tries, skip: this.rechecksToSkip(tries) });
    }
    // Keyed by the file a message is about: "changed while being read (N bytes…)" differs on every attempt.
    const fileOf = new Map(result.failedFiles.map((f) => [f.message, f.path]));
    const keyOf = (m: string) => fileOf.get(m) ?? m;
    const fresh = result.errors.filter((m) => !this.told.has(keyOf(m)));
    for (const m of result.errors) this.told.add(keyOf(m));
    // A file read at last may be reported again if it fails again later; with nothing left to retry, all is forgotten.
    for (const p of tried) if (!this.retries.has(p)) this.told.delete(p);
    if (this.retries.size === 0) this.told.clear();
    return fresh;
  }

  /**
   * Called at each recheck: the files whose turn it is. Retried at the next recheck after the first failure, then
   * after 1, 3, 7 … rechecks more (twice as long each time), at most about a minute apart. Counted in rechecks, not
   * clock time: a failure always lands just after one. Files of a folder `busy` (waiting for, or being, drafted) are
   * left alone: that draft decides whether they are still unread.
   */
  due(busy: (folder: string) => boolean): string[] {
    const due: string[] = [];
    for (const [path, retry] of this.retries) {
      if (busy(dirname(path))) continue;
      if (retry.skip > 0) retry.skip -= 1;
      else due.push(path);
    }
    return due;
  }

  /**
   * A folder event named `path`: when it is a file this process may not read, it joins the files to retry and
   * `onUnreadable` drafts it now (chokidar drops such a file without an event or an error).
   */
  async check(path: string, onUnreadable: (path: string) => void): Promise<void> {
    if (this.retries.has(path)) return;
    if (this.checking.has(path)) {
      this.checking.set(path, true);
      return;
    }
    this.checking.set(path, false);
    try {
      const s = await stat(path).catch(() => null);
      if (!s?.isFile() || (await access(path, constants.R_OK).then(() => true, () => false))) return;
      this.retries.set(path, { tries: 0, skip: 0 });
      onUnreadable(path);
    } finally {
      const again = this.checking.get(path) === true;
      this.checking.delete(path);
      if (again) void this.check(path, onUnreadable);
    }
  }

  private rechecksToSkip(tries: number): number {
    const most = Math.max(0, Math.ceil(MAX_RETRY_WAIT_MS / this.recheckMs) - 1);
    return Math.min(2 ** Math.min(tries - 1, 30) - 1, most);
  }
}
