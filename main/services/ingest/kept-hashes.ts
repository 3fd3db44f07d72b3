import type { ApiContext } from '../../api/context';
import { inTransaction } from '../../../db/connection';
import { mtimeKey, rememberHashes, type FileVersion } from '../../../db/file-index';
import { currentVersions } from '../../ingest';

/**
 * Hashes of files an ingest read whole, written to the file index even when their batch logs nothing (cancelled, a
 * failure, the process killed), so the next run does not read those files again. Only files still as they were
 * listed are kept: one changed while it was read has no hash worth trusting.
 */
export class KeptHashes {
  constructor(private readonly ctx: ApiContext, private readonly versions: ReadonlyMap<string, FileVersion>) {}

  /** Writes the hashes of these files that are unchanged since they were listed. */
  async keep(read: ReadonlyMap<string, string>): Promise<void> {
    const now = await currentVersions([...read.keys()]);
    const unchanged = now.flatMap((v) => {
      const listed = this.versions.get(v.path);
      return listed && v.size === listed.size && mtimeKey(v.mtimeMs) === mtimeKey(listed.mtimeMs) ? [listed] : [];
    });
    if (unchanged.length === 0) return;
    const at = this.ctx.now().toISOString();
    inTransaction(this.ctx.db, () => rememberHashes(this.ctx.db, this.versions, unchanged.map((v) => [v.path, read.get(v.path) as string] as const), at));
  }

  /**
   * Keeps the hashes of one batch as they arrive, once `every.bytes` have been read or `every.ms` have passed since
   * the last keeping (a timer, so a hash read just before a long file is not held back by it): a process killed
   * outright loses at most that much reading. Not at every file: each write moves the database's change stamp, and
   * every open window reloads what it shows.
   */
  asRead(every: { ms: number; bytes: number }): { hashed(path: string, sha256: string, size: number): void; settled(): Promise<void> } {
    let notKept = new Map<string, string>();
    let bytes = 0;
    let keptAt = Date.now();
    let keeping = Promise.resolve();
    let timer: NodeJS.Timeout | undefined;
    const keepNow = () => {
      clearTimeout(timer);
      timer = undefined;
      const hashes = notKept;
      notKept = new Map();
      bytes = 0;
      keptAt = Date.now();
      // Only a shortcut for a later run: failing to write it (a lock held) costs that run time, not this one.
      if (hashes.size > 0) keeping = keeping.then(() => this.keep(hashes)).catch(() => undefined);
    };
    return {
      hashed: (path, sha256, size) => {
        notKept.set(path, sha256);
        bytes += size;
        const waited = Date.now() - keptAt;
        if (bytes >= every.bytes || waited >= every.ms) return keepNow();
        timer ??= setTimeout(keepNow, every.ms - waited);
        timer.unref?.();
      },
      settled: () => {
        clearTimeout(timer);
        timer = undefined;
        return keeping;
      },
    };
  }
}
