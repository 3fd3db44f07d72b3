import { crc32 as zlibCrc32 } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { crc32, tableCrc32 } from '../../main/provenance/container/crc32';

describe('crc32', () => {
  // The table is what runs on Node before 20.15; the exported one is zlib's where Node has it.
  for (const [name, check] of [['exported', crc32], ['table (Node 20.11)', tableCrc32]] as const) {
    it(`${name}: is the CRC PNG chunks carry: the check value, and zlib's answer on random data`, () => {
      expect(check(Buffer.from('123456789'))).toBe(0xcbf43926);
      expect(check(new Uint8Array(0))).toBe(0);
      for (const size of [1, 13, 4096, 70_000]) {
        const bytes = randomBytes(size);
        expect(check(bytes)).toBe(zlibCrc32(bytes));
      }
    });
  }
});
