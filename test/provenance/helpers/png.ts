import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** One PNG chunk: length, type, data, CRC. `claimedLength` lies about the length (hostile files). */
export function pngChunk(type: string, data: Uint8Array, claimedLength = data.length): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(claimedLength >>> 0, 0);
  header.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([header.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([header, data, crc]);
}

export function tEXt(keyword: string, text: string | Uint8Array): Buffer {
  const body = typeof text === 'string' ? Buffer.from(text, 'latin1') : Buffer.from(text);
  return pngChunk('tEXt', Buffer.concat([Buffer.from(`${keyword}\0`, 'latin1'), body]));
}

/** iTXt with UTF-8 text (or raw bytes, to plant bad UTF-8), optionally zlib-compressed. */
export function iTXt(keyword: string, text: string | Uint8Array, compress = false): Buffer {
  const raw = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text);
  const body = compress ? deflateSync(raw) : raw;
  const head = Buffer.concat([Buffer.from(`${keyword}\0`, 'latin1'), Buffer.from([compress ? 1 : 0, 0]), Buffer.from('\0\0')]);
  return pngChunk('iTXt', Buffer.concat([head, body]));
}

export function zTXt(keyword: string, compressed: Uint8Array): Buffer {
  return pngChunk('zTXt', Buffer.concat([Buffer.from(`${keyword}\0`, 'latin1'), Buffer.from([0]), compressed]));
}

/** A small real PNG (sharp) with extra chunks placed right after IHDR, as PIL and c2pa-rs place theirs. */
export async function pngWith(chunks: Buffer[], options: { width?: number; trailing?: Buffer[] } = {}): Promise<Buffer> {
  const width = options.width ?? 8;
  const png = await sharp({ create: { width, height: width, channels: 3, background: '#336699' } }).png().toBuffer();
  const ihdrEnd = 8 + 8 + 13 + 4;
  const iendStart = png.length - 12;
  return Buffer.concat([png.subarray(0, ihdrEnd), ...chunks, png.subarray(ihdrEnd, iendStart), ...(options.trailing ?? []), png.subarray(iendStart)]);
}
