/**
 * What a sequence draft's frame range holds besides its own frames, as the app and the CLI both word it: frames
 * the log already holds (late frames of a logged sequence) and frames missing. Empty when the range is whole.
 */
export function frameRangeNotes(range: { first: number; last: number }, frameCount: number, framesInLog = 0): string[] {
  const missing = range.last - range.first + 1 - frameCount - framesInLog;
  return [...(framesInLog > 0 ? [`${framesInLog} logged before`] : []), ...(missing > 0 ? [`${missing} missing`] : [])];
}
