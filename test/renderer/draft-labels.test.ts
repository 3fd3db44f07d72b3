import { describe, expect, it } from 'vitest';
import { frameText, listedTool } from '../../renderer/ingest/draft-labels';
import { missingFrames } from '../../main/format/frame-counts';
import type { Draft } from '../../renderer/ingest/types';

describe('sequence labels in the inbox', () => {
  it('says how many frames are missing and which', () => {
    expect(frameText({ fileName: 'sh.####.exr', frameRange: { first: 1001, last: 1011 }, frameCount: 10 })).toBe('1001–1011 (10, 1 missing)');
    expect(frameText({ fileName: 'sh.####.exr', frameRange: { first: 1001, last: 1010 }, frameCount: 10 })).toBe('1001–1010 (10)');
    expect(frameText({ fileName: 'still.png', frameRange: null, frameCount: 1 })).toBe('');
    expect(missingFrames([1001, 1002, 1004, 1007].map((frame) => ({ frame })))).toEqual([1003, 1005, 1006]);
    expect(missingFrames([{ frame: 5 }])).toEqual([]);
  });

  it('counts late frames whose gaps the log already holds as logged before, not missing', () => {
    const late = { fileName: 'sh.####.exr', frameRange: { first: 1002, last: 1007 }, frameCount: 3, prefill: { framesInLog: [1003, 1004] } };
    expect(frameText(late)).toBe('1002–1007 (3, 2 logged before, 1 missing)');
    expect(frameText({ ...late, prefill: { framesInLog: [1003, 1004, 1006] } })).toBe('1002–1007 (3, 3 logged before)');
    expect(missingFrames([1002, 1005, 1007].map((frame) => ({ frame })), [1003, 1004])).toEqual([1006]);
  });

  it('counts late frames whose gaps a dismissed draft held as dismissed before, not missing', () => {
    const late = { fileName: 'sh.####.exr', frameRange: { first: 1002, last: 1007 }, frameCount: 3, prefill: { framesDismissed: [1003] } };
    expect(frameText(late)).toBe('1002–1007 (3, 1 dismissed before, 2 missing)');
    expect(frameText({ ...late, prefill: { framesInLog: [1004], framesDismissed: [1003, 1005] } })).toBe('1002–1007 (3, 1 logged before, 2 dismissed before)');
  });

  it('a single late frame is its number, not a range of one', () => {
    expect(frameText({ fileName: 'sh.####.exr', frameRange: { first: 1013, last: 1013 }, frameCount: 1 })).toBe('1013');
  });

  it('writes frame numbers as the files do: padded like their pattern, unpadded when it is', () => {
    expect(frameText({ fileName: 'sh020.####.png', frameRange: { first: 1, last: 3 }, frameCount: 3 })).toBe('0001–0003 (3)');
    expect(frameText({ fileName: 'sh020.####.png', frameRange: { first: 7, last: 7 }, frameCount: 1 })).toBe('0007');
    expect(frameText({ fileName: 'frame_#.png', frameRange: { first: 1, last: 20 }, frameCount: 20 })).toBe('1–20 (20)');
  });

  it('lists a confirmed draft with the tool it was logged with, a pending one with the tool it would get', () => {
    const draft = (status: Draft['status'], assetTool: string | null) =>
      ({ status, assetTool, prefill: { tool: null, matchedTool: 'Titan Image Generator G1' } }) as unknown as Draft;
    expect(listedTool(draft('confirmed', 'Firefly'))).toBe('Firefly');
    expect(listedTool(draft('pending', null))).toBe('Titan Image Generator G1');
    expect(listedTool(draft('dismissed', null))).toBe('Titan Image Generator G1');
  });
});
