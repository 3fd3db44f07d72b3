import { FILE_TAIL_BYTES } from '../../ingest/file-ends';
import type { FileWindow } from '../file-window';

/**
 * Tail windows tried in turn: the first finds the last image-data chunk of writers using small ones (libpng's
 * 8 KiB); the second holds a whole 64 KiB chunk (as PIL writes them for A1111 and ComfyUI) and is what the hashing
 * worker keeps of the file; the last is for larger chunks.
 */
const TAIL_WINDOWS = [32 * 1024, FILE_TAIL_BYTES, 256 * 1024];
/** Most chunks one candidate's chain may hold before it is given up; real tails hold a handful. */
const MAX_CHAIN_CHUNKS = 1000;
/**
 * Most chunk headers the whole search reads, over every window and candidate. A real tail costs hundreds; a hostile
 * one of thousands of empty image-data chunks that never ends cleanly would be walked again from each of them
 * (tens of millions of headers, seconds on the main thread).
 */
const MAX_TAIL_STEPS = 100_000;

/** Where the chain of chunks resumes in the tail; null when no window holds one; 'gave up' when the budget ran out. */
export type TailSearch = number | null | 'gave up';

class StepBudget {
  private left = MAX_TAIL_STEPS;

  take(): boolean {
    this.left -= 1;
    return this.left >= 0;
  }

  get spent(): boolean {
    return this.left < 0;
  }
}

/**
 * Big PNGs hold thousands of image-data chunks; metadata after them sits just before IEND. Reads the last
 * windows of TAIL_WINDOWS in turn and finds where a valid run of chunks that starts with image data ends exactly
 * with IEND there: IDAT chunks are consecutive, so no chunk after the first one is missed. Returns that position, or
 * null when no window holds such a run (large image-data chunks, or metadata longer than the window after them):
 * then the caller walks every chunk, which is cheap exactly when the chunks are large.
 */
export async function findTailChain(file: FileWindow): Promise<TailSearch> {
  const budget = new StepBudget();
  for (const size of TAIL_WINDOWS) {
    const start = Math.max(8, file.size - size);
    const found = chainFromImageData(await file.readAndKeep(start, file.size - start), budget);
    if (found !== null) return start + found;
    if (budget.spent) return 'gave up';
    if (start === 8) break;
  }
  return null;
}

/** The earliest image-data chunk in the tail from which a valid chain of chunks runs to IEND at its end. */
function chainFromImageData(tail: Buffer, budget: StepBudget): number | null {
  for (const candidate of candidatesOf(tail, 'IDAT')) {
    if (chainReachesEnd(tail, candidate, budget)) return candidate;
    if (budget.spent) return null;
  }
  return null;
}

/** Positions where a chunk of `type` could start, in file order. */
function candidatesOf(tail: Buffer, type: string): number[] {
  const candidates: number[] = [];
  for (let at = tail.indexOf(type, 4, 'latin1'); at >= 4; at = tail.indexOf(type, at + 1, 'latin1')) candidates.push(at - 4);
  return candidates;
}

function chainReachesEnd(tail: Buffer, from: number, budget: StepBudget): boolean {
  let at = from;
  for (let steps = 0; steps < MAX_CHAIN_CHUNKS && at + 12 <= tail.length; steps += 1) {
    if (!budget.take()) return false;
    const length = tail.readUInt32BE(at);
    const type = tail.toString('latin1', at + 4, at + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) return false;
    if (type === 'IEND') return at + 12 === tail.length;
    at += 12 + length;
  }
  return false;
}
