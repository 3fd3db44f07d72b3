import { describe, expect, it } from 'vitest';
import { clip, humanDate, humanSize, winAnsi } from '../../main/packet/pdf-text';

describe('PDF text helpers', () => {
  it('keeps Windows-1252 text, folds accents it cannot show and marks the rest', () => {
    expect(winAnsi('Ça ira — “quoted” €5 naïve')).toBe('Ça ira — “quoted” €5 naïve');
    expect(winAnsi('Łódź Đặng')).toBe('Lódz Dang');
    expect(winAnsi('東京 🎬')).toBe('?? ?');
    expect(winAnsi('a\tb\r\nc\u0007')).toBe('a b\nc?');
  });

  it('formats dates in UTC, sizes in binary units, and clips long text', () => {
    expect(humanDate('2025-09-02')).toBe('2 Sep 2025');
    expect(humanDate('2025-09-20T23:41:00-02:00', true)).toBe('21 Sep 2025, 01:41 UTC');
    expect(humanDate(null)).toBe('—');
    expect(humanSize(512)).toBe('512 B');
    expect(humanSize(8_404_551)).toBe('8.0 MiB');
    expect(humanSize(184_220_113)).toBe('176 MiB');
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('abc', 4)).toBe('abc');
  });
});
