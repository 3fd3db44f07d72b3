import { basename, dirname, join } from 'node:path';
import type { Db } from '../../../db/connection';
import { listFrames, loggedFilesStartingWith, loggedSequencesAt, pathsWithLoggedSequences, type LoggedSequence } from '../../../db/asset-frames';
import { MAX_FRAME_GAP, frameOfFile, mayTakeFrames, type IngestItem, type SequenceFrame } from '../../ingest';
import { itemPath } from './hashed-items';
import { framesPhrase } from '../../format/frame-counts';
import { gapsBetween, gatherLoneFrames } from './gather-frames';

/** A sequence already in the log: the assets holding its frames, and which frames they hold. */
export interface EarlierFrames {
  assets: LoggedSequence[];
  frames: Set<number>;
  /** The lowest and highest logged frame (null when none): spreading a million-frame set overflows the stack. */
  span: { first: number; last: number } | null;
  /** Per frame number, the content logged for it (a re-render logs a frame again) and the assets holding it. */
  logged: Map<number, { sha256: Set<string>; assets: Set<number> }>;
}

/**
 * What the production's log holds of the sequence at `path` (e.g. /renders/shot_v001.####.exr): its sequence assets,
 * and frames logged on their own as single files (a first frame logged before the others were rendered), which are
 * frames of it as much as the others.
 */
function earlierFramesAt(db: Db, productionId: number, path: string): EarlierFrames {
  const assets = loggedSequencesAt(db, productionId, path);
  const logged: EarlierFrames['logged'] = new Map();
  const hold = (frame: number, sha256: string, assetId: number) => {
    const held = logged.get(frame) ?? { sha256: new Set<string>(), assets: new Set<number>() };
    held.sha256.add(sha256);
    held.assets.add(assetId);
    logged.set(frame, held);
  };
  for (const a of assets) for (const f of listFrames(db, a.id)) hold(f.frame, f.sha256, a.id);
  for (const still of loggedStillsOf(db, productionId, path)) {
    hold(still.frame, still.sha256, still.id);
    assets.push({ id: still.id, frame_first: still.frame, frame_last: still.frame });
  }
  let span: EarlierFrames['span'] = null;
  for (const f of logged.keys()) span = span ? { first: Math.min(span.first, f), last: Math.max(span.last, f) } : { first: f, last: f };
  return { assets, frames: new Set(logged.keys()), span, logged };
}

/** Single-file assets that are frames of the sequence at `path`: same folder, name and extension, numbered between. */
function loggedStillsOf(db: Db, productionId: number, path: string): { id: number; sha256: string; frame: number }[] {
  const name = basename(path);
  const hashes = name.indexOf('#');
  if (hashes < 0) return [];
  return loggedFilesStartingWith(db, productionId, join(dirname(path), name.slice(0, hashes))).flatMap((row) => {
    const frame = frameOfFile(row.path);
    return frame?.sequencePaths.includes(path) ? [{ id: row.id, sha256: row.sha256, frame: frame.frame }] : [];
  });
}

/** Loads what the log holds of each sequence path once, for every item of a run that asks about it. */
export function earlierFramesCache(db: Db, productionId: number): (path: string) => EarlierFrames {
  const known = new Map<string, EarlierFrames>();
  return (path) => {
    let found = known.get(path);
    if (!found) {
      found = earlierFramesAt(db, productionId, path);
      known.set(path, found);
    }
    return found;
  };
}

export interface JoinedItems {
  items: IngestItem[];
  /** Items whose sequence is already in the log, with what the log holds of it. */
  continues: Map<IngestItem, EarlierFrames>;
  /** What the log holds at a sequence path, loaded once per path: for the checks made after hashing. */
  earlierAt: (path: string) => EarlierFrames;
}

/**
 * Frames that arrive after their sequence was logged (a render node finishing late, a re-rendered frame) stay with
 * that sequence: one or two of them would otherwise be separate files, so frames whose sequence is in the log become
 * one sequence item whatever their count, and every item that continues a logged sequence names the assets holding
 * its earlier frames.
 */
