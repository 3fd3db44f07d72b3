import { closeSync, ftruncateSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileReadError } from '../../main/ingest/file-errors';
import type { HashOptions, HashResult } from '../../main/ingest/hash-file';
import { createHashPool } from '../../main/ingest/hash-pool';
import { hashItems, type HashedItem, type IngestProgress } from '../../main/ingest/ingest-files';
import { groupSequences, sequenceHash, type IngestItem } from '../../main/ingest/sequences';
import { patternBytes, sha256sumOf, useTempDir } from './temp-dir';

const MiB = 1024 * 1024;
const tempDir = useTempDir('ingest-files');

describe('hashItems', () => {
  const pool = createHashPool({ concurrency: 2 });
  afterAll(() => pool.close());

  let folder = '';
  let paths: string[] = [];
  const sizes = new Map<string, number>();
  beforeAll(() => {
    folder = join(tempDir(), 'renders');
    mkdirSync(folder);
    const names = ['prompt.txt', 'hero.mov', ...[1001, 1002, 1004, 1005, 1006].map((frame) => `sh010_v003.${frame}.exr`)];
    paths = names.map((name, index) => {
      const path = join(folder, name);
      const size = index === 1 ? 9 * MiB + 5 : 200_000 + index * 1000;
      writeFileSync(path, patternBytes(size, index + 3));
      sizes.set(path, size);
      return path;
    });
  });

  it('hashes files and sequences, with per-frame hashes and a reproducible sequence hash', async () => {
    const items = groupSequences(paths);
    const hashed = await hashItems(items, pool);
    const frames = paths.slice(2);
    const frameHashes = frames.map(sha256sumOf);
    expect(hashed).toEqual<HashedItem[]>([
      { kind: 'file', path: paths[0] as string, fileName: 'prompt.txt', size: sizes.get(paths[0] as string) as number, sha256: sha256sumOf(paths[0] as string), mediaType: 'text' },
      { kind: 'file', path: paths[1] as string, fileName: 'hero.mov', size: 9 * MiB + 5, sha256: sha256sumOf(paths[1] as string), mediaType: 'video' },
      {
        kind: 'sequence',
        path: folder,
        fileName: 'sh010_v003.####.exr',
        size: frames.reduce((sum, path) => sum + (sizes.get(path) as number), 0),
        sha256: sequenceHash(frameHashes),
        mediaType: 'image',
        frameRange: { first: 1001, last: 1006 },
        frames: [1001, 1002, 1004, 1005, 1006].map((frame, index) => ({ frame, sha256: frameHashes[index] as string, size: sizes.get(frames[index] as string) as number })),
      },
    ]);
  });

  it('reports monotonic progress from nothing done to the exact totals', async () => {
    const reports: IngestProgress[] = [];
    await hashItems(groupSequences(paths), pool, { onProgress: (progress) => reports.push(progress) });
    const bytesTotal = [...sizes.values()].reduce((sum, size) => sum + size, 0);
    expect(reports[0]).toEqual({ filesDone: 0, filesTotal: 7, bytesDone: 0, bytesTotal, etaSeconds: null });
    expect(reports.at(-1)).toEqual({ filesDone: 7, filesTotal: 7, bytesDone: bytesTotal, bytesTotal, etaSeconds: 0 });
    for (let index = 1; index < reports.length; index++) {
      const [before, after] = [reports[index - 1] as IngestProgress, reports[index] as IngestProgress];
      expect(after.filesDone).toBeGreaterThanOrEqual(before.filesDone);
      expect(after.bytesDone).toBeGreaterThanOrEqual(before.bytesDone);
      expect(after.bytesDone).toBeLessThanOrEqual(bytesTotal);
    }
  });

  it('hashes nothing and names the file when one file of the batch is missing', async () => {
    const missing = join(folder, 'deleted.png');
    let hashCalls = 0;
    const countingPool = { hash: (path: string, options?: HashOptions) => (hashCalls++, pool.hash(path, options)) };
    const items: IngestItem[] = [...groupSequences(paths), { kind: 'file', path: missing }];
    await expect(hashItems(items, countingPool)).rejects.toThrow(`Cannot read "${missing}": it does not exist`);
    expect(hashCalls).toBe(0);
  });

  it('cancels the rest and rejects only after every read stopped when one file fails while being read', async () => {
    const events: string[] = [];
    const failingPool = {
      hash: (path: string, options: HashOptions = {}) =>
        new Promise<HashResult>((resolve, reject) => {
          if (path === paths[3]) {
            setTimeout(() => reject(new FileReadError(path, 'EIO', 'the disk reported an input/output error')), 5);
            return;
          }
          options.signal?.addEventListener('abort', () =>
            setTimeout(() => {
              events.push(`stopped ${path}`);
              reject(Object.assign(new Error('cancelled'), { name: 'AbortError' }));
            }, 20),
          );
        }),
    };
    const error = await hashItems(groupSequences(paths), failingPool).catch((caught: unknown) => caught);
    events.push('rejected');
    expect(error).toBeInstanceOf(FileReadError);
    expect((error as Error).message).toBe(`Cannot read "${paths[3]}": the disk reported an input/output error`);
    expect(events.at(-1)).toBe('rejected');
    expect(events.filter((event) => event.startsWith('stopped'))).toHaveLength(6);
  });

  it('refuses a file whose size changed between listing and reading', async () => {
    const growingPool = { hash: async (path: string) => ({ sha256: 'f'.repeat(64), size: (sizes.get(path) as number) + (path === paths[0] ? 10 : 0) }) };
    await expect(hashItems([{ kind: 'file', path: paths[0] as string }], growingPool)).rejects.toThrow(
      `Cannot read "${paths[0]}": it changed while being read`,
    );
  });

  it('takes the sizes a folder scan listed without looking again, and refuses a file read at another size', async () => {
    const listedSizes = new Map(paths.map((p) => [p, sizes.get(p) as number]));
    listedSizes.set(paths[1] as string, (sizes.get(paths[1] as string) as number) - 1); // as listed before it grew
    const unreadable: string[] = [];
    const hashed = await hashItems(paths.slice(0, 3).map((path) => ({ kind: 'file' as const, path })), pool, { listedSizes, onUnreadable: (e) => unreadable.push(e.message) });
    expect(hashed.map((h) => h.path)).toEqual([paths[0], paths[2]]);
    expect(unreadable).toEqual([expect.stringMatching(new RegExp(`^Cannot read ".*${(paths[1] as string).split('/').pop()}": it changed while being read \\(\\d+ bytes before, \\d+ bytes read\\)`))]);
  });

  it('with onUnreadable, names every file it could not size or read and returns the items whose files all read', async () => {
    const missing = join(folder, 'deleted.png');
    const unreadable: string[] = [];
    // One frame fails in the worker, one file is gone before it is sized, one is a folder: none stops the rest.
    const flakyPool = {
      hash: (path: string, options?: HashOptions) =>
        path === paths[3] ? Promise.reject(new FileReadError(path, 'EIO', 'the disk reported an input/output error')) : pool.hash(path, options),
    };
    const items: IngestItem[] = [...groupSequences(paths), { kind: 'file', path: missing }, { kind: 'file', path: folder }];
    const reports: IngestProgress[] = [];
    const hashed = await hashItems(items, flakyPool, { onUnreadable: (e) => unreadable.push(e.message), onProgress: (p) => reports.push(p) });
    // Files left out count as done, whether they failed before or while being read.
    expect(reports[0]?.filesTotal).toBe(paths.length + 2);
    expect(reports.at(-1)?.filesDone).toBe(paths.length + 2);
    expect(unreadable.sort()).toEqual([
      `Cannot read "${folder}": it is a folder, not a file`,
      `Cannot read "${missing}": it does not exist`,
      `Cannot read "${paths[3]}": the disk reported an input/output error`,
    ].sort());
    // The sequence holding the failed frame is left out whole; the two plain files are complete.
    expect(hashed.map((h) => h.fileName).sort()).toEqual(['hero.mov', 'prompt.txt']);
    expect(hashed.find((h) => h.fileName === 'prompt.txt')?.sha256).toBe(sha256sumOf(paths[0] as string));
  });

  it('with onUnreadable, still stops at a failure that is not the file\'s own (no file handles left)', async () => {
    const unreadable: string[] = [];
    const exhaustedPool = {
      hash: (path: string, options?: HashOptions) =>
        path === paths[1] ? Promise.reject(new FileReadError(path, 'EMFILE', 'too many files are open')) : pool.hash(path, options),
    };
    await expect(hashItems(groupSequences(paths), exhaustedPool, { onUnreadable: (e) => unreadable.push(e.message) }))
      .rejects.toThrow(`Cannot read "${paths[1]}": too many files are open`);
    expect(unreadable).toEqual([]);
  });

  it('stops everything when the signal aborts and rejects with an AbortError', async () => {
    const big = join(tempDir(), 'big.exr');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 512 * MiB);
    closeSync(fd);
    const controller = new AbortController();
    const error = await hashItems([{ kind: 'file', path: big }, ...groupSequences(paths)], pool, {
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.bytesDone > 0) controller.abort();
      },
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'AbortError', message: 'Hashing was cancelled before all 8 files were read' });
    await expect(hashItems(groupSequences(paths), pool, { signal: AbortSignal.abort() })).rejects.toThrow('Hashing was cancelled');
  });
});
