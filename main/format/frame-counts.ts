/**
 * What a sequence draft's frame range holds besides its own frames, as the app and the CLI both word it: frames
 * the log already holds (late frames of a logged sequence) and frames missing. Empty when the range is whole.
 */
export function frameRangeNotes(range: { first: number; last: number }, frameCount: number, framesInLog = 0): string[] {
  const missing = range.last - range.first + 1 - frameCount - framesInLog;
  return [...(framesInLog > 0 ? [`${framesInLog} logged before`] : []), ...(missing > 0 ? [`${missing} missing`] : [])];
}

/** A frame number as the sequence's files write it: 7 in shot.####.exr is "0007"; in frame_#.png (unpadded) "7". */
export function frameLabel(frame: number, pattern: string): string {
  const name = pattern.split(/[/\\]/).pop() ?? pattern;
  const width = /#+/.exec(name)?.[0].length ?? 0;
  return String(frame).padStart(width, '0');
}

/** "0001–0003" for shot.####.exr frames 1 to 3. */
export function frameSpan(range: { first: number; last: number }, pattern: string): string {
  return `${frameLabel(range.first, pattern)}–${frameLabel(range.last, pattern)}`;
}

/** Frame numbers between the first and the last that the sequence lacks, leaving out those the log already holds. */
export function missingFrames(frames: readonly { frame: number }[], inLog: readonly number[] = []): number[] {
  if (frames.length < 2) return [];
  const numbers = frames.map((f) => f.frame);
  // Not Math.min(...numbers): a sequence of a hundred thousand frames would overflow the call stack.
  const first = numbers.reduce((a, b) => Math.min(a, b));
  const last = numbers.reduce((a, b) => Math.max(a, b));
  const present = new Set([...numbers, ...inLog]);
  const missing: number[] = [];
  for (let n = first; n <= last && missing.length < 1000; n++) if (!present.has(n)) missing.push(n);
  return missing;
}