export function joinLoggedSequences(db: Db, productionId: number, items: readonly IngestItem[]): JoinedItems {
  const loggedAt = earlierFramesCache(db, productionId);
  // One query for all the widths a frame number may be logged under (frame_21.png: frame_##.png or frame_#.png).
  const withLog = new Map<string, Set<string>>();
  /** The first of `paths` holding a logged sequence whose frames are within MAX_FRAME_GAP of these frame numbers, and those frames. */
  const continued = (paths: string[], frames: readonly number[], otherSpellings?: ReadonlySet<string>): { path: string; near: EarlierFrames } | undefined => {
    const key = paths.join('\0');
    let held = withLog.get(key);
    if (!held) {
      held = pathsWithLoggedSequences(db, productionId, paths);
      withLog.set(key, held);
    }
    for (const path of paths) {
      const near = held.has(path) ? nearRun(loggedAt(path), frames) : null;
      if (near && mayTakeFrames(otherSpellings ?? new Set(), path, frames, (f) => near.frames.has(f))) return { path, near };
    }
    return undefined;
  };
  const continues = new Map<IngestItem, EarlierFrames>();
  const sequences = items.map((item) => {
    if (item.kind !== 'sequence') return item;
    // Late frames of an unpadded sequence may be numbered wider than it is written (frame_21… after frame_#.png).
    const lead = frameOfFile((item.frames[0] as SequenceFrame).path);
    const frames = item.frames.map((f) => f.frame);
    const found = continued([...new Set([itemPath(item), ...(lead?.sequencePaths ?? [])])], frames, lead?.otherSpellings);
    const continuing = found && found.path !== itemPath(item) ? { ...item, pattern: basename(found.path) } : item;
    if (found) continues.set(continuing, found.near);
    return continuing;
  });
  const { items: joined, gathered } = gatherLoneFrames(
    sequences,
    (_, frame) => continued(frame.sequencePaths, [frame.frame], frame.otherSpellings)?.path,
    (sequence, frame) => loggedAt(sequence).frames.has(frame),
  );
  for (const [item, sequence] of gathered) {
    const near = item.kind === 'sequence' ? nearRun(loggedAt(sequence), item.frames.map((f) => f.frame)) : null;
    if (near) continues.set(item, near);
  }
  return { items: joined, continues, earlierAt: loggedAt };
}

/** The logged frame numbers in order, worked out once per EarlierFrames: a 100k-frame render is sorted once. */
const sortedCache = new WeakMap<EarlierFrames, number[]>();
function sortedFrames(earlier: EarlierFrames): number[] {
  let sorted = sortedCache.get(earlier);
  if (!sorted) {
    sorted = [...earlier.frames].sort((a, b) => a - b);
    sortedCache.set(earlier, sorted);
  }
  return sorted;
}

/**
 * What the log holds of the render these frames belong to: the logged frames linked to them by gaps of at most
 * MAX_FRAME_GAP frames (as groupSequences splits renders), with the assets holding them; null when none is. Logged
 * frames farther away are another render at the same name (frames 1-3 and 5000-5002 logged, 2500 arriving: neither).
 */
export function nearRun(earlier: EarlierFrames, frames: readonly number[]): EarlierFrames | null {
  if (!earlier.span || frames.length === 0) return null;
  const inLog = sortedFrames(earlier);
  const mine = [...new Set(frames)].sort((a, b) => a - b);
  const near = new Set<number>();
  let run: number[] = [];
  let touches = false;
  let previous: number | undefined;
  const close = () => {
    if (touches) for (const f of run) near.add(f);
    run = [];
    touches = false;
  };
  // Both lists in frame order, merged: the runs they make together, and the logged frames of runs holding these.
  for (let i = 0, j = 0; i < inLog.length || j < mine.length;) {
    const fromLog = j >= mine.length || (i < inLog.length && (inLog[i] as number) <= (mine[j] as number));
    const f = fromLog ? (inLog[i++] as number) : (mine[j++] as number);
    if (previous !== undefined && f - previous - 1 > MAX_FRAME_GAP) close();
    if (fromLog) run.push(f);
    else touches = true;
    previous = f;
  }
  close();
  if (near.size === 0) return null;
  if (near.size === earlier.frames.size) return earlier;
  const logged: EarlierFrames['logged'] = new Map();
  const assetIds = new Set<number>();
  let span: EarlierFrames['span'] = null;
  for (const f of near) {
    const held = earlier.logged.get(f);
    if (held) logged.set(f, held);
    for (const id of held?.assets ?? []) assetIds.add(id);
    span = span ? { first: Math.min(span.first, f), last: Math.max(span.last, f) } : { first: f, last: f };
  }
  return { assets: earlier.assets.filter((a) => assetIds.has(a.id)), frames: near, span, logged };
}

