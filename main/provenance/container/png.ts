import { crc32 } from './crc32';
import { FILE_HEAD_BYTES, FILE_TAIL_BYTES } from '../../ingest/file-ends';
import type { FileWindow } from '../file-window';
import { MAX_EXIF_BYTES, MAX_STRUCTURE_ENTRIES, MAX_TEXT_BYTES, MAX_XMP_BYTES, formatBytes } from '../limits';
import { emptyParts, noteExtraXmp, tiffFromExifPayload, type MetadataParts } from './parts';
import { decodePngText, pngKeyword } from './png-text';
import { findTailChain } from './png-tail';

const XMP_KEYWORD = 'XML:com.adobe.xmp';
/** Text chunks GenLog reads: A1111 settings, ComfyUI graphs, the writing software, XMP. */
const WANTED_KEYWORDS = new Set(['parameters', 'prompt', 'workflow', 'Software', XMP_KEYWORD]);
const TEXT_TYPES = new Set(['tEXt', 'zTXt', 'iTXt']);
const PNG_MAX_CHUNK = 0x7fffffff;
/**
 * A PNG larger than this is not walked chunk by chunk past its first IDAT: the tail is read instead. It is what the
 * hashing worker keeps of a file (head and tail), so during an ingest no PNG is opened a second time for the chunk
 * headers in its middle (a third of the ComfyUI PNGs of a render folder were, which cost more than reading them).
 */
const WALKED_WHOLE_BYTES = FILE_HEAD_BYTES + FILE_TAIL_BYTES;

/** Walks the PNG chunk list (headers only, skipping image data) and collects metadata chunks. */
export async function walkPng(file: FileWindow, maxBytes: number): Promise<MetadataParts> {
  const parts = emptyParts('png', 'image/png');
  let offset = 8;
  let sawEnd = false;
  let jumped = false;
  // Each wanted keyword is read once, whatever came of it: a file repeating a chunk that fails (too large once
  // decompressed) must not be decompressed again for every copy.
  const triedKeywords = new Set<string>();
  for (let walked = 0; offset < file.size; walked += 1) {
    if (walked >= MAX_STRUCTURE_ENTRIES) {
      parts.errors.push(`The PNG has more than ${MAX_STRUCTURE_ENTRIES} chunks; GenLog stopped reading it there`);
      return parts;
    }
    const header = await file.read(offset, 8);
    if (header.length < 8) {
      parts.errors.push(`The PNG ends in the middle of a chunk header at byte ${offset}: the file is truncated`);
      return parts;
    }
    const length = header.readUInt32BE(0);
    const type = header.toString('latin1', 4, 8);
    if (!/^[A-Za-z]{4}$/.test(type)) {
      parts.errors.push(`The PNG chunk at byte ${offset} has no valid type: the file is corrupt`);
      return parts;
    }
    const dataStart = offset + 8;
    if (length > PNG_MAX_CHUNK || dataStart + length > file.size) {
      parts.errors.push(
        `The PNG chunk '${type}' at byte ${offset} claims ${formatBytes(length)}, but only ` +
          `${formatBytes(Math.max(0, file.size - dataStart))} follow: the file is truncated or corrupt`,
      );
      return parts;
    }
    if (type === 'IEND') {
      // Its checksum is the last four bytes of a PNG: a file cut inside them is truncated all the same.
      if (dataStart + length + 4 > file.size) {
        parts.errors.push(`The PNG ends inside its IEND chunk at byte ${offset}: the file is truncated`);
        return parts;
      }
      sawEnd = true;
      break;
    }
    // Past much image data the chain is picked up again in the tail. The rule depends on the file alone, never on how
    // it is read (whole, or from the bytes the hashing worker kept): the same file must give the same record.
    if (type === 'IDAT' && !jumped && file.size > WALKED_WHOLE_BYTES) {
      jumped = true;
      const tail = await findTailChain(file);
      if (tail === 'gave up') {
        parts.errors.push(
          'The PNG ends in an unusually long run of tiny chunks; GenLog gave up looking for its metadata there and ' +
            'read its chunks one by one instead',
        );
      } else if (tail !== null) {
        offset = tail;
        continue;
      }
    }
    if (TEXT_TYPES.has(type)) await readTextChunk(file, parts, type, dataStart, length, triedKeywords);
    else if (type === 'eXIf') await readExifChunk(file, parts, dataStart, length);
    else if (type === 'caBX' && !parts.c2pa) {
      parts.c2pa = { length, bytes: length <= maxBytes ? await file.readOwned(dataStart, length) : null, range: { start: offset, length: length + 12 } };
    }
    offset = dataStart + length + 4;
  }
  if (!sawEnd) parts.errors.push('The PNG has no IEND chunk: the file is truncated');
  return parts;
}

async function readTextChunk(file: FileWindow, parts: MetadataParts, type: string, start: number, length: number, tried: Set<string>) {
  const keyword = pngKeyword(await file.read(start, Math.min(length, 80)));
  if (keyword === null || !WANTED_KEYWORDS.has(keyword)) return;
  const isXmp = keyword === XMP_KEYWORD;
  if (tried.has(keyword)) {
    if (isXmp) noteExtraXmp(parts);
    return;
  }
  tried.add(keyword);
  // XMP is capped decompressed as well: the XMP parser is the costly one, and its cap is the smaller.
  const cap = isXmp ? MAX_XMP_BYTES : MAX_TEXT_BYTES;
  if (length > cap) {
    parts.errors.push(`PNG text chunk '${keyword}' is ${formatBytes(length)}, more than the ${formatBytes(cap)} GenLog reads; it was skipped`);
    return;
  }
  const chunk = await file.read(start - 4, length + 8);
  if (chunk.length === length + 8 && crc32(chunk.subarray(0, length + 4)) !== chunk.readUInt32BE(length + 4)) {
    parts.errors.push(`PNG text chunk '${keyword}' fails its checksum (CRC): the file is damaged, and what the chunk says may be wrong`);
  }
  const decoded = decodePngText(type, chunk.subarray(4, length + 4), cap);
  if (typeof decoded === 'string') {
    parts.errors.push(decoded);
    return;
  }
  if (decoded.problem) parts.errors.push(decoded.problem);
  if (isXmp) parts.xmp.push(Buffer.from(decoded.text, 'utf8'));
  else parts.texts.set(keyword, decoded.text);
}

async function readExifChunk(file: FileWindow, parts: MetadataParts, start: number, length: number) {
  if (parts.exifTiff) return;
  if (length > MAX_EXIF_BYTES) {
    parts.errors.push(`The PNG eXIf chunk is ${formatBytes(length)}, more than the ${formatBytes(MAX_EXIF_BYTES)} GenLog reads; it was skipped`);
    return;
  }
  const tiff = tiffFromExifPayload(await file.read(start, length));
  if (tiff) parts.exifTiff = tiff;
  else parts.errors.push('The PNG eXIf chunk does not hold EXIF data; it was skipped');
}
