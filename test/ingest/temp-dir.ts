import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A fresh temp folder for the calling test file, removed after its tests. */
export function useTempDir(label: string): () => string {
  let dir: string | undefined;
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => (dir ??= mkdtempSync(join(tmpdir(), `genlog-${label}-`)));
}

/** Deterministic, non-repeating bytes so different sizes and seeds give different hashes. */
export function patternBytes(size: number, seed = 1): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  let state = seed >>> 0 || 1;
  for (let index = 0; index < size; index++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[index] = state & 0xff;
  }
  return bytes;
}

/** Reference hash computed by Node's crypto over the whole file (fine for test-sized files). */
export function referenceSha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Reference hash from the coreutils tool, an implementation independent of Node. */
export function sha256sumOf(path: string): string {
  return execFileSync('sha256sum', ['--', path], { encoding: 'utf8' }).slice(0, 64);
}
