import type { IngestItem } from '../../ingest';
import { gatherLoneFrames } from './gather-frames';

/**
 * Frames of a sequence draft drafted again after another of its frames went (deleted, renamed away) stay one
 * sequence, however few are left: two PNG frames with a gap between them would otherwise be two lone files.
 * `sequenceOf` maps each such frame's path to the draft's sequence path (shot.####.png).
 */
export function keepFramesTogether(items: readonly IngestItem[], sequenceOf: ReadonlyMap<string, string>): IngestItem[] {
  if (sequenceOf.size === 0) return [...items];
  return gatherLoneFrames(items, (path) => sequenceOf.get(path)).items;
}
