import { crc32 as zlibCrc32 } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../main/provenance/container/crc32';

describe('crc32', () => {
  it('is the CRC PNG chunks carry: the check value, and zlib\'s answer on random data', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    for (const size of [1, 13, 4096, 70_000]) {
      const bytes = randomBytes(size);
      expect(crc32(bytes)).toBe(zlibCrc32(bytes));
    }
  });
});
