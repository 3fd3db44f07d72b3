import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FileReadError, HashCancelledError, fileReadError } from '../../main/ingest/file-errors';
import { HASH_CHUNK_BYTES, hashFile } from '../../main/ingest/hash-file';
import { patternBytes, referenceSha256, sha256sumOf, useTempDir } from './temp-dir';

const MiB = 1024 * 1024;
const tempDir = useTempDir('hash-file');

const sizes: [string, number][] = [
  ['empty', 0],
  ['small', 1000],
  ['exactly 4 MiB', 4 * MiB],
  ['4 MiB + 1', 4 * MiB + 1],
  ['several chunks', 9 * MiB + 7],
];

describe('hashFile', () => {
  const paths = new Map<string, string>();
  beforeAll(() => {
    sizes.forEach(([label, size], index) => {
      const path = join(tempDir(), `${label.replace(/\W+/g, '_')}.bin`);
      writeFileSync(path, patternBytes(size, index + 7));
      paths.set(label, path);
    });
  });

  it('reads in 4 MiB chunks', () => {
    expect(HASH_CHUNK_BYTES).toBe(4 * MiB);
  });

  it.each(sizes)('%s file: same hash as crypto.createHash and sha256sum', async (label, size) => {
    const path = paths.get(label) as string;
    const result = await hashFile(path);
    expect(result).toEqual({ sha256: referenceSha256(path), size });
    expect(result.sha256).toBe(sha256sumOf(path));
  });

  it('reports every byte through onBytes, one call per chunk', async () => {
    const reported: number[] = [];
    const result = await hashFile(paths.get('several chunks') as string, { onBytes: (bytes) => reported.push(bytes) });
    expect(reported).toEqual([4 * MiB, 4 * MiB, MiB + 7]);
    expect(reported.reduce((sum, bytes) => sum + bytes, 0)).toBe(result.size);
  });

  it('names a missing file in its error', async () => {
    const missing = join(tempDir(), 'no-such-render.exr');
    await expect(hashFile(missing)).rejects.toThrow(`Cannot read "${missing}": it does not exist`);
    await expect(hashFile(missing)).rejects.toBeInstanceOf(FileReadError);
  });

  it('refuses a folder, naming it', async () => {
    const folder = join(tempDir(), 'a-folder');
    mkdirSync(folder);
    await expect(hashFile(folder)).rejects.toThrow(`Cannot read "${folder}": it is a folder, not a file`);
  });

  it('refuses a device, naming it', async () => {
    await expect(hashFile('/dev/null')).rejects.toThrow('Cannot read "/dev/null": it is not a regular file');
  });

  it('refuses a named pipe at once instead of waiting for a writer', async () => {
    const pipe = join(tempDir(), 'render.png');
    execFileSync('mkfifo', [pipe]);
    await expect(hashFile(pipe)).rejects.toThrow(`Cannot read "${pipe}": it is not a regular file`);
  });

  it('refuses a file that grows while it is read, instead of hashing whatever was there so far', async () => {
    const growing = join(tempDir(), 'growing.exr');
    writeFileSync(growing, patternBytes(9 * MiB, 3));
    // A renderer appending as the first chunk arrives, as a copy or render in progress does.
    const result = hashFile(growing, { onBytes: () => appendFileSync(growing, 'another scanline') });
    await expect(result).rejects.toThrow(/it changed while being read \(9437184 bytes before, \d+ bytes read\); wait until it is completely written/);
  });

  it('says a file was modified while being read when only its modification time changed', async () => {
    const touched = join(tempDir(), 'touched.exr');
    writeFileSync(touched, patternBytes(9 * MiB, 4));
    const later = new Date(Date.now() + 60_000);
    const result = hashFile(touched, { onBytes: () => utimesSync(touched, later, later) });
    await expect(result).rejects.toThrow(`Cannot read "${touched}": it was modified while being read; wait until it is completely written`);
  });

  it('turns permission errors into words a user understands', () => {
    const denied = Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES' });
    expect(fileReadError('/renders/locked.exr', denied).message).toBe('Cannot read "/renders/locked.exr": permission denied');
  });

  it('stops at the next chunk when aborted and rejects with an AbortError', async () => {
    const controller = new AbortController();
    const reported: number[] = [];
    const hashing = hashFile(paths.get('several chunks') as string, {
      signal: controller.signal,
      onBytes: (bytes) => {
        reported.push(bytes);
        controller.abort();
      },
    });
    const error: unknown = await hashing.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HashCancelledError);
    expect((error as HashCancelledError).name).toBe('AbortError');
    expect((error as HashCancelledError).bytesRead).toBe(4 * MiB);
    expect(reported).toEqual([4 * MiB]);
  });

  it('does not open the file when the signal is already aborted', async () => {
    const missing = join(tempDir(), 'never-opened.exr');
    await expect(hashFile(missing, { signal: AbortSignal.abort() })).rejects.toThrow(`Hashing "${missing}" was cancelled`);
  });
});
