/**
 * Source of the hashing worker, run with `new Worker(HASH_WORKER_SOURCE, { eval: true })`.
 *
 * It is a CommonJS string rather than a file because sources are TypeScript under vitest but one bundled file in
 * production: an eval worker needs no worker file path in either. The loop is the one in hash-file.ts (two
 * alternating buffers, the next read in flight while the current chunk is hashed); the tests check both agree.
 * Here the 4 MiB buffers are kept between jobs so small files cost no allocation; jobs run as described at `waiting`.
 *
 * With keepEnds, 'done' also carries the file's first and last bytes (file-ends.ts), copied from the buffer that
 * was just hashed (or, for files larger than one chunk, read again: two small reads of pages just cached), in a
 * slot of the shared slab ({ size, slot, headLength, tailStart, tailLength }) or in buffers of their own.
 *
 * Messages in:  { type: 'hash', id, path, wantsBytes, keepEnds }  |  { type: 'cancel', id }
 * Messages out: { type: 'bytes', id, bytes } (large files, per chunk)  |  { type: 'done', id, sha256, size, ends? }
 *               { type: 'failed', id, code, message }  |  { type: 'cancelled', id, bytesRead }
 */
export const HASH_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { closeSync, fstatSync, openSync, read, readSync, statSync } = require('node:fs');
const { createHash } = require('node:crypto');

const CHUNK_BYTES = workerData.chunkBytes;
const HEAD_BYTES = workerData.headBytes;
const TAIL_BYTES = workerData.tailBytes;
const freeBuffers = [];
const activeJobs = new Map();

function takeBuffer() {
  return freeBuffers.pop() || Buffer.allocUnsafe(CHUNK_BYTES);
}

function codedError(code, message) {
  const error = new Error(message);
  error.code = code;
  return error;
}

function readAt(fd, buffer, position) {
  return new Promise((resolve, reject) => {
    read(fd, buffer, 0, CHUNK_BYTES, position, (error, bytesRead) => (error ? reject(error) : resolve(bytesRead)));
  });
}

// The main thread's slots for kept ends (file-ends.ts): shared memory, so handing a file's ends over allocates
// nothing. A slot's flag in slotsInUse is set here when the slot is filled and cleared by the main thread once it has
// read the bytes (no message, so no wake-up of this thread per file). When every slot is in use, ends get memory of
// their own, moved to the main thread without a copy.
const SLAB = workerData.endsSlab ? Buffer.from(workerData.endsSlab) : null;
const SLOT_BYTES = HEAD_BYTES + TAIL_BYTES;
const slotsInUse = workerData.slotsInUse ? new Int32Array(workerData.slotsInUse) : new Int32Array(0);
let nextSlot = 0;

function takeSlot() {
  for (let tried = 0; tried < slotsInUse.length; tried++) {
    const slot = (nextSlot + tried) % slotsInUse.length;
    if (Atomics.load(slotsInUse, slot) === 0) {
      Atomics.store(slotsInUse, slot, 1);
      nextSlot = (slot + 1) % slotsInUse.length;
      return slot;
    }
  }
  return undefined;
}