/**
 * Frames between a late item's first and last that it lacks because the log already holds them (1002 and 1005
 * arriving after 1001-1004 were logged): not missing, and not to be reported as a gap.
 */
export function framesInLog(item: Extract<IngestItem, { kind: 'sequence' }>, earlier: EarlierFrames): number[] {
  return gapsBetween(item.frames, (f) => earlier.frames.has(f)).held;
}


/** The frames one logged asset holds (a re-render may hold a few scattered ones), in order. */
function framesOf(earlier: EarlierFrames, assetId: number): number[] {
  const frames: number[] = [];
  for (const [frame, held] of earlier.logged) if (held.assets.has(assetId)) frames.push(frame);
  return frames.sort((a, b) => a - b);
}

/** One sentence for the draft's notes: which logged assets hold the sequence's other frames, and any it renders again. */
export function lateFramesNote(item: Extract<IngestItem, { kind: 'sequence' }>, logged: EarlierFrames): string {
  const earlier = nearRun(logged, item.frames.map((f) => f.frame)) ?? logged;
  const held = earlier.assets.map((a) => `#${a.id} (${framesPhrase(framesOf(earlier, a.id))})`).join(', ');
  const again = item.frames.filter((f) => earlier.frames.has(f.frame));
  const rerendered = again.length > 0
    ? ` ${again.length === 1 ? `Frame ${again[0]?.frame} was` : `${again.length} of these frames were`} logged before: a re-render.`
    : '';
  const these = framesPhrase(item.frames.map((f) => f.frame));
  return `${these.charAt(0).toUpperCase()}${these.slice(1)} of ${item.pattern}, ` +
    `which is already logged as ${earlier.assets.length === 1 ? 'asset' : 'assets'} ${held}.${rerendered}`;
}

/** A sequence item checked against the log: what is left to log and the note linking it, or the assets holding all of it. */
/** `heldBy`: the assets already holding some of the item's frames with the same content (late frames only). */
export type AgainstLog = { item: IngestItem; link: string | null; heldBy?: number[] } | { loggedAs: number[] };

/**
 * A render folder logged again after more frames were written into it: frames the log already holds with the same
 * content are left out, and the rest is logged as that sequence's late frames, noted with the assets holding the
 * others, as the watch inbox does (without this the whole sequence became a new asset repeating every logged frame).
 * `hashes` are the frames' SHA-256 where known: before hashing, from the file index (so unchanged frames are not
 * read again); after, for every frame (a frame only touched, or copied without its times, is still the same frame).
 * Missing frames are counted over the logged frames and these together, so a hole between them is still named.
 * `earlierAt` gives what the log holds at a sequence path (JoinedItems.earlierAt: loaded once per path).
 */
export function againstLoggedSequence(earlierAt: (path: string) => EarlierFrames, item: IngestItem, hashes: ReadonlyMap<string, string>): AgainstLog {
  if (item.kind !== 'sequence') return { item, link: null };
  const earlier = nearRun(earlierAt(itemPath(item)), item.frames.map((f) => f.frame));
  if (!earlier?.span || earlier.assets.length === 0) return { item, link: null };
  const same = (f: SequenceFrame) => earlier.logged.get(f.frame)?.sha256.has(hashes.get(f.path) ?? '') === true;
  const rest = item.frames.filter((f) => !same(f));
  const holding = (frames: readonly SequenceFrame[]) => [...new Set(frames.flatMap((f) => [...(earlier.logged.get(f.frame)?.assets ?? [])]))];
  if (rest.length === 0) return { loggedAs: holding(item.frames) };
  const first = (rest[0] as SequenceFrame).frame;
  const last = (rest[rest.length - 1] as SequenceFrame).frame;
  const present = new Set([...item.frames.map((f) => f.frame), ...earlier.frames]);
  const missingFrames: number[] = [];
  // Only this render's logged frames are here (nearRun): a hole between them and these frames is missing, counted
  // within MAX_FRAME_GAP of these frames (a hole deep in a long logged render was said when it was logged).
  const from = Math.max(item.first - MAX_FRAME_GAP, Math.min(item.first, earlier.span.first));
  const to = Math.min(item.last + MAX_FRAME_GAP, Math.max(item.last, earlier.span.last));
  for (let f = from; f <= to; f++) if (!present.has(f)) missingFrames.push(f);
  const late: IngestItem = { ...item, frames: rest, first, last, missingFrames };
  return { item: late, link: lateFramesNote(late, earlier), heldBy: holding(item.frames.filter(same)) };
}
