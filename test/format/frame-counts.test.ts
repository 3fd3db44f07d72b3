import { describe, expect, it } from 'vitest';
import { frameLabel, frameRangeNotes, frameSpan } from '../../main/format/frame-counts';

describe('frame range notes (inbox list in the app and the CLI)', () => {
  it('says nothing for a whole range', () => {
    expect(frameRangeNotes({ first: 1001, last: 1004 }, 4)).toEqual([]);
    expect(frameRangeNotes({ first: 1004, last: 1004 }, 1, 0)).toEqual([]);
  });

  it('counts frames the log already holds apart from missing ones', () => {
    expect(frameRangeNotes({ first: 1001, last: 1011 }, 10)).toEqual(['1 missing']);
    expect(frameRangeNotes({ first: 1002, last: 1007 }, 3, 2)).toEqual(['2 logged before', '1 missing']);
    expect(frameRangeNotes({ first: 1002, last: 1005 }, 3, 1)).toEqual(['1 logged before']);
  });
});

describe('frame labels, as the files write them', () => {
  it('pads to the pattern, a pre-roll frame with its sign inside the width', () => {
    expect(frameLabel(7, 'shot.####.exr')).toBe('0007');
    expect(frameLabel(-3, '/r/shot.####.exr')).toBe('-003');
    expect(frameLabel(-3, 'frame_#.png')).toBe('-3');
    expect(frameSpan({ first: -3, last: 2 }, 'sim.####.exr')).toBe('-003–0002');
  });
});
