import * as zlib from 'node:zlib';

/**
 * CRC-32 as PNG chunks carry it (ISO 3309, the zlib polynomial). zlib's own is used where Node has it (20.15 and
 * later: it is several times faster, and every ComfyUI PNG's graphs are checked during an ingest); the table below
 * is for Node 20.11, which the CLI supports and where importing zlib.crc32 by name would stop every command starting.
 */
const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function tableCrc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = (TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

export const crc32: (bytes: Uint8Array) => number = typeof nativeCrc32 === 'function' ? (bytes) => nativeCrc32(bytes) >>> 0 : tableCrc32;
