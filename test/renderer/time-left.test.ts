import { describe, expect, it } from 'vitest';
import { formatTimeLeft } from '../../renderer/ui/format';

describe('formatTimeLeft', () => {
  it('says seconds under a minute, minutes and seconds up to ten minutes, then minutes, then hours, and admits when it does not know yet', () => {
    expect(formatTimeLeft(null)).toBe('estimating time left');
    expect(formatTimeLeft(0.4)).toBe('almost done');
    expect(formatTimeLeft(41.2)).toBe('about 42 s left');
    expect(formatTimeLeft(59.5)).toBe('about 1 min 0 s left');
    expect(formatTimeLeft(185)).toBe('about 3 min 5 s left');
    expect(formatTimeLeft(599)).toBe('about 9 min 59 s left');
    expect(formatTimeLeft(760)).toBe('about 13 min left');
    expect(formatTimeLeft(3569)).toBe('about 59 min left');
    expect(formatTimeLeft(3590)).toBe('about 1 h 0 min left');
    expect(formatTimeLeft(149_064)).toBe('about 41 h 24 min left');
  });
});
