import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { HashCancelledError, fileReadError } from './file-errors';
import { FILE_ENDS_SLOTS, FILE_HEAD_BYTES, FILE_TAIL_BYTES, type FileEnds } from './file-ends';
import { HASH_CHUNK_BYTES, type HashOptions, type HashResult } from './hash-file';
import { HASH_WORKER_SOURCE } from './hash-worker-source';

export interface HashPool {
  /** Hashes one file on a worker thread; rejects with an error naming the file, or a HashCancelledError. */
  hash(path: string, options?: HashOptions): Promise<HashResult>;
  /** Rejects queued and running jobs, then stops the workers. */
  close(): Promise<void>;
}

export interface HashPoolOptions {
  /** Number of worker threads. Default: os.availableParallelism(). Each reads at most two files at once (one large). */
  concurrency?: number;
  /** The workers' code (CommonJS, run with eval). Tests wrap the real one to make a worker fail on cue. */
  workerSource?: string;
}

/**
 * How many times a job is started again after the worker hashing it stopped (crashed, or was replaced because another
 * of its jobs would not stop): up to eight files share a worker, and those beside the one at fault must not fail with
 * it. A job started again runs on a worker of its own, so the file at fault stops only that one, and then fails.
 */
const RESTARTS_PER_JOB = 1;

/**
 * Files handed to one worker ahead of time, so it never sits idle waiting for the main thread between small files
 * (hash-worker-source.ts: small files one after another, at most one large file at a time beside them). Two were
 * enough for hashing alone; while the main thread also reads provenance (a ComfyUI graph holds it for a tenth of a
 * millisecond) workers drained two small files before it came back, and eight measured several points faster on the
 * ingest budget's 2,000 files.
 */
export const FILES_PER_WORKER = 8;

/**
 * How long a cancelled job may take to confirm it stopped reading. A read stuck on a dead network share never
 * returns; after this the worker is replaced so that cancelling always answers.
 */
const CANCEL_GRACE_MS = 2000;

type WorkerMessage =
  | { type: 'bytes'; id: number; bytes: number }
  | { type: 'done'; id: number; sha256: string; size: number; ends?: KeptEnds }
  | { type: 'failed'; id: number; code?: string; message: string }
  | { type: 'cancelled'; id: number; bytesRead: number };

interface Job {
  id: number;
  path: string;
  options: HashOptions;
  resolve: (result: HashResult) => void;
  reject: (error: Error) => void;
  settled: boolean;
  slot?: Slot;
  bytesRead: number;
  /** Bytes passed to onBytes: a job started again reports only what goes beyond them. */
  bytesReported: number;
  restarts: number;
  cancelTimer?: NodeJS.Timeout;
  removeAbortListener: () => void;
}

interface Slot {
  worker: Worker;
  jobs: Map<number, Job>;
  /** Running a job started again after its worker stopped: no other job joins it until it is done. */
  alone: boolean;
  /** Shared memory the worker copies files' ends into, FILE_HEAD_BYTES + FILE_TAIL_BYTES per file. */
  endsSlab: SharedArrayBuffer;
  /** 1 while a slot of endsSlab holds ends the main thread has not released (set by the worker, cleared here). */
  slotsInUse: Int32Array;
}

/** Ends in a slot of the worker's slab, or (every slot busy) in buffers of their own. */
type KeptEnds =
  | { size: number; slot: number; headLength: number; tailStart: number; tailLength: number }
  | Omit<FileEnds, 'release'>;

const SLOT_BYTES = FILE_HEAD_BYTES + FILE_TAIL_BYTES;

/**
 * A bounded pool of worker threads that stream files through SHA-256 (see hash-worker-source.ts). Workers start on
 * demand, and an idle pool does not keep the process alive; still, call close() when done.
 */
