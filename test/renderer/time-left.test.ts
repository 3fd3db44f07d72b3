// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatTimeLeft } from '../../renderer/ui/format';
import { secondsLeft, useTimeLeft } from '../../renderer/ui/use-time-left';

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

describe('secondsLeft', () => {
  it('goes by the average rate since the first sample, and says nothing before it has a rate to go on', () => {
    const from = { at: 1_000, done: 0 };
    expect(secondsLeft(from, { at: 1_400, done: 50 }, 1_000)).toBeNull(); // under half a second
    expect(secondsLeft(from, { at: 3_000, done: 0 }, 1_000)).toBeNull(); // nothing moved
    expect(secondsLeft(from, { at: 3_000, done: 200 }, 1_000)).toBe(8); // 100 bytes/s, 800 left
    expect(secondsLeft({ at: 0, done: 500 }, { at: 2_000, done: 700 }, 1_000)).toBe(3); // measured from where it started
    expect(secondsLeft(from, { at: 3_000, done: 1_000 }, 1_000)).toBe(0);
  });
});

describe('useTimeLeft', () => {
  it('measures from the first render that saw the work, and afresh when the work went backwards', () => {
    let clock = 0;
    const { result, rerender } = renderHook(({ done, total }) => useTimeLeft(done, total, () => clock), { initialProps: { done: 100, total: 1_100 } });
    expect(result.current).toBeNull();
    clock = 2_000;
    rerender({ done: 300, total: 1_100 });
    expect(result.current).toBe(8); // 200 bytes in 2 s; 800 left
    clock = 3_000;
    rerender({ done: 50, total: 2_000 }); // files removed: a new start
    expect(result.current).toBeNull();
    clock = 4_000;
    rerender({ done: 150, total: 2_000 });
    expect(result.current).toBe(18.5);
  });
});
