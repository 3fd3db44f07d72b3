import { describe, expect, it } from 'vitest';
import { naturalCompare } from '../../main/format/natural-order';

describe('naturalCompare', () => {
  it('orders numbered names by their numbers, the rest by character code', () => {
    const names = ['plate_v10.bin', 'plate_v2.bin', 'plate_v1.bin', 'Firefly_10.jpg', 'Firefly_9.jpg', 'a/b_2/x.png', 'a/b_10/x.png', 'a/b/x.png'];
    expect([...names].sort(naturalCompare)).toEqual([
      'Firefly_9.jpg', 'Firefly_10.jpg', 'a/b/x.png', 'a/b_2/x.png', 'a/b_10/x.png', 'plate_v1.bin', 'plate_v2.bin', 'plate_v10.bin',
    ]);
  });

  it('keeps zero-padded frames in frame order, breaks ties of equal value by the padding, and handles huge numbers exactly', () => {
    expect(['shot.1010.exr', 'shot.1001.exr', 'shot.0999.exr'].sort(naturalCompare)).toEqual(['shot.0999.exr', 'shot.1001.exr', 'shot.1010.exr']);
    expect(['x7', 'x007', 'x07'].sort(naturalCompare)).toEqual(['x007', 'x07', 'x7']);
    expect(naturalCompare('r12345678901234567890123', 'r12345678901234567890124')).toBeLessThan(0);
    expect(naturalCompare('same', 'same')).toBe(0);
    expect(naturalCompare('a', 'a1')).toBeLessThan(0);
  });
});
