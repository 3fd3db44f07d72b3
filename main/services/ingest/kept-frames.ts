import { basename, dirname } from 'node:path';
import { frameOfFile, type IngestItem, type SequenceFrame } from '../../ingest';

/**
 * Frames of a sequence draft drafted again after another of its frames went (deleted, renamed away) stay one
 * sequence, however few are left: two PNG frames with a gap between them would otherwise be two lone files.
 * `sequenceOf` maps each such frame's path to the draft's sequence path (shot.####.png).
 */
export function keepFramesTogether(items: readonly IngestItem[], sequenceOf: ReadonlyMap<string, string>): IngestItem[] {
  if (sequenceOf.size === 0) return [...items];
  const frames = new Map<string, SequenceFrame[]>();
  const out: (IngestItem | string)[] = [];
  for (const item of items) {
    const sequence = item.kind === 'file' ? sequenceOf.get(item.path) : undefined;
    const frame = sequence !== undefined && item.kind === 'file' ? frameOfFile(item.path) : undefined;
    if (sequence === undefined || !frame || item.kind !== 'file') {
      out.push(item);
      continue;
    }
    const held = frames.get(sequence);
    if (held) held.push({ frame: frame.frame, path: item.path });
    else {
      frames.set(sequence, [{ frame: frame.frame, path: item.path }]);
      out.push(sequence); // the sequence goes where its first frame was
    }
  }
  return out.map((entry) => {
    if (typeof entry !== 'string') return entry;
    const held = (frames.get(entry) as SequenceFrame[]).sort((a, b) => a.frame - b.frame);
    const first = (held[0] as SequenceFrame).frame;
    const last = (held[held.length - 1] as SequenceFrame).frame;
    const present = new Set(held.map((f) => f.frame));
    const missingFrames: number[] = [];
    for (let f = first + 1; f < last; f++) if (!present.has(f)) missingFrames.push(f);
    return { kind: 'sequence', directory: dirname(entry), pattern: basename(entry), first, last, frames: held, missingFrames };
  });
}
