import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { mtimeKey, type FileVersion } from '../../../db/file-index';
import {
  FileReadError,
  fileReadError,
  hashItems,
  type HashedItem,
  itemPaths,
  type HashItemsOptions,
  mediaTypeOf,
  sequenceHash,
  type HashPool,
  type IngestItem,
} from '../../ingest';
import type { HashedFile } from '../log-assets';
import type { SequenceDetails } from './ingest-details';

/** The file that speaks for an item (provenance, thumbnail): the file itself or a sequence's first frame. */
export function leadPath(item: IngestItem): string {
  return item.kind === 'file' ? item.path : (item.frames[0]?.path ?? join(item.directory, item.pattern));
}

/** Where the item is logged: the file, or the sequence's folder joined with its frame pattern. */
export function itemPath(item: IngestItem): string {
  return item.kind === 'file' ? item.path : join(item.directory, item.pattern);
}

/** The item's hash when every file's hash is known (a sequence's is the sequence hash), else undefined. */
export function knownItemHash(item: IngestItem, hashes: ReadonlyMap<string, string>): string | undefined {
  const frames = itemPaths(item).map((p) => hashes.get(p));
  if (frames.some((h) => h === undefined)) return undefined;
  return item.kind === 'file' ? frames[0] : sequenceHash(frames as string[]);
}

export type HashFreshOptions = Pick<HashItemsOptions, 'signal' | 'onProgress' | 'onFileHashed' | 'keepEndsOf' | 'onUnreadable'>;

/**
 * Hashes files on the pool and checks each is still the version that was listed (size and modification time), so
 * the file index never pairs a hash with the wrong version. All or nothing, unless `onUnreadable` is given: then a
 * file that cannot be read or has changed is reported there and has no hash in the result.
 */
export async function hashFresh(files: readonly FileVersion[], pool: Pick<HashPool, 'hash'>, o: HashFreshOptions = {}): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  if (files.length === 0) return hashes;
  // Sized when listed: the stat after hashing checks each is still that version, so none is needed before.
  const listedSizes = new Map(files.map((f) => [f.path, f.size]));
  const hashed = new Map((await hashItems(files.map((f) => ({ kind: 'file' as const, path: f.path })), pool, { ...o, listedSizes })).map((h) => [h.path, h]));
  const after = await Promise.all(files.map((f) => (hashed.has(f.path) ? stat(f.path).catch((error: unknown) => fileReadError(f.path, error)) : null)));
  files.forEach((f, i) => {
    const h = hashed.get(f.path);
    if (!h && o.onUnreadable) return;
    const now = after[i];
    const problem = now instanceof FileReadError ? now
      : now?.isDirectory() ? fileReadError(f.path, { code: 'EISDIR' })
      // The size read was already checked against the listing (listedSizes); this is the version now on disk.
      : !h || !now || now.size !== f.size || mtimeKey(now.mtimeMs) !== mtimeKey(f.mtimeMs)
        ? new FileReadError(f.path, undefined, 'it changed while being read; wait until it is completely written')
        : null;
    if (problem && !o.onUnreadable) throw problem;
    if (problem) o.onUnreadable?.(problem);
    else hashes.set(f.path, (h as HashedItem).sha256);
  });
  return hashes;
}

export type DescribedItem = HashedFile & { sequence?: SequenceDetails };

/** The hashed file (or sequence) as logging needs it, from the listed versions and their hashes. */
export function describeItem(item: IngestItem, versions: ReadonlyMap<string, FileVersion>, hashes: ReadonlyMap<string, string>): DescribedItem {
  const version = (path: string): FileVersion & { sha256: string } => {
    const v = versions.get(path);
    const sha256 = hashes.get(path);
    if (!v || !sha256) throw new Error(`Internal error: "${path}" was not hashed`);
    return { ...v, sha256 };
  };
  if (item.kind === 'file') {
    const v = version(item.path);
    return { fileName: basename(item.path), path: item.path, sha256: v.sha256, size: v.size, mediaType: mediaTypeOf(item.path) };
  }
  const frames = item.frames.map((f) => {
    const v = version(f.path);
    return { frame: f.frame, fileName: basename(f.path), sha256: v.sha256, size: v.size };
  });
  return {
    fileName: item.pattern,
    path: itemPath(item),
    sha256: sequenceHash(frames.map((f) => f.sha256)),
    size: frames.reduce((sum, f) => sum + f.size, 0),
    mediaType: mediaTypeOf(item.pattern),
    sequence: { first: item.first, last: item.last, frames },
  };
}
