import { randomFillSync } from 'node:crypto';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MiB } from './stats';

export function createTempDir(label: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `genlog-bench-${label}-`));
}

export function removeTempDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

/** 16 MiB of random bytes shared by every written file: generating fresh randomness would dominate setup time. */
let randomBlock: Buffer | undefined;
function sharedRandomBlock(): Buffer {
  randomBlock ??= randomFillSync(Buffer.allocUnsafe(16 * MiB));
  return randomBlock;
}

/**
 * Writes `size` incompressible bytes. Each file starts at a different offset of the random block and carries its
 * seed in its first bytes, so no two files written with different seeds have the same content.
 */
export async function writeRandomFile(path: string, size: number, seed = 0): Promise<void> {
  const block = sharedRandomBlock();
  const handle = await open(path, 'w');
  try {
    let written = 0;
    let offset = (seed * 7919) % (block.length - 1);
    const stamp = Buffer.from(`genlog-bench-${seed}-`);
    if (size > 0) {
      const head = stamp.subarray(0, Math.min(stamp.length, size));
      await handle.write(head, 0, head.length, 0);
      written = head.length;
    }
    while (written < size) {
      const length = Math.min(size - written, block.length - offset, 4 * MiB);
      await handle.write(block, offset, length, written);
      written += length;
      offset = (offset + length) % block.length;
    }
  } finally {
    await handle.close();
  }
}