export function createHashPool(options: HashPoolOptions = {}): HashPool {
  const concurrency = options.concurrency ?? availableParallelism();
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error(`Hash pool concurrency must be a whole number of at least 1, got ${String(options.concurrency)}`);
  }
  const workerSource = options.workerSource ?? HASH_WORKER_SOURCE;
  const slots = new Set<Slot>();
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  function settle(job: Job, outcome: { result: HashResult } | { error: Error }): void {
    if (job.settled) return;
    job.settled = true;
    job.removeAbortListener();
    if ('result' in outcome) job.resolve(outcome.result);
    else job.reject(outcome.error);
  }

  function release(slot: Slot, job: Job): void {
    if (job.cancelTimer) clearTimeout(job.cancelTimer);
    slot.jobs.delete(job.id);
    // An idle worker must not keep the process alive; a busy one must (its caller awaits it).
    if (slot.jobs.size === 0) {
      slot.alone = false;
      slot.worker.unref();
    }
    pump();
  }

  function retire(slot: Slot, why: string): void {
    if (!slots.delete(slot)) return;
    const again: Job[] = [];
    for (const job of slot.jobs.values()) {
      if (job.cancelTimer) clearTimeout(job.cancelTimer);
      const aborted = job.options.signal?.aborted === true;
      if (!aborted && !job.settled && job.restarts < RESTARTS_PER_JOB) {
        job.restarts += 1;
        job.bytesRead = 0;
        job.slot = undefined;
        again.push(job);
        continue;
      }
      settle(job, {
        error: aborted ? new HashCancelledError(job.path, job.bytesRead) : new Error(`Hashing "${job.path}" failed: ${why}`),
      });
    }
    // Ahead of the files that were waiting: they were handed out first.
    queue.unshift(...again);
    slot.jobs.clear();
    void slot.worker.terminate();
    pump();
  }

  function onMessage(slot: Slot, message: WorkerMessage): void {
    const job = slot.jobs.get(message.id);
    if (!job) return;
    const aborted = job.options.signal?.aborted === true;
    switch (message.type) {
      case 'bytes':
        reportBytes(slot, job, message.bytes);
        return;
      case 'done': {
        // Small files are read in one go and their bytes arrive with the result.
        if (message.size > job.bytesRead) reportBytes(slot, job, message.size - job.bytesRead);
        const ends = message.ends ? fileEnds(slot, message.ends) : undefined;
        // Nobody will read them: a cancelled job, or one already settled (its onBytes threw).
        if (aborted || job.settled) ends?.release?.();
        settle(job, aborted ? { error: new HashCancelledError(job.path, message.size) } : { result: { sha256: message.sha256, size: message.size, ...(ends ? { ends } : {}) } });
        break;
      }
      case 'failed':
        settle(job, { error: fileReadError(job.path, { code: message.code, message: message.message }) });
        break;
      case 'cancelled':
        settle(job, { error: new HashCancelledError(job.path, message.bytesRead) });
        break;
    }
    release(slot, job);
  }

  function reportBytes(slot: Slot, job: Job, bytes: number): void {
    job.bytesRead += bytes;
    if (job.settled || job.options.signal?.aborted) return;
    const beyond = job.bytesRead - job.bytesReported;
    if (beyond <= 0) return;
    job.bytesReported = job.bytesRead;
    try {
      job.options.onBytes?.(beyond);
    } catch (error) {
      settle(job, { error: error instanceof Error ? error : new Error(String(error)) });
      stopRunning(slot, job);
    }
  }

  function fileEnds(slot: Slot, kept: KeptEnds): FileEnds {
    if (!('slot' in kept)) return kept;
    const base = kept.slot * SLOT_BYTES;
    let released = false;
    return {
      size: kept.size,
      head: new Uint8Array(slot.endsSlab, base, kept.headLength),
      tailStart: kept.tailStart,
      tail: new Uint8Array(slot.endsSlab, base + FILE_HEAD_BYTES, kept.tailLength),
      release: () => {
        if (released || !slots.has(slot)) return; // a replaced worker took its slab with it
        released = true;
        Atomics.store(slot.slotsInUse, kept.slot, 0);
      },
    };
  }

  function spawn(): Slot {
    // Untouched shared memory costs address space only; pages are used as slots are.
    const endsSlab = new SharedArrayBuffer(FILE_ENDS_SLOTS * SLOT_BYTES);
    const slotsInUse = new Int32Array(new SharedArrayBuffer(FILE_ENDS_SLOTS * Int32Array.BYTES_PER_ELEMENT));
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { chunkBytes: HASH_CHUNK_BYTES, headBytes: FILE_HEAD_BYTES, tailBytes: FILE_TAIL_BYTES, endsSlab, slotsInUse: slotsInUse.buffer },
      // No inherited flags: "--input-type=module" would make the CommonJS source fail to load, loader hooks
      // (--import) have nothing to do here, and passing flags explicitly throws on process-wide ones.
      execArgv: [],
    });
    const slot: Slot = { worker, jobs: new Map(), alone: false, endsSlab, slotsInUse };
    worker.on('message', (message: WorkerMessage) => onMessage(slot, message));
    worker.on('error', (error) => retire(slot, `the hashing worker crashed (${error.message})`));
    worker.on('exit', (code) => retire(slot, `the hashing worker stopped unexpectedly (exit code ${code})`));
    slots.add(slot);
    return slot;
  }

  /**
   * Least busy worker with room, starting a new one before doubling up on a busy one; for a job started again, an
   * idle worker only (it waits for one, ahead of the queue).
   */
  function pickSlot(alone: boolean): Slot | undefined {
    let best: Slot | undefined;
    for (const slot of slots) if (!slot.alone && (!best || slot.jobs.size < best.jobs.size)) best = slot;
    if ((!best || best.jobs.size > 0) && slots.size < concurrency) return spawn();
    if (alone) return best?.jobs.size === 0 ? best : undefined;
    return best && best.jobs.size < FILES_PER_WORKER ? best : undefined;
  }

  function pump(): void {
    while (queue.length > 0 && !closed) {
      const alone = (queue[0] as Job).restarts > 0;
      const slot = pickSlot(alone);
      if (!slot) return;
      const job = queue.shift() as Job;
      job.slot = slot;
      slot.alone = alone;
      slot.jobs.set(job.id, job);
      slot.worker.ref();
      slot.worker.postMessage({ type: 'hash', id: job.id, path: job.path, wantsBytes: job.options.onBytes !== undefined, keepEnds: job.options.keepEnds === true });
    }
  }

  function cancel(job: Job): void {
    const slot = job.slot;
    if (!slot) {
      queue.splice(queue.indexOf(job), 1);
      settle(job, { error: new HashCancelledError(job.path, 0) });
      return;
    }
    stopRunning(slot, job);
  }

  function stopRunning(slot: Slot, job: Job): void {
    if (!slot.jobs.has(job.id) || job.cancelTimer) return;
    slot.worker.postMessage({ type: 'cancel', id: job.id });
    job.cancelTimer = setTimeout(() => retire(slot, 'it did not stop after being cancelled'), CANCEL_GRACE_MS);
  }

  function hash(path: string, hashOptions: HashOptions = {}): Promise<HashResult> {
    if (closed) return Promise.reject(new Error(`Cannot hash "${path}": the hash pool is closed`));
    const { signal } = hashOptions;
    if (signal?.aborted) return Promise.reject(new HashCancelledError(path, 0));
    return new Promise<HashResult>((resolve, reject) => {
      const job: Job = {
        id: nextId++,
        path,
        options: hashOptions,
        resolve,
        reject,
        settled: false,
        bytesRead: 0,
        bytesReported: 0,
        restarts: 0,
        removeAbortListener: () => signal?.removeEventListener('abort', onAbort),
      };
      function onAbort(): void {
        cancel(job);
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(job);
      pump();
    });
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    const stopped = (job: Job) => new Error(`Hashing "${job.path}" was stopped: the hash pool closed`);
    for (const job of queue.splice(0)) settle(job, { error: stopped(job) });
    const stopping = [...slots].map(async (slot) => {
      slots.delete(slot);
      for (const job of slot.jobs.values()) {
        if (job.cancelTimer) clearTimeout(job.cancelTimer);
        settle(job, { error: stopped(job) });
      }
      slot.jobs.clear();
      await slot.worker.terminate();
    });
    await Promise.all(stopping);
  }

  return { hash, close };
}
