import { closeSync, ftruncateSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { sharedC2paFixture } from './paths';

export interface App11Manifest {
  /** The JUMBF manifest store, as a sidecar .c2pa file holds it. */
  manifest: Buffer;
  /** Where the whole APP11 segment (marker included) sits in the JPEG. */
  start: number;
  length: number;
}

/** The manifest store of a JPEG with one APP11 C2PA segment (the signed trustnxt icon has exactly one). */
export function extractApp11Manifest(jpeg: Buffer): App11Manifest {
  let offset = 2;
  while (offset + 4 <= jpeg.length) {
    const marker = jpeg[offset + 1];
    const length = jpeg.readUInt16BE(offset + 2);
    if (marker === 0xeb) {
      // CI "JP" (2), instance (2), sequence (4), then the JUMBF box itself.
      return { manifest: Buffer.from(jpeg.subarray(offset + 4 + 8, offset + 2 + length)), start: offset, length: length + 2 };
    }
    offset += 2 + length;
  }
  throw new Error('no APP11 segment in this JPEG');
}

export function pngChunkData(png: Buffer, type: string): Buffer {
  let offset = 8;
  while (offset + 8 <= png.length) {
    const length = png.readUInt32BE(offset);
    if (png.toString('latin1', offset + 4, offset + 8) === type) return Buffer.from(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  throw new Error(`no ${type} chunk in this PNG`);
}

/**
 * A sidecar pair that validates: the manifest extracted from the signed icon as "<name>.c2pa", next to the same
 * JPEG with its APP11 segment replaced by a comment segment of identical size. The manifest's data hash excludes
 * exactly that byte range, so the unsigned copy still matches it.
 */
export function writeSidecarPair(dir: string, name = 'icon.jpg'): { asset: string; sidecar: string } {
  const signed = readFileSync(sharedC2paFixture('trustnxt-icon-signed-timestamp.jpg'));
  const { manifest, start, length } = extractApp11Manifest(signed);
  const comment = Buffer.alloc(length);
  comment.writeUInt16BE(0xfffe, 0);
  comment.writeUInt16BE(length - 2, 2);
  const asset = Buffer.concat([signed.subarray(0, start), comment, signed.subarray(start + length)]);
  const assetPath = path.join(dir, name);
  const sidecarPath = `${assetPath}.c2pa`;
  writeFileSync(assetPath, asset);
  writeFileSync(sidecarPath, manifest);
  return { asset: assetPath, sidecar: sidecarPath };
}

function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
}

const C2PA_UUID = Buffer.from('d8fec3d61b0e483c92975828877ec481', 'hex');
const XMP_UUID = Buffer.from('be7acfcb97a942e89c71999491e3afac', 'hex');

/** ftyp, a C2PA uuid box (purpose "manifest"), optional XMP uuid box, moov. The mdat is appended by the caller. */
export function mp4Head(manifest: Buffer | null, xmp?: string): Buffer {
  const ftyp = box('ftyp', Buffer.from('isom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2mp41'));
  const parts = [ftyp];
  if (manifest) parts.push(box('uuid', C2PA_UUID, Buffer.alloc(4), Buffer.from('manifest\0'), Buffer.alloc(8), manifest));
  if (xmp) parts.push(box('uuid', XMP_UUID, Buffer.from(xmp, 'utf8')));
  parts.push(box('moov', box('mvhd', Buffer.alloc(100))));
  return Buffer.concat(parts);
}

export function mdat(payload: Buffer): Buffer {
  return box('mdat', payload);
}

/**
 * A sparse file of `totalBytes` (4 GB costs no disk): the given head, then a 64-bit-size mdat box covering the rest.
 */
export function writeSparseVideo(file: string, head: Buffer, totalBytes: number): void {
  const mdatHeader = Buffer.alloc(16);
  mdatHeader.writeUInt32BE(1, 0);
  mdatHeader.write('mdat', 4, 'latin1');
  mdatHeader.writeBigUInt64BE(BigInt(totalBytes - head.length), 8);
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, Buffer.concat([head, mdatHeader]));
    ftruncateSync(fd, totalBytes);
  } finally {
    closeSync(fd);
  }
}

/** A small WebP (sharp) with extra RIFF chunks appended and the RIFF size fixed up. */
export async function webpWith(chunks: { fourcc: string; data: Buffer }[]): Promise<Buffer> {
  const webp = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#00aa44' } }).webp().toBuffer();
  const extra = chunks.map(({ fourcc, data }) => {
    const header = Buffer.alloc(8);
    header.write(fourcc, 0, 'latin1');
    header.writeUInt32LE(data.length, 4);
    return Buffer.concat([header, data, Buffer.alloc(data.length % 2)]);
  });
  const out = Buffer.concat([webp, ...extra]);
  out.writeUInt32LE(out.length - 8, 4);
  return out;
}
