import { setMaxListeners } from 'node:events';
import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { FileReadError, IngestCancelledError, fileReadError, isAboutOneFile } from './file-errors';
import type { HashResult } from './hash-file';
import type { HashPool } from './hash-pool';
import { mediaTypeOf, type MediaType } from './media-type';
import { createProgressTracker, type IngestProgress } from './progress';
import { itemPaths, sequenceHash, type IngestItem } from './sequences';

export type { IngestProgress } from './progress';

export type HashedItem =
  | { kind: 'file'; path: string; fileName: string; size: number; sha256: string; mediaType: MediaType }
  | {
      kind: 'sequence';
      /** The sequence's folder. */
      path: string;
      /** The frame pattern, e.g. "shot_v001.####.exr". */
      fileName: string;
      /** Sum of the frame sizes. */
      size: number;
      /** sequenceHash() of the frame hashes, see sequences.ts. */
      sha256: string;
      mediaType: MediaType;
      frameRange: { first: number; last: number };
      frames: { frame: number; sha256: string; size: number }[];
    };

export interface HashItemsOptions {
  /** Aborting stops all reading and rejects with an IngestCancelledError (name "AbortError"). */
  signal?: AbortSignal;
  /** Throttled to ~10 reports a second, plus a first (nothing done) and a last (everything done) report. */
  onProgress?: (progress: IngestProgress) => void;
  /** Called as each file is hashed (its size checked). */
  onFileHashed?: (path: string, result: HashResult) => void;
  /** Files whose results carry their first and last bytes (HashResult.ends), for reading their metadata. */
  keepEndsOf?: ReadonlySet<string>;
  /**
   * When given, a file that cannot be read (or changes while it is read) is reported here and left out instead of
   * failing the whole call; the result then holds only the items whose every file was read.
   */
  onUnreadable?: (error: FileReadError) => void;
  /**
   * Sizes the caller listed moments ago (a folder scan): the files are not looked at again before reading, and a
   * file whose size differs when read is reported as changed, as one that changed after being sized here is.
   */
  listedSizes?: ReadonlyMap<string, number>;
}

/** Parallel stat calls while sizing the batch. */
const STAT_CONCURRENCY = 64;

/**
 * Hashes every file and every frame of the items on the pool. All or nothing unless `onUnreadable` is given: if one
 * file cannot be read, changes while it is read, or the signal aborts, the remaining work is cancelled and the
 * promise rejects (naming the file) only after every read has stopped, so the caller can simply log nothing.
 */
export async function hashItems(items: IngestItem[], pool: Pick<HashPool, 'hash'>, options: HashItemsOptions = {}): Promise<HashedItem[]> {
  const { signal } = options;
  const paths = items.flatMap(itemPaths);
  if (signal?.aborted) throw new IngestCancelledError(paths.length);

  // Only a file's own trouble leaves it out; running out of file handles is the process's and stops the call.
  const onUnreadable = options.onUnreadable && ((error: FileReadError) => {
    if (!isAboutOneFile(error)) throw error;
    options.onUnreadable?.(error);
  });
  const unsized: FileReadError[] = [];
  const listed = options.listedSizes;
  const expectedSizes = listed && paths.every((path) => listed.has(path))
    ? new Map(paths.map((path) => [path, listed.get(path) as number]))
    : await sizeFiles(paths, onUnreadable && ((error) => unsized.push(error)));
  // A file left out before reading counts as done, as one that fails while being read does.
  const progress = createProgressTracker(
    expectedSizes.size + unsized.length,
    [...expectedSizes.values()].reduce((sum, size) => sum + size, 0),
    options.onProgress,
  );

  const stop = new AbortController();
  // Every queued file listens to this one signal; thousands of listeners are expected, not a leak.
  setMaxListeners(0, stop.signal);
  const stopOnCallerAbort = () => stop.abort();
  signal?.addEventListener('abort', stopOnCallerAbort, { once: true });
  let firstError: Error | undefined;
  const fail = (error: Error) => {
    firstError ??= error;
    stop.abort();
  };

  progress.start();
  for (const error of unsized) {
    onUnreadable?.(error);
    progress.fileDone();
  }
  const results = new Map<string, HashResult>();
  try {
    await Promise.all(
      [...expectedSizes].map(async ([path, expectedSize]) => {
        try {
          const result = await pool.hash(path, { signal: stop.signal, onBytes: (bytes) => progress.addBytes(bytes), keepEnds: options.keepEndsOf?.has(path) === true });
          if (result.size !== expectedSize) {
            result.ends?.release?.();
            throw new FileReadError(path, undefined, `it changed while being read (${expectedSize} bytes before, ${result.size} bytes read); wait until it is completely written`);
          }
          results.set(path, result);
          progress.fileDone();
          options.onFileHashed?.(path, result);
        } catch (error) {
          if (stop.signal.aborted) return;
          if (onUnreadable && error instanceof FileReadError && isAboutOneFile(error)) {
            onUnreadable(error);
            progress.fileDone();
            return;
          }
          fail(error instanceof Error ? error : new Error(String(error)));
        }
      }),
    );
  } finally {
    signal?.removeEventListener('abort', stopOnCallerAbort);
  }
  if (signal?.aborted) throw new IngestCancelledError(expectedSizes.size);
  if (firstError) throw firstError;
  progress.finish();
  const complete = onUnreadable ? items.filter((item) => itemPaths(item).every((path) => results.has(path))) : items;
  return complete.map((item) => toHashedItem(item, results));
}

/** Each file's size; one that cannot be sized fails the call, or is reported to onUnreadable and left out. */
async function sizeFiles(paths: string[], onUnreadable?: (error: FileReadError) => void): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (let start = 0; start < paths.length; start += STAT_CONCURRENCY) {
    const batch = paths.slice(start, start + STAT_CONCURRENCY);
    const stats = await Promise.all(batch.map((path) => stat(path).catch((error: unknown) => fileReadError(path, error))));
    stats.forEach((stats, index) => {
      const path = batch[index] as string;
      const error = stats instanceof FileReadError ? stats
        : stats.isDirectory() ? fileReadError(path, { code: 'EISDIR' })
        : !stats.isFile() ? fileReadError(path, { code: 'ENOTFILE' })
        : null;
      if (!error) sizes.set(path, (stats as Stats).size);
      else if (onUnreadable) onUnreadable(error);
      else throw error;
    });
  }
  return sizes;
}

function toHashedItem(item: IngestItem, results: Map<string, HashResult>): HashedItem {
  const resultFor = (path: string): HashResult => {
    const result = results.get(path);
    if (!result) throw new Error(`Internal error: "${path}" was not hashed`);
    return result;
  };
  if (item.kind === 'file') {
    const { sha256, size } = resultFor(item.path);
    const fileName = basename(item.path);
    return { kind: 'file', path: item.path, fileName, size, sha256, mediaType: mediaTypeOf(fileName) };
  }
  const frames = item.frames.map(({ frame, path }) => ({ frame, ...resultFor(path) }));
  return {
    kind: 'sequence',
    path: item.directory,
    fileName: item.pattern,
    size: frames.reduce((sum, frame) => sum + frame.size, 0),
    sha256: sequenceHash(frames.map((frame) => frame.sha256)),
    mediaType: mediaTypeOf(item.pattern),
    frameRange: { first: item.first, last: item.last },
    frames,
  };
}
