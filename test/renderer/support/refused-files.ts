import { basename } from 'node:path';
import { FileReadError } from '../../../main/ingest/file-errors';
import type * as HashPoolModule from '../../../main/ingest/hash-pool';

/**
 * The hash-pool module with one change: the disk refuses files named refused.*, as a permission error would (the
 * tests run as root, who reads everything). Every other file is hashed by the real pool. For vi.mock:
 *   vi.mock('../../main/ingest/hash-pool', async (original) =>
 *     (await import('./support/refused-files')).refusingHashPools(await original()));
 */
export function refusingHashPools(real: typeof HashPoolModule): typeof HashPoolModule {
  return {
    ...real,
    createHashPool: (options) => {
      const pool = real.createHashPool(options);
      return {
        ...pool,
        hash: (path, o) => (basename(path).startsWith('refused.') ? Promise.reject(new FileReadError(path, 'EACCES', 'permission denied')) : pool.hash(path, o)),
      };
    },
  };
}
