import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LibraryError } from '../library-error';
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
  /** XMP packets a TIFF holds, as text, left for the caller to parse (it marks some values first). */
  rawXmp?: string[];
  /** What exifr could not read, by part, in its own words (the caller puts them in plain ones). */
  errors: { part: 'EXIF' | 'XMP'; message: string }[];
}

export interface RawC2pa {
  json: string;
  crJson: string | null;
}

/** `fromLibrary`: the message is a parsing library's, about the file, not one of GenLog's own. */
type Outcome = { type: 'done'; result: unknown } | { type: 'failed'; message: string; fromLibrary?: boolean };

interface Pending {
  id: number;
  job: MetadataJob | C2paJob;
  /** The compiled C2PA reader, sent along with a C2PA job (a shared handle, not a copy). */
  module?: WebAssembly.Module;
  timeoutMs: number;
  resolve: (outcome: Outcome) => void;
  timer?: NodeJS.Timeout;
}

// Memory for the JavaScript heap of the thread; the C2PA reader's WebAssembly memory comes on top.
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32, stackSizeMb: 8 };
/**
 * Parser threads at most. A folder of signed files queues one C2PA check (tens of milliseconds) per file; on one
 * thread they would run one after another long after the hashing had finished, with the other cores idle.
 */
const MAX_LANES = Math.max(1, Math.min(4, availableParallelism()));
/** A thread beyond the first that has had nothing to do for this long is stopped (its WebAssembly memory freed). */
const IDLE_LANE_MS = 15_000;

/** One parser thread and the job it runs. */
interface Lane {
  worker: Worker;
  running: Pending | null;
  idle?: NodeJS.Timeout;
}

const queue: Pending[] = [];
const lanes: Lane[] = [];
let nextId = 1;
/** The C2PA reader compiled once (off the main thread, by V8) and shared by every parser thread. */
let c2paModule: Promise<WebAssembly.Module> | null = null;

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

function compiledC2pa(): Promise<WebAssembly.Module> {
  if (!c2paModule) {
    const compiling = readFile(modulePaths().c2paWasmPath).then((bytes) => WebAssembly.compile(bytes));
    // A failed compile is not kept: the next C2PA job tries again.
    compiling.catch(() => { if (c2paModule === compiling) c2paModule = null; });
    c2paModule = compiling;
  }
  return c2paModule;
}

function startLane(): Lane {
  const worker = new Worker(PARSER_WORKER_SOURCE, { eval: true, workerData: modulePaths(), resourceLimits: RESOURCE_LIMITS });
  const lane: Lane = { worker, running: null };
  worker.on('message', (message: { id: number; fatal?: boolean } & Outcome) => {
    if (!lane.running || message.id !== lane.running.id) return;
    if (message.fatal) dropLane(lane); // the thread exits after a WebAssembly trap; do not hand it the next job
    settle(lane, message);
  });
  const lost = (reason: string) => {
    if (!lanes.includes(lane)) return;
    dropLane(lane);
    if (lane.running) settle(lane, { type: 'failed', message: reason });
  };
  worker.on('error', (error) => lost(`the parser thread failed: ${error.message}`));
  worker.on('exit', (code) => lost(`the parser thread stopped unexpectedly (exit code ${code})`));
  // An idle parser thread must not keep the app or CLI alive; pending jobs hold a timer instead. After the listeners:
  // adding a 'message' listener refs the worker again (a CLI run that failed early then never exited).
  worker.unref();
  lanes.push(lane);
  return lane;
}

function dropLane(lane: Lane): void {
  const at = lanes.indexOf(lane);
  if (at >= 0) lanes.splice(at, 1);
  clearTimeout(lane.idle);
  void lane.worker.terminate();
}

function settle(lane: Lane, outcome: Outcome): void {
  const pending = lane.running;
  if (!pending) return;
  clearTimeout(pending.timer);
  lane.running = null;
  pending.resolve(outcome);
  pump();
  if (!lane.running && lanes.indexOf(lane) > 0) {
    lane.idle = setTimeout(() => dropLane(lane), IDLE_LANE_MS);
    lane.idle.unref();
  }
}