/** Copies bytes [start, end) of the file to target[offset..]: from the buffer holding the whole file, or read. */
function fill(target, offset, start, end, whole, fd) {
  if (whole) return whole.copy(target, offset, start, end);
  let filled = 0;
  while (filled < end - start) {
    const bytesRead = readSync(fd, target, offset + filled, end - start - filled, start + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled;
}

/**
 * Hashes a file of expected bytes (under one chunk) by reading its head and tail straight into a free slot, where
 * keepEnds would copy them, and its middle into scratch. A copy into shared memory goes through V8's relaxed-atomic
 * copy, much slower than a plain one: on the ingest budget's files it was most of the CPU keeping ends cost these
 * workers. Null, with the slot handed back, when no slot is free or the file is not expected bytes long after all:
 * the caller then reads it the usual way.
 */
function hashIntoSlot(fd, expected, scratch) {
  const slot = SLAB ? takeSlot() : undefined;
  if (slot === undefined) return null;
  const base = slot * SLOT_BYTES;
  try {
    const headEnd = Math.min(expected, HEAD_BYTES);
    const tailStart = Math.max(headEnd, expected - TAIL_BYTES);
    const hash = createHash('sha256');
    const pieces = [[0, headEnd, SLAB, base], [headEnd, tailStart, scratch, 0], [tailStart, expected, SLAB, base + HEAD_BYTES]];
    for (const [start, end, target, offset] of pieces) {
      if (end === start) continue;
      if (fill(target, offset, start, end, null, fd) !== end - start) return handBack(slot); // it shrank
      hash.update(target.subarray(offset, offset + end - start));
    }
    if (readSync(fd, scratch, 0, 1, expected) !== 0) return handBack(slot); // it grew
    const ends = { size: expected, slot, headLength: headEnd, tailStart, tailLength: expected - tailStart };
    return { sha256: hash.digest('hex'), size: expected, kept: { ends, transfer: [] } };
  } catch (error) {
    handBack(slot);
    throw error;
  }
}

function handBack(slot) {
  Atomics.store(slotsInUse, slot, 0);
  return null;
}

function keepEnds(size, whole, fd) {
  const headEnd = Math.min(size, HEAD_BYTES);
  const tailStart = Math.max(headEnd, size - TAIL_BYTES);
  const slot = SLAB ? takeSlot() : undefined;
  if (slot !== undefined) {
    const base = slot * SLOT_BYTES;
    try {
      const headLength = fill(SLAB, base, 0, headEnd, whole, fd);
      const tailLength = fill(SLAB, base + HEAD_BYTES, tailStart, size, whole, fd);
      return { ends: { size, slot, headLength, tailStart, tailLength }, transfer: [] };
    } catch (error) {
      handBack(slot); // the job fails; its slot must not stay taken
      throw error;
    }
  }
  const head = Buffer.allocUnsafeSlow(headEnd);
  const tail = Buffer.allocUnsafeSlow(size - tailStart);
  const headLength = fill(head, 0, 0, headEnd, whole, fd);
  const tailLength = fill(tail, 0, tailStart, size, whole, fd);
  return { ends: { size, head: head.subarray(0, headLength), tailStart, tail: tail.subarray(0, tailLength) }, transfer: [head.buffer, tail.buffer] };
}

class Cancelled {
  constructor(bytesRead) {
    this.bytesRead = bytesRead;
  }
}

/** The file's stat, or why it could not be taken. */
function statOrError(path) {
  try {
    return statSync(path);
  } catch (error) {
    return error;
  }
}

async function hashPath(id, path, wantsBytes, wantsEnds, job, before) {
  // Looked at before opening, as hash-file.ts does: opening a named pipe waits for a writer, possibly for ever,
  // and this thread could not even be told to stop.
  if (before instanceof Error) throw before;
  if (before.isDirectory()) throw codedError('EISDIR', 'is a directory');
  if (!before.isFile()) throw codedError('ENOTFILE', 'not a regular file');
  const fd = openSync(path, 'r');
  let pendingRead;
  let filling = takeBuffer();
  let spare = null; // the second buffer only for a file read in several chunks
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw codedError('EISDIR', 'is a directory');
    if (!stats.isFile()) throw codedError('ENOTFILE', 'not a regular file');
    const hash = createHash('sha256');
    let size = 0;
    if (stats.size < CHUNK_BYTES) {
      const inSlot = wantsEnds ? hashIntoSlot(fd, stats.size, filling) : null;
      if (inSlot) return inSlot;
      // Fits in one read: a blocking read on this worker's own thread skips the thread-pool round trips that
      // dominate the cost of small files. Its bytes are reported with 'done', sparing a message per file.
      let reads = 0;
      for (let bytesRead = readSync(fd, filling, 0, CHUNK_BYTES, 0); bytesRead > 0; bytesRead = readSync(fd, filling, 0, CHUNK_BYTES, size)) {
        hash.update(bytesRead === CHUNK_BYTES ? filling : filling.subarray(0, bytesRead));
        size += bytesRead;
        reads += 1;
      }
      // One read means the buffer still holds the whole file; a file that grew meanwhile is read again.
      return { sha256: hash.digest('hex'), size, kept: wantsEnds ? keepEnds(size, reads === 1 ? filling : null, fd) : undefined };
    }
    spare = takeBuffer();
    let read = readAt(fd, filling, 0);
    pendingRead = read;
    for (;;) {
      const bytesRead = await read;
      pendingRead = undefined;
      if (bytesRead === 0) break;
      if (job.cancelled) throw new Cancelled(size);
      const filled = filling;
      filling = spare;
      spare = filled;
      size += bytesRead;
      read = readAt(fd, filling, size);
      pendingRead = read;
      hash.update(bytesRead === CHUNK_BYTES ? filled : filled.subarray(0, bytesRead));
      if (wantsBytes) parentPort.postMessage({ type: 'bytes', id, bytes: bytesRead });
    }
    return { sha256: hash.digest('hex'), size, kept: wantsEnds ? keepEnds(size, null, fd) : undefined };
  } finally {
    if (pendingRead) await pendingRead.catch(() => undefined);
    closeSync(fd);
    freeBuffers.push(filling);
    if (spare) freeBuffers.push(spare);
  }
}

// The pool hands a worker several files ahead, so it never waits for the main thread between small files. Small
// files (read in one go, never yielding) run one after another in the order sent. At most one large file per worker
// is read at a time: while it waits on its reads the small files behind it go ahead, and other large files wait their
// turn. So a file of many gigabytes never holds up the small ones handed to the same worker, and one worker uses at
// most three chunk buffers (the large file's two, and a small file's).
const waiting = [];
let largeActive = false;
let scheduled = false;

function schedule() {
  if (scheduled) return;
  scheduled = true;
  // Through the event loop, not straight on: a cancel for a file waiting here is read between jobs.
  setImmediate(runWaiting);
}

function runWaiting() {
  scheduled = false;
  for (let at = 0; at < waiting.length; at++) {
    const next = waiting[at];
    next.before = next.before || statOrError(next.path);
    const large = !(next.before instanceof Error) && next.before.isFile() && next.before.size >= CHUNK_BYTES;
    if (large && largeActive) continue;
    waiting.splice(at, 1);
    if (large) largeActive = true;
    start(next, large);
    schedule();
    return;
  }
}

function start(next, large) {
  const { id, path, wantsBytes, keepEnds, job, before } = next;
  hashPath(id, path, wantsBytes, keepEnds, job, before)
    .then(
      (result) => {
        const { kept } = result;
        parentPort.postMessage({ type: 'done', id, sha256: result.sha256, size: result.size, ends: kept && kept.ends }, kept ? kept.transfer : []);
      },
      (error) => {
        if (error instanceof Cancelled) {
          parentPort.postMessage({ type: 'cancelled', id, bytesRead: error.bytesRead });
        } else {
          const code = error && error.code ? String(error.code) : undefined;
          const text = error && error.message ? String(error.message) : String(error);
          parentPort.postMessage({ type: 'failed', id, code, message: text });
        }
      },
    )
    .finally(() => {
      activeJobs.delete(id);
      if (large) largeActive = false;
      schedule();
    });
}

parentPort.on('message', (message) => {
  if (message.type === 'cancel') {
    const at = waiting.findIndex((w) => w.id === message.id);
    if (at >= 0) {
      // Not started: nothing was read.
      waiting.splice(at, 1);
      activeJobs.delete(message.id);
      parentPort.postMessage({ type: 'cancelled', id: message.id, bytesRead: 0 });
      return;
    }
    const job = activeJobs.get(message.id);
    if (job) job.cancelled = true;
    return;
  }
  if (message.type !== 'hash') return;
  const job = { cancelled: false };
  activeJobs.set(message.id, job);
  waiting.push({ id: message.id, path: message.path, wantsBytes: message.wantsBytes, keepEnds: message.keepEnds, job, before: null });
  schedule(); // after the other messages that came with this one (a cancel for it, among them)
});
`;
