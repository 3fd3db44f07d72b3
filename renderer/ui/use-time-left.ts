import { useRef } from 'react';

export interface ProgressSample {
  /** Milliseconds, from any clock that only goes forward. */
  at: number;
  done: number;
}

/**
 * Seconds left at the average rate since `from`: null until there is a rate to go on (half a second and some bytes),
 * so a first burst from a cache does not promise a time the rest cannot keep.
 */
export function secondsLeft(from: ProgressSample, now: ProgressSample, total: number): number | null {
  const elapsedMs = now.at - from.at;
  const moved = now.done - from.done;
  if (elapsedMs < 500 || moved <= 0) return null;
  return (Math.max(0, total - now.done) * elapsedMs) / moved / 1000;
}

/** Time left of work reported as bytes done of a total, measured from the first render that saw it running. */
export function useTimeLeft(done: number, total: number, now: () => number = () => performance.now()): number | null {
  const start = useRef<ProgressSample | null>(null);
  const at = now();
  // Work that went backwards (files removed, a new batch) is measured afresh.
  if (!start.current || done < start.current.done) start.current = { at, done };
  return secondsLeft(start.current, { at, done }, total);
}
