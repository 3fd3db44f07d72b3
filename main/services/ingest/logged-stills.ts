import { basename, dirname, sep } from 'node:path';
import type { Db } from '../../../db/connection';
import { isLoggedStill, loggedFilesStartingWith } from '../../../db/asset-frames';
import { knownHashes, type FileVersion } from '../../../db/file-index';
import { currentVersions, frameOfFile, groupSequences, itemPaths, looksLikeVariation, withinFrameGap, type GroupOptions, type IngestItem } from '../../ingest';

/**
 * Frames the log holds as single files (a first frame confirmed on its own before the rest was rendered) of the
 * sequences these lone new files are numbered in, as they are on disk now. Grouped with them, two late frames make
 * the sequence they belong to, as logging the folder again would, instead of two lone files: a watch drafts only
 * what is new, so without them the frames in the log are not there to group with.
 *
 * Only stills that can change nothing are taken in: within MAX_FRAME_GAP of a new frame (another render is not
 * looked at, nor stat'ed), unchanged since they were hashed (never read again, so an unreadable one cannot hold the
 * new frames back), and not for names that read as generated variations (Firefly_17.png stays a file of its own
 * however many Firefly_N.png were logged before it).
 */
export async function loggedStillsBeside(db: Db, productionId: number, lone: readonly string[]): Promise<FileVersion[]> {
  const framesOf = new Map<string, Map<string, number[]>>();
  for (const path of lone) {
    const frame = frameOfFile(path);
    if (!frame || looksLikeVariation(path)) continue;
    for (const sequence of frame.sequencePaths) {
      const name = basename(sequence);
      // The separator stays: "0001.png" has no name before its number, and /renders must not match /renders2.
      const prefix = `${dirname(sequence)}${sep}${name.slice(0, name.indexOf('#'))}`;
      const wanted = framesOf.get(prefix) ?? new Map<string, number[]>();
      wanted.set(sequence, [...(wanted.get(sequence) ?? []), frame.frame]);
      framesOf.set(prefix, wanted);
    }
  }
  const isLone = new Set(lone);
  const stills = new Set<string>();
  for (const [prefix, wanted] of framesOf) {
    for (const row of loggedFilesStartingWith(db, productionId, prefix)) {
      if (isLone.has(row.path)) continue;
      const still = frameOfFile(row.path);
      const near = still?.sequencePaths.some((p) => wanted.get(p)?.some((f) => withinFrameGap(f, still.frame)));
      if (near) stills.add(row.path);
    }
  }
  if (stills.size === 0) return [];
  const versions = await currentVersions([...stills]);
  const known = knownHashes(db, versions);
  return versions.filter((v) => known.has(v.path));
}

/**
 * Of these files, those the production logged as themselves (same path, same content, as single files): already in
 * the log and nothing to draft. Left out before files are grouped, so that a catch-up seeing 16 logged Firefly_N.png
 * and 8 new ones groups the 8 alone, as the watcher does while running (24 would count as frames, not variations);
 * the ones a new frame needs to group with are taken in again by loggedStillsBeside.
 */
export function stillsLoggedAsThemselves(db: Db, productionId: number, files: readonly FileVersion[]): Set<string> {
  const known = knownHashes(db, files);
  const logged = new Set<string>();
  for (const f of files) {
    const sha256 = known.get(f.path);
    if (sha256 !== undefined && isLoggedStill(db, productionId, f.path, sha256)) logged.add(f.path);
  }
  return logged;
}

/**
 * A folder's files grouped as groupSequences does, except numbered stills that read as generated variations
 * (Firefly_3.png) which the production logged as themselves: they stay files (found again), as a watch leaves them
 * out (stillsLoggedAsThemselves). Otherwise a 17th variation beside 16 logged ones became a one-frame "sequence"
 * Firefly_#.png only because the folder now held more than 16 of them. In the order the files were listed.
 */
export function groupBesideLoggedVariations(db: Db, productionId: number, files: readonly FileVersion[], options: GroupOptions = {}): IngestItem[] {
  const paths = files.map((f) => f.path);
  const apart = stillsLoggedAsThemselves(db, productionId, files.filter((f) => looksLikeVariation(f.path)));
  if (apart.size === 0) return groupSequences(paths, options);
  const order = new Map(paths.map((p, i) => [p, i]));
  const firstAt = (item: IngestItem) => itemPaths(item).reduce((min, p) => Math.min(min, order.get(p) ?? Infinity), Infinity);
  const items: IngestItem[] = [...groupSequences(paths.filter((p) => !apart.has(p)), options), ...[...apart].map((path) => ({ kind: 'file' as const, path }))];
  return items.map((item) => ({ item, at: firstAt(item) })).sort((a, b) => a.at - b.at).map(({ item }) => item);
}
