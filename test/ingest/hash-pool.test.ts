import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_ENDS_SLOTS, FILE_HEAD_BYTES, FILE_TAIL_BYTES } from '../../main/ingest/file-ends';
import { HashCancelledError } from '../../main/ingest/file-errors';
import { hashFile, type HashResult } from '../../main/ingest/hash-file';
import { FILES_PER_WORKER, createHashPool } from '../../main/ingest/hash-pool';
import { HASH_WORKER_SOURCE } from '../../main/ingest/hash-worker-source';
import { patternBytes, sha256sumOf, useTempDir } from './temp-dir';

const MiB = 1024 * 1024;
const tempDir = useTempDir('hash-pool');

/** A sparse file: as big as asked, instant to create, no disk used; reads of its holes are zeros. */
function sparseFile(name: string, size: number): string {
  const path = join(tempDir(), name);
  const fd = openSync(path, 'w');
  ftruncateSync(fd, size);
  closeSync(fd);
  return path;
}

describe('createHashPool', () => {
  const pool = createHashPool({ concurrency: 2 });
  afterAll(() => pool.close());

  const files: string[] = [];
  beforeAll(() => {
    // Around the kept head and tail too: files up to one chunk are read straight into their ends' slot.
    const slot = FILE_HEAD_BYTES + FILE_TAIL_BYTES;
    const sizes = [0, 1, 100, 65_536, FILE_HEAD_BYTES + 1, slot - 1, slot, slot + 1, 4 * MiB - 1, 4 * MiB, 4 * MiB + 1, 5 * MiB + 3];
    for (let index = 0; index < 30; index++) {
      const path = join(tempDir(), `frame_${index}.bin`);
      writeFileSync(path, patternBytes(sizes[index % sizes.length] as number, index + 1));
      files.push(path);
    }
  });

  it('hashes many files with the same results as hashFile and sha256sum', async () => {
    const pooled = await Promise.all(files.map((path) => pool.hash(path)));
    const direct = await Promise.all(files.map((path) => hashFile(path)));
    expect(pooled).toEqual(direct);
    expect(pooled.map((result) => result.sha256)).toEqual(files.map(sha256sumOf));
  });

  /** Hashes the files, counting how many were being read at the same time (from first bytes to result). */
  async function mostAtOnce(hashPool: ReturnType<typeof createHashPool>, paths: string[]) {
    let running = 0;
    let most = 0;
    const bytesSeen = paths.map(() => 0);
    const results = await Promise.all(
      paths.map(async (path, index) => {
        const result = await hashPool.hash(path, {
          onBytes: (bytes) => {
            if (bytesSeen[index] === 0) most = Math.max(most, ++running);
            bytesSeen[index] = (bytesSeen[index] ?? 0) + bytes;
          },
        });
        running -= 1;
        return result;
      }),
    );
    return { most, bytesSeen, results };
  }

  it('returns the first and last bytes of each file it is asked to keep them for, exactly as on disk', async () => {
    const expectEnds = (result: HashResult, path: string) => {
      const bytes = readFileSync(path);
      const ends = result.ends;
      expect(ends?.size).toBe(bytes.length);
      const headEnd = Math.min(bytes.length, FILE_HEAD_BYTES);
      expect(Buffer.from(ends?.head ?? []).equals(bytes.subarray(0, headEnd))).toBe(true);
      expect(ends?.tailStart).toBe(Math.max(headEnd, bytes.length - FILE_TAIL_BYTES));
      expect(Buffer.from(ends?.tail ?? []).equals(bytes.subarray(ends?.tailStart))).toBe(true);
      expect(result.sha256).toBe(sha256sumOf(path));
    };
    // More files than the workers have slots for, none released yet: the rest get buffers of their own.
    const many = Array.from({ length: 3 * FILE_ENDS_SLOTS }, (_, i) => files[i % files.length] as string);
    const held = await Promise.all(many.map((path) => pool.hash(path, { keepEnds: true })));
    held.forEach((result, i) => expectEnds(result, many[i] as string));
    const inSlab = (result: HashResult) => result.ends?.head.buffer instanceof SharedArrayBuffer;
    expect(held.filter(inSlab).length).toBe(2 * FILE_ENDS_SLOTS);
    for (const result of held) result.ends?.release?.();
    // Released slots are reused for the next files, and hold those files' bytes.
    const again = await Promise.all(files.map((path) => pool.hash(path, { keepEnds: true })));
    again.forEach((result, i) => expectEnds(result, files[i] as string));
    expect(again.every(inSlab)).toBe(true);
    for (const result of again) result.ends?.release?.();
    expect((await pool.hash(files[3] as string)).ends).toBeUndefined();
  });

  // /proc files say they are empty and are not: the size a worker plans its reads by can be wrong, as for a file
  // still being written. Linux only, where the suite runs.
  it.runIf(process.platform === 'linux')('reads a file longer than its size says the usual way, handing back the slot it first took', async () => {
    const single = createHashPool({ concurrency: 1 });
    try {
      const held = [];
      for (let i = 0; i < FILE_ENDS_SLOTS; i++) held.push(await single.hash('/proc/self/status', { keepEnds: true }));
      for (const result of held) {
        expect(result.size).toBeGreaterThan(0);
        expect(result.ends?.size).toBe(result.size);
        expect(Buffer.from(result.ends?.head ?? []).toString('latin1')).toMatch(/^Name:/);
      }
      // Had the first slot stayed taken, each file would have used two and half of them would have none.
      expect(held.every((result) => result.ends?.head.buffer instanceof SharedArrayBuffer)).toBe(true);
      for (const result of held) result.ends?.release?.();
    } finally {
      await single.close();
    }
  });

  it('hashes files in parallel on `concurrency` workers, one large file at a time each', async () => {
    const big = [0, 1, 2, 3, 4, 5].map((index) => sparseFile(`big_${index}.bin`, 64 * MiB));
    const { most, bytesSeen, results } = await mostAtOnce(pool, big);
    expect(most).toBe(2);
    expect(bytesSeen).toEqual(big.map(() => 64 * MiB));
    expect(new Set(results.map((result) => result.sha256)).size).toBe(1);
    expect(results[0]?.size).toBe(64 * MiB);

    const single = createHashPool({ concurrency: 1 });
    try {
      expect((await mostAtOnce(single, big.slice(0, 4))).most).toBe(1);
    } finally {
      await single.close();
    }
  });

  it('never keeps a small file waiting behind a large one handed to the same worker', async () => {
    const single = createHashPool({ concurrency: 1 });
    try {
      let hugeDone = false;
      const huge = single.hash(sparseFile('huge_first.bin', 512 * MiB)).then((r) => { hugeDone = true; return r; });
      const small = await single.hash(files[3] as string);
      expect(small).toEqual(await hashFile(files[3] as string));
      expect(hugeDone).toBe(false);
      await expect(huge).resolves.toMatchObject({ size: 512 * MiB });
    } finally {
      await single.close();
    }
  });

  it('names a missing file or a folder in its error and keeps working afterwards', async () => {
    const missing = join(tempDir(), 'gone.exr');
    const folder = join(tempDir(), 'renders');
    mkdirSync(folder);
    await expect(pool.hash(missing)).rejects.toThrow(`Cannot read "${missing}": it does not exist`);
    await expect(pool.hash(folder)).rejects.toThrow(`Cannot read "${folder}": it is a folder, not a file`);
    // A named pipe is refused at once: opening it would wait for a writer and hold the worker for ever.
    const pipe = join(tempDir(), 'render.exr');
    execFileSync('mkfifo', [pipe]);
    await expect(pool.hash(pipe)).rejects.toThrow(`Cannot read "${pipe}": it is not a regular file`);
    await expect(pool.hash(files[3] as string)).resolves.toEqual(await hashFile(files[3] as string));
  });

  it('when a worker stops, the files it held beside the one at fault are hashed on a new worker, their progress counted once', async () => {
    // A worker that dies while hashing a file named *.crash (as one would on a bug, or out of memory), once the
    // large file beside it is part read.
    const dying = `{
      const port = require('node:worker_threads').parentPort;
      const on = port.on.bind(port);
      port.on = (event, listener) => on(event, (m) => {
        if (m.type === 'hash' && m.path.endsWith('.crash')) setTimeout(() => process.exit(7), 60);
        else listener(m);
      });
    }
    ${HASH_WORKER_SOURCE}`;
    const fragile = createHashPool({ concurrency: 1, workerSource: dying });
    try {
      const big = sparseFile('big-beside.bin', 512 * MiB);
      const fault = join(tempDir(), 'render.crash');
      writeFileSync(fault, 'x');
      let bigBytes = 0;
      const jobs = [
        fragile.hash(big, { onBytes: (n) => { bigBytes += n; } }),
        ...files.slice(0, 3).map((f) => fragile.hash(f)),
        fragile.hash(fault),
        ...files.slice(3, 6).map((f) => fragile.hash(f)),
      ];
      const settled = await Promise.allSettled(jobs);
      const failed = settled.flatMap((r, i) => (r.status === 'rejected' ? [[i, (r.reason as Error).message] as const] : []));
      expect(failed).toEqual([[4, `Hashing "${fault}" failed: the hashing worker stopped unexpectedly (exit code 7)`]]);
      const hashed = settled.filter((r): r is PromiseFulfilledResult<HashResult> => r.status === 'fulfilled').map((r) => r.value.sha256);
      expect(hashed).toEqual(await Promise.all([big, ...files.slice(0, 6)].map(async (f) => (await hashFile(f)).sha256)));
      expect(bigBytes).toBe(512 * MiB);
      // The pool works on afterwards.
      await expect(fragile.hash(files[7] as string)).resolves.toEqual(await hashFile(files[7] as string));
    } finally {
      await fragile.close();
    }
  });

  it('stops reading a running job when aborted, rejects with an AbortError, and stays usable', async () => {
    const huge = sparseFile('huge.bin', 1024 * MiB);
    const controller = new AbortController();
    const error: unknown = await pool
      .hash(huge, { signal: controller.signal, onBytes: () => controller.abort() })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HashCancelledError);
    expect((error as Error).name).toBe('AbortError');
    expect((error as Error).message).toBe(`Hashing "${huge}" was cancelled`);
    expect((error as HashCancelledError).bytesRead).toBeLessThan(1024 * MiB);
    await expect(pool.hash(files[7] as string)).resolves.toEqual(await hashFile(files[7] as string));
  });

  it('drops a queued job at once when aborted, without disturbing the running ones', async () => {
    const single = createHashPool({ concurrency: 1 });
    try {
      // Large files, read one at a time by the worker: one running, the next ones handed to it ahead of time (the
      // last of them aborted), and one more waiting in the pool.
      let finished = 0;
      const running = Array.from({ length: FILES_PER_WORKER - 1 }, (_, index) =>
        single.hash(sparseFile(`running_${index}.bin`, 64 * MiB)).then((r) => { finished += 1; return r; }));
      const inWorker = new AbortController();
      const waitingInWorker = single.hash(sparseFile('waiting.bin', 64 * MiB), { signal: inWorker.signal });
      const inPool = new AbortController();
      const waitingInPool = single.hash(files[1] as string, { signal: inPool.signal });
      inWorker.abort();
      inPool.abort();
      await expect(waitingInPool).rejects.toMatchObject({ name: 'AbortError', bytesRead: 0 });
      await expect(waitingInWorker).rejects.toMatchObject({ name: 'AbortError', bytesRead: 0 });
      // Answered at once, not when its turn came after the files before it.
      expect(finished).toBe(0);
      for (const job of running) await expect(job).resolves.toMatchObject({ size: 64 * MiB });
    } finally {
      await single.close();
    }
  });

  it('rejects work after close and jobs still waiting at close', async () => {
    const closing = createHashPool({ concurrency: 1 });
    const started = [0, 1].map((index) => closing.hash(sparseFile(`started_${index}.bin`, 256 * MiB)));
    const waiting = closing.hash(files[2] as string);
    const outcomes = [...started, waiting].map((job) => job.catch((error: unknown) => error));
    await closing.close();
    const [first, second, last] = await Promise.all(outcomes);
    expect(first).toMatchObject({ message: expect.stringContaining('started_0.bin" was stopped: the hash pool closed') });
    expect(second).toMatchObject({ message: expect.stringContaining('started_1.bin" was stopped: the hash pool closed') });
    expect(last).toMatchObject({ message: `Hashing "${files[2]}" was stopped: the hash pool closed` });
    await expect(closing.hash(files[2] as string)).rejects.toThrow('the hash pool is closed');
  });

  it('starts its workers in a process run with flags workers must not inherit (bundled, as in production)', async () => {
    const bundle = join(tempDir(), 'hash-pool.bundle.mjs');
    await build({ entryPoints: [fileURLToPath(new URL('../../main/ingest/hash-pool.ts', import.meta.url))], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'silent' });
    const script = `const { createHashPool } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
      const pool = createHashPool({ concurrency: 1 });
      process.stdout.write((await pool.hash(${JSON.stringify(files[5])})).sha256);
      await pool.close();`;
    const output = execFileSync(process.execPath, ['--max-old-space-size=256', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(output).toBe(sha256sumOf(files[5] as string));
  });

  it('refuses a nonsensical concurrency', () => {
    expect(() => createHashPool({ concurrency: 0 })).toThrow('Hash pool concurrency must be a whole number of at least 1, got 0');
    expect(() => createHashPool({ concurrency: 1.5 })).toThrow('at least 1');
  });
});
