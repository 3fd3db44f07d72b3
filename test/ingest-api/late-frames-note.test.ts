import { describe, expect, it } from 'vitest';
import type { IngestItem } from '../../main/ingest';
import { lateFramesNote, type EarlierFrames } from '../../main/services/ingest/late-frames';

/** What the log holds: per asset, the frames it holds. */
function earlier(held: Record<number, number[]>): EarlierFrames {
  const logged: EarlierFrames['logged'] = new Map();
  for (const [id, frames] of Object.entries(held)) {
    for (const f of frames) {
      const at = logged.get(f) ?? { sha256: new Set<string>(), assets: new Set<number>() };
      at.sha256.add(`sha-${f}`);
      at.assets.add(Number(id));
      logged.set(f, at);
    }
  }
  const assets = Object.entries(held).map(([id, frames]) => ({ id: Number(id), frame_first: Math.min(...frames), frame_last: Math.max(...frames) }));
  return { assets, frames: new Set(logged.keys()), span: { first: Math.min(...logged.keys()), last: Math.max(...logged.keys()) }, logged };
}

function sequence(frames: number[]): Extract<IngestItem, { kind: 'sequence' }> {
  return {
    kind: 'sequence', directory: '/renders', pattern: 'shot.####.exr', first: frames[0] as number, last: frames[frames.length - 1] as number,
    frames: frames.map((frame) => ({ frame, path: `/renders/shot.${frame}.exr` })), missingFrames: [],
  } as Extract<IngestItem, { kind: 'sequence' }>;
}

describe('lateFramesNote', () => {
  it('names the frames each logged asset holds, not the span between its first and last', () => {
    const note = lateFramesNote(sequence([1007, 1008]), earlier({ 1: [1001, 1002, 1003, 1004, 1005], 4: [1003, 1006] }));
    expect(note).toBe('Frames 1007 and 1008 of shot.####.exr, which is already logged as assets #1 (frames 1001–1005), #4 (frames 1003 and 1006).');
  });

  it('writes scattered late frames as runs', () => {
    const note = lateFramesNote(sequence([1011, 1012, 1015, 1016, 1017, 1018, 1019]), earlier({ 2: [1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010] }));
    expect(note).toBe('Frames 1011, 1012 and 1015–1019 of shot.####.exr, which is already logged as asset #2 (frames 1001–1010).');
  });
});
