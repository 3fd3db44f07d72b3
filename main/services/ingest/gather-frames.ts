import { basename, dirname } from 'node:path';
import { frameOfFile, type IngestItem, type SequenceFrame } from '../../ingest';

export interface GatheredFrames {
  items: IngestItem[];
  /** Each sequence item made of gathered frames, with its sequence path. */
  gathered: Map<IngestItem, string>;
}

/**
 * Lone files that are frames of a sequence known elsewhere (logged, dismissed, or a draft that lost a frame) become
 * one sequence item per sequence, however few they are, placed where its first frame was; other items stay as they
 * are. `sequenceOf` names a frame's sequence path, or undefined to leave it alone; `accounted` says which frames
 * between the first and last are held elsewhere, so not missing.
 */
export function gatherLoneFrames(
  items: readonly IngestItem[],
  sequenceOf: (path: string, frame: NonNullable<ReturnType<typeof frameOfFile>>) => string | undefined,
  accounted: (sequence: string, frame: number) => boolean = () => false,
): GatheredFrames {
  const frames = new Map<string, SequenceFrame[]>();
  const out: (IngestItem | string)[] = [];
  for (const item of items) {
    const frame = item.kind === 'file' ? frameOfFile(item.path) : undefined;
    const sequence = frame && item.kind === 'file' ? sequenceOf(item.path, frame) : undefined;
    if (!frame || sequence === undefined || item.kind !== 'file') {
      out.push(item);
      continue;
    }
    const held = frames.get(sequence);
    if (held) held.push({ frame: frame.frame, path: item.path });
    else {
      frames.set(sequence, [{ frame: frame.frame, path: item.path }]);
      out.push(sequence);
    }
  }
  const gathered = new Map<IngestItem, string>();
  const joined = out.map((entry) => {
    if (typeof entry !== 'string') return entry;
    const held = (frames.get(entry) as SequenceFrame[]).sort((a, b) => a.frame - b.frame);
    const first = (held[0] as SequenceFrame).frame;
    const last = (held[held.length - 1] as SequenceFrame).frame;
    const { missing: missingFrames } = gapsBetween(held, (f) => accounted(entry, f));
    const item: IngestItem = { kind: 'sequence', directory: dirname(entry), pattern: basename(entry), first, last, frames: held, missingFrames };
    gathered.set(item, entry);
    return item;
  });
  return { items: joined, gathered };
}

/**
 * The frame numbers between the first and the last of `frames` (in frame order) that they lack, split into those
 * held elsewhere (a logged asset, a dismissed draft) and those missing.
 */
export function gapsBetween(frames: readonly { frame: number }[], heldElsewhere: (frame: number) => boolean): { held: number[]; missing: number[] } {
  const held: number[] = [];
  const missing: number[] = [];
  const first = frames[0]?.frame;
  const last = frames[frames.length - 1]?.frame;
  if (first === undefined || last === undefined) return { held, missing };
  const present = new Set(frames.map((f) => f.frame));
  for (let f = first + 1; f < last; f++) if (!present.has(f)) (heldElsewhere(f) ? held : missing).push(f);
  return { held, missing };
}
