import { randomFillSync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { crc32 } from 'node:zlib';

// Files shaped as the tools that make them write them, so that reading provenance does its real work on them.

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A PNG the way Stable Diffusion WebUI and ComfyUI write one (through PIL): IHDR, the generator's text chunks, then
 * the image data in 64 KiB IDAT chunks. The pixel data is random (incompressible, like real renders); only the
 * structure matters to the reader, which walks every chunk header.
 */
export async function writePng(path: string, texts: [string, string][], bytes: number, seed: number): Promise<void> {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1024, 0);
  ihdr.writeUInt32BE(1024, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const head = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...texts.map(([key, text]) => chunk('tEXt', Buffer.from(`${key}\0${text}`, 'latin1'))),
  ]);
  const pixels = randomFillSync(Buffer.allocUnsafe(Math.max(4, bytes - head.length)));
  pixels.writeUInt32BE(seed, 0);
  const idats: Buffer[] = [];
  for (let at = 0; at < pixels.length; at += 64 * 1024) idats.push(chunk('IDAT', pixels.subarray(at, at + 64 * 1024)));
  await writeFile(path, Buffer.concat([head, ...idats, chunk('IEND', Buffer.alloc(0))]));
}

/** A QuickTime file as an editor writes one: ftyp, then the media data (no metadata GenLog reads). */
export async function writeMovie(path: string, bytes: number): Promise<void> {
  const ftyp = Buffer.alloc(20);
  ftyp.writeUInt32BE(20, 0);
  ftyp.write('ftypqt  ', 4, 'latin1');
  ftyp.write('qt  ', 16, 'latin1');
  const mdat = randomFillSync(Buffer.allocUnsafe(Math.max(8, bytes - ftyp.length)));
  mdat.writeUInt32BE(mdat.length, 0);
  mdat.write('mdat', 4, 'latin1');
  await writeFile(path, Buffer.concat([ftyp, mdat]));
}

/**
 * An OpenEXR frame as a renderer writes one: the magic number and version, a header (attributes GenLog does not read),
 * then the pixel data, here random.
 */
export async function writeExrFrame(path: string, bytes: number, seed: number): Promise<void> {
  const head = Buffer.from([0x76, 0x2f, 0x31, 0x01, 0x02, 0x00, 0x00, 0x00]);
  const header = Buffer.from('compression\0compression\0\x01\0\0\0\x03\0', 'latin1');
  const pixels = randomFillSync(Buffer.allocUnsafe(Math.max(4, bytes - head.length - header.length)));
  pixels.writeUInt32BE(seed >>> 0, 0);
  await writeFile(path, Buffer.concat([head, header, pixels]));
}
