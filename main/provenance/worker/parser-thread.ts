import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PARSER_WORKER_SOURCE } from './parser-worker-source';

export interface MetadataJob {
  type: 'metadata';
  tiff: Uint8Array | null;
  xmp: Uint8Array[];
  /** For TIFF files exifr follows the IFDs through the file itself. */
  tiffPath: string | null;
}

export interface C2paJob {
  type: 'c2pa';
  /** Media type of the bytes, or application/c2pa for a bare manifest store. */
  format: string;
  bytes: Uint8Array;
  withCrJson: boolean;
}

export interface RawMetadata {
  exif: Record<string, unknown> | null;
  xmp: Record<string, unknown>[];
  errors: string[];
}

export interface RawC2pa {
  json: string;
  crJson: string | null;
}

type Outcome = { type: 'done'; result: unknown } | { type: 'failed'; message: string };

interface Pending {
  id: number;
  job: MetadataJob | C2paJob;
  timeoutMs: number;
  resolve: (outcome: Outcome) => void;
  timer?: NodeJS.Timeout;
}

// Memory for the JavaScript heap of the thread; the C2PA reader's WebAssembly memory comes on top.
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32, stackSizeMb: 8 };

const queue: Pending[] = [];
let worker: Worker | null = null;
let running: Pending | null = null;
let nextId = 1;

function modulePaths() {
  // A CommonJS bundle has no import.meta.url; resolving from the working directory still finds node_modules there.
  const base = typeof import.meta.url === 'string' ? import.meta.url : pathToFileURL(path.join(process.cwd(), 'index.js')).href;
  const require = createRequire(base);
  return {
    exifrPath: require.resolve('exifr'),
    c2paUrl: pathToFileURL(require.resolve('@contentauth/c2pa-wasm')).href,
    c2paWasmPath: require.resolve('@contentauth/c2pa-wasm/c2pa.wasm'),
  };
}

function startWorker(): Worker {
  const started = new Worker(PARSER_WORKER_SOURCE, { eval: true, workerData: modulePaths(), resourceLimits: RESOURCE_LIMITS });
  started.on('message', (message: { id: number; fatal?: boolean } & Outcome) => {
    if (!running || message.id !== running.id) return;
    if (message.fatal) dropWorker(); // the thread exits after a WebAssembly trap; do not hand it the next job
    settle(running, message);
  });
  const lost = (reason: string) => {
    if (worker !== started) return;
    worker = null;
    if (running) settle(running, { type: 'failed', message: reason });
  };
  started.on('error', (error) => lost(`the parser thread failed: ${error.message}`));
  started.on('exit', (code) => lost(`the parser thread stopped unexpectedly (exit code ${code})`));
  // An idle parser thread must not keep the app or CLI alive; pending jobs hold a timer instead. After the listeners:
  // adding a 'message' listener refs the worker again (a CLI run that failed early then never exited).
  started.unref();
  return started;
}

function dropWorker(): void {
  const stopping = worker;
  worker = null;
  void stopping?.terminate();
}

function settle(pending: Pending, outcome: Outcome): void {
  clearTimeout(pending.timer);
  running = null;
  pending.resolve(outcome);
  pump();
}

/** Views into shared buffers would clone their whole backing store; send exact copies, or move owned buffers. */
function messageFor(pending: Pending): { message: object; transfer: ArrayBuffer[] } {
  const { job, id } = pending;
  if (job.type === 'metadata') {
    return { message: { ...job, id, tiff: job.tiff ? new Uint8Array(job.tiff) : null, xmp: job.xmp.map((packet) => new Uint8Array(packet)) }, transfer: [] };
  }
  const owned = job.bytes.byteOffset === 0 && job.bytes.byteLength === job.bytes.buffer.byteLength && job.bytes.buffer instanceof ArrayBuffer;
  const bytes = owned ? job.bytes : new Uint8Array(job.bytes);
  return { message: { ...job, id, bytes }, transfer: [bytes.buffer as ArrayBuffer] };
}

function pump(): void {
  if (running) return;
  const pending = queue.shift();
  if (!pending) return;
  running = pending;
  try {
    worker ??= startWorker();
  } catch (error) {
    settle(pending, { type: 'failed', message: `the parser thread could not start: ${(error as Error).message}` });
    return;
  }
  pending.timer = setTimeout(() => {
    dropWorker();
    settle(pending, { type: 'failed', message: `it took longer than ${pending.timeoutMs} ms and was stopped` });
  }, pending.timeoutMs);
  try {
    const { message, transfer } = messageFor(pending);
    worker.postMessage(message, transfer);
  } catch (error) {
    settle(pending, { type: 'failed', message: `it could not be handed to the parser thread: ${(error as Error).message}` });
  }
}

async function run(job: MetadataJob | C2paJob, timeoutMs: number): Promise<unknown> {
  const outcome = await new Promise<Outcome>((resolve) => {
    queue.push({ id: nextId++, job, timeoutMs, resolve });
    pump();
  });
  if (outcome.type === 'failed') throw new Error(outcome.message);
  return outcome.result;
}

/**
 * Runs one parse job on the shared parser thread, one job at a time. The timeout counts from when the job starts;
 * a job that overruns is abandoned and the thread replaced. Rejects with a plain-language reason.
 */
export function parseInThread(job: MetadataJob, timeoutMs: number): Promise<RawMetadata>;
export function parseInThread(job: C2paJob, timeoutMs: number): Promise<RawC2pa>;
export function parseInThread(job: MetadataJob | C2paJob, timeoutMs: number): Promise<unknown> {
  return run(job, timeoutMs);
}

/** Stops the parser thread (tests, app shutdown). Queued jobs still run on a new thread when asked. */
export async function closeParserThread(): Promise<void> {
  const stopping = worker;
  worker = null;
  if (running) settle(running, { type: 'failed', message: 'the parser thread was closed' });
  await stopping?.terminate();
}