/** Views into shared buffers would clone their whole backing store; send exact copies, or move owned buffers. */
function messageFor(pending: Pending): { message: object; transfer: ArrayBuffer[] } {
  const { job, id } = pending;
  if (job.type === 'metadata') {
    return { message: { ...job, id, tiff: job.tiff ? new Uint8Array(job.tiff) : null, xmp: job.xmp.map((packet) => new Uint8Array(packet)) }, transfer: [] };
  }
  const owned = job.bytes.byteOffset === 0 && job.bytes.byteLength === job.bytes.buffer.byteLength && job.bytes.buffer instanceof ArrayBuffer;
  const bytes = owned ? job.bytes : new Uint8Array(job.bytes);
  return { message: { ...job, id, bytes, module: pending.module }, transfer: [bytes.buffer as ArrayBuffer] };
}

function pump(): void {
  while (queue.length > 0) {
    let lane = lanes.find((l) => !l.running);
    if (!lane && lanes.length < MAX_LANES) {
      try {
        lane = startLane();
      } catch (error) {
        const pending = queue.shift() as Pending;
        pending.resolve({ type: 'failed', message: `the parser thread could not start: ${(error as Error).message}` });
        continue;
      }
    }
    if (!lane) return;
    begin(lane, queue.shift() as Pending);
  }
}

function begin(lane: Lane, pending: Pending): void {
  clearTimeout(lane.idle);
  lane.running = pending;
  pending.timer = setTimeout(() => {
    dropLane(lane);
    settle(lane, { type: 'failed', message: `it took longer than ${pending.timeoutMs} ms and was stopped` });
  }, pending.timeoutMs);
  try {
    const { message, transfer } = messageFor(pending);
    lane.worker.postMessage(message, transfer);
  } catch (error) {
    settle(lane, { type: 'failed', message: `it could not be handed to the parser thread: ${(error as Error).message}` });
  }
}

async function run(job: MetadataJob | C2paJob, timeoutMs: number): Promise<unknown> {
  let module: WebAssembly.Module | undefined;
  if (job.type === 'c2pa') {
    try {
      module = await compiledC2pa();
    } catch (error) {
      throw new Error(`the C2PA reader could not be loaded: ${(error as Error).message}`, { cause: error });
    }
  }
  const outcome = await new Promise<Outcome>((resolve) => {
    queue.push({ id: nextId++, job, module, timeoutMs, resolve });
    pump();
  });
  if (outcome.type === 'failed') throw outcome.fromLibrary ? new LibraryError(outcome.message) : new Error(outcome.message);
  return outcome.result;
}

/**
 * Runs one parse job on a parser thread: jobs wait in one queue and run on up to MAX_LANES threads, one job per
 * thread at a time. The timeout counts from when the job starts; a job that overruns is abandoned and its thread
 * replaced. Rejects with a plain-language reason, or with a LibraryError carrying the library's own words.
 */
export function parseInThread(job: MetadataJob, timeoutMs: number): Promise<RawMetadata>;
export function parseInThread(job: C2paJob, timeoutMs: number): Promise<RawC2pa>;
export function parseInThread(job: MetadataJob | C2paJob, timeoutMs: number): Promise<unknown> {
  return run(job, timeoutMs);
}

/** Stops the parser threads (tests, app shutdown). Queued jobs still run on a new thread when asked. */
export async function closeParserThread(): Promise<void> {
  const stopping = lanes.splice(0);
  for (const lane of stopping) {
    clearTimeout(lane.idle);
    if (lane.running) {
      const pending = lane.running;
      clearTimeout(pending.timer);
      lane.running = null;
      pending.resolve({ type: 'failed', message: 'the parser thread was closed' });
    }
  }
  await Promise.all(stopping.map((lane) => lane.worker.terminate()));
  pump();
}

/** How many parser threads run now (tests; a diagnostics line). */
export function parserThreadCount(): number {
  return lanes.length;
}
