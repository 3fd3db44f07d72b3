import { describe, expect, it } from 'vitest';
import { framesPhrase } from '../../main/format/frame-counts';

describe('framesPhrase', () => {
  it('writes frames as runs, never hiding which frames are there', () => {
    expect(framesPhrase([1004])).toBe('frame 1004');
    expect(framesPhrase([1004, 1005, 1006, 1007])).toBe('frames 1004–1007');
    expect(framesPhrase([1002, 1004, 1005])).toBe('frames 1002, 1004 and 1005');
    expect(framesPhrase([1009, 1010])).toBe('frames 1009 and 1010');
    // Seven missing around two that are there: the runs, not "7 frames (1011 … 1019)".
    expect(framesPhrase([1011, 1012, 1015, 1016, 1017, 1018, 1019])).toBe('frames 1011, 1012 and 1015–1019');
    expect(framesPhrase([1, 3, 5, 7, 9, 11])).toBe('frames 1, 3, 5, 7, 9 and 11');
    expect(framesPhrase([])).toBe('no frames');
  });

  it('sums up a list broken into more than eight pieces', () => {
    const scattered = Array.from({ length: 20 }, (_, i) => 1001 + 2 * i);
    expect(framesPhrase(scattered)).toBe('20 frames from 1001 to 1039');
  });
});
