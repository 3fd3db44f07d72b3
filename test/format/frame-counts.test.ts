import { describe, expect, it } from 'vitest';
import { frameRangeNotes } from '../../main/format/frame-counts';

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
