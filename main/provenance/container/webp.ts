import type { FileWindow } from '../file-window';
import { MAX_EXIF_BYTES, MAX_STRUCTURE_ENTRIES, MAX_XMP_BYTES, formatBytes } from '../limits';
import { printable } from '../printable';
import { emptyParts, noteExtraXmp, tiffFromExifPayload, type MetadataParts } from './parts';

/** Walks the RIFF chunks of a WebP file (headers only) and collects EXIF, XMP and C2PA chunks. */
export async function walkWebp(file: FileWindow, maxBytes: number): Promise<MetadataParts> {
  const parts = emptyParts('webp', 'image/webp');
  const claimedEnd = (await file.read(4, 4)).readUInt32LE(0) + 8;
  const cutShort = claimedEnd > file.size;
  if (cutShort) {
    parts.errors.push(`The WebP header says the file has ${formatBytes(claimedEnd)}, but it has ${formatBytes(file.size)}: the file is truncated`);
  }
  const riffEnd = Math.min(file.size, claimedEnd);
  let offset = 12;
  for (let walked = 0; offset + 8 <= riffEnd; walked += 1) {
    if (walked >= MAX_STRUCTURE_ENTRIES) {
      parts.errors.push(`The WebP has more than ${MAX_STRUCTURE_ENTRIES} chunks; GenLog stopped reading it there`);
      return parts;
    }
    const header = await file.read(offset, 8);
    const fourcc = header.toString('latin1', 0, 4);
    const length = header.readUInt32LE(4);
    const start = offset + 8;
    if (start + length > file.size) {
      parts.errors.push(
        `The WebP chunk '${printable(fourcc).trim()}' at byte ${offset} claims ${formatBytes(length)}, but the file ends first: ` +
          'the file is truncated or corrupt',
      );
      return parts;
    }
    if (fourcc === 'EXIF' && !parts.exifTiff) {
      if (length > MAX_EXIF_BYTES) parts.errors.push(`The WebP EXIF chunk is ${formatBytes(length)}; it was skipped`);
      else parts.exifTiff = tiffFromExifPayload(await file.read(start, length));
    } else if (fourcc === 'XMP ') {
      if (parts.xmp.length > 0) noteExtraXmp(parts);
      else if (length > MAX_XMP_BYTES) parts.errors.push(`The WebP XMP chunk is ${formatBytes(length)}; it was skipped`);
      else parts.xmp.push(await file.readOwned(start, length));
    } else if (fourcc === 'C2PA' && !parts.c2pa) {
      parts.c2pa = { length, bytes: length <= maxBytes ? await file.readOwned(start, length) : null };
    }
    offset = start + length + (length % 2); // chunks are padded to an even length
  }
  if (offset < riffEnd && !cutShort) {
    parts.errors.push('The WebP ends in the middle of a chunk: the file is truncated');
  }
  return parts;
}
