/**
 * What a sequence draft's frame range holds besides its own frames, as the app and the CLI both word it: frames
 * the log already holds (late frames of a logged sequence), frames a dismissed draft held, and frames missing.
 * Empty when the range is whole.
 */
export function frameRangeNotes(range: { first: number; last: number }, frameCount: number, framesInLog = 0, framesDismissed = 0): string[] {
  const missing = range.last - range.first + 1 - frameCount - framesInLog - framesDismissed;
  return [
    ...(framesInLog > 0 ? [`${framesInLog} logged before`] : []),
    ...(framesDismissed > 0 ? [`${framesDismissed} dismissed before`] : []),
    ...(missing > 0 ? [`${missing} missing`] : []),
  ];
}

/** A frame number as the sequence's files write it: 7 in shot.####.exr is "0007"; in frame_#.png (unpadded) "7". */
export function frameLabel(frame: number, pattern: string): string {
  const name = pattern.split(/[/\\]/).pop() ?? pattern;
  const width = /#+/.exec(name)?.[0].length ?? 0;
  // A pre-roll frame keeps its sign first, within the width: -3 in shot.####.exr is "-003", as "%04d" writes it.
  return frame < 0 ? `-${String(-frame).padStart(width - 1, '0')}` : String(frame).padStart(width, '0');
}

/** "0001–0003" for shot.####.exr frames 1 to 3. */
export function frameSpan(range: { first: number; last: number }, pattern: string): string {
  return `${frameLabel(range.first, pattern)}–${frameLabel(range.last, pattern)}`;
}

/** At most this many missing frames are listed: a sequence with a hole of a million frames lists the first ones. */
export const MAX_MISSING_LISTED = 1000;

/** Frame numbers between the first and the last that the sequence lacks, leaving out those the log already holds. */
export function missingFrames(frames: readonly { frame: number }[], inLog: readonly number[] = []): number[] {
  if (frames.length < 2) return [];
  const numbers = frames.map((f) => f.frame);
  // Not Math.min(...numbers): a sequence of a hundred thousand frames would overflow the call stack.
  const first = numbers.reduce((a, b) => Math.min(a, b));
  const last = numbers.reduce((a, b) => Math.max(a, b));
  const present = new Set([...numbers, ...inLog]);
  const missing: number[] = [];
  for (let n = first; n <= last && missing.length < MAX_MISSING_LISTED; n++) if (!present.has(n)) missing.push(n);
  return missing;
}

/** Runs of frames a list writes out one by one; a list broken into more is summed up instead. */
const MAX_RUNS_LISTED = 8;

/**
 * Frame numbers as people write them, the same in the app, the CLI and the notes GenLog logs: "frame 1004",
 * "frames 1004–1007", "frames 1002, 1004 and 1005", "frames 1011, 1012 and 1015–1019"; a list in more than eight
 * pieces as "120 frames from 1001 to 1400". `frames` must be sorted, without repeats.
 */
export function framesPhrase(frames: readonly number[]): string {
  const first = frames[0];
  const last = frames[frames.length - 1];
  if (first === undefined || last === undefined) return 'no frames';
  if (frames.length === 1) return `frame ${first}`;
  const runs: [number, number][] = [];
  for (const f of frames) {
    const run = runs[runs.length - 1];
    if (run && f === run[1] + 1) run[1] = f;
    else runs.push([f, f]);
  }
  // Two frames in a row read better as two: "1009 and 1010", not "1009–1010".
  const pieces = (runs.length === 1 || frames.length > 5) && !(runs.length === 1 && frames.length === 2)
    ? runs.flatMap(([a, b]) => (a === b ? [String(a)] : b === a + 1 ? [String(a), String(b)] : [`${a}–${b}`]))
    : frames.map(String);
  if (pieces.length > MAX_RUNS_LISTED) return `${frames.length} frames from ${first} to ${last}`;
  return `frames ${pieces.length === 1 ? pieces[0] : `${pieces.slice(0, -1).join(', ')} and ${pieces[pieces.length - 1]}`}`;
}
