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

  /** Keeps the hashes of one batch as they arrive, every `everyMs`: a process killed outright loses at most that much reading. */
  asRead(everyMs: number): { hashed(path: string, sha256: string): void; settled(): Promise<void> } {
    let notKept = new Map<string, string>();
    let keptAt = Date.now();
    let keeping = Promise.resolve();
    return {
      hashed: (path, sha256) => {
        notKept.set(path, sha256);
        if (Date.now() - keptAt < everyMs) return;
        const hashes = notKept;
        notKept = new Map();
        keptAt = Date.now();
        // Only a shortcut for a later run: failing to write it (a lock held) costs that run time, not this one.
        keeping = keeping.then(() => this.keep(hashes)).catch(() => undefined);
      },
      settled: () => keeping,
    };
  }
}
