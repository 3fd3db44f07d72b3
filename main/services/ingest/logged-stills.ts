import { basename, dirname, join } from 'node:path';
import type { Db } from '../../../db/connection';
import { loggedFilesStartingWith } from '../../../db/asset-frames';
import type { FileVersion } from '../../../db/file-index';
import { currentVersions, frameOfFile } from '../../ingest';

/**
 * Frames the log holds as single files (a first frame confirmed on its own before the rest was rendered) of the
 * sequences these lone new files are numbered in, as they are on disk now. Grouped with them, two late frames make
 * the sequence they belong to, as logging the folder again would, instead of two lone files: a watch drafts only
 * what is new, so without them the frames in the log are not there to group with.
 */
export async function loggedStillsBeside(db: Db, productionId: number, lone: readonly string[]): Promise<FileVersion[]> {
  const sequences = new Map<string, Set<string>>();
  for (const path of lone) {
    const frame = frameOfFile(path);
    if (!frame) continue;
    for (const sequence of frame.sequencePaths) {
      const name = basename(sequence);
      const prefix = join(dirname(sequence), name.slice(0, name.indexOf('#')));
      sequences.set(prefix, (sequences.get(prefix) ?? new Set()).add(sequence));
    }
  }
  const stills = new Set<string>();
  for (const [prefix, wanted] of sequences) {
    for (const row of loggedFilesStartingWith(db, productionId, prefix)) {
      if (!lone.includes(row.path) && frameOfFile(row.path)?.sequencePaths.some((p) => wanted.has(p))) stills.add(row.path);
    }
  }
  return stills.size > 0 ? currentVersions([...stills]) : [];
}
