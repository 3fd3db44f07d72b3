import type { FileWindow } from '../file-window';
import { MAX_STRUCTURE_ENTRIES, MAX_XMP_BYTES, formatBytes } from '../limits';
import { printable } from '../printable';
import { emptyParts, type MetadataParts } from './parts';

const C2PA_UUID = 'd8fec3d61b0e483c92975828877ec481';
const XMP_UUID = 'be7acfcb97a942e89c71999491e3afac';

interface Box {
  type: string;
  start: number;
  headerLength: number;
  end: number;
}

/**
 * Walks the top-level boxes of an ISO-BMFF file (MP4, MOV, HEIF, AVIF) by their headers alone, so a 4 GB video
 * costs a few small reads. Collects the C2PA uuid box and XMP (uuid box, or moov/udta/XMP_ in QuickTime files).
 */
export async function walkBmff(file: FileWindow, maxBytes: number): Promise<MetadataParts> {
  const parts = emptyParts('bmff', 'video/mp4');
  let walked = 0;
  for await (const box of boxesIn(file, 0, file.size, parts, () => (walked += 1))) {
    if (box.type === 'ftyp') parts.mimeType = await mimeFromFtyp(file, box);
    else if (box.type === 'uuid') await readUuidBox(file, box, parts, maxBytes);
    else if (box.type === 'moov') await readMoovXmp(file, box, parts, () => (walked += 1));
  }
  return parts;
}

async function* boxesIn(file: FileWindow, from: number, to: number, parts: MetadataParts, count: () => number) {
  let offset = from;
  while (offset + 8 <= to) {
    if (count() > MAX_STRUCTURE_ENTRIES) {
      parts.errors.push(`The file has more than ${MAX_STRUCTURE_ENTRIES} boxes; GenLog stopped reading it there`);
      return;
    }
    const header = await file.read(offset, 16);
    const type = header.toString('latin1', 4, 8);
    let size = header.readUInt32BE(0);
    let headerLength = 8;
    if (size === 1) {
      if (header.length < 16) break;
      size = Number(header.readBigUInt64BE(8));
      headerLength = 16;
    } else if (size === 0) {
      size = to - offset; // the box runs to the end of its parent
    }
    if (size < headerLength || offset + size > to) {
      parts.errors.push(
        `The box '${printable(type)}' at byte ${offset} claims ${formatBytes(size)}, but only ${formatBytes(to - offset)} remain: ` +
          'the file is truncated or corrupt',
      );
      return;
    }
    yield { type, start: offset, headerLength, end: offset + size } satisfies Box;
    offset += size;
  }
  if (offset < to) parts.errors.push(`The file ends in the middle of a box header at byte ${offset}: it is truncated`);
}

async function mimeFromFtyp(file: FileWindow, box: Box): Promise<string> {
  const body = await file.read(box.start + box.headerLength, Math.min(box.end - box.start - box.headerLength, 64));
  const brands: string[] = [];
  for (let index = 0; index + 4 <= body.length; index += 4) if (index !== 4) brands.push(body.toString('latin1', index, index + 4));
  const major = brands[0] ?? '';
  if (major === 'qt  ') return 'video/quicktime';
  if (brands.some((brand) => brand === 'avif' || brand === 'avis')) return 'image/avif';
  if (['heic', 'heix', 'heim', 'heis', 'mif1', 'msf1'].includes(major)) return 'image/heic';
  if (major === 'M4A ') return 'audio/mp4';
  return 'video/mp4';
}

async function readUuidBox(file: FileWindow, box: Box, parts: MetadataParts, maxBytes: number): Promise<void> {
  const bodyStart = box.start + box.headerLength;
  const head = await file.read(bodyStart, 16 + 4 + 64);
  const uuid = head.toString('hex', 0, 16);
  if (uuid === C2PA_UUID && !parts.c2pa) {
    // FullBox version+flags, a purpose string, and for "manifest" an 8-byte offset to the Merkle data.
    const purposeEnd = head.indexOf(0, 20);
    if (purposeEnd < 0 || head.toString('latin1', 20, purposeEnd) !== 'manifest') return;
    const dataStart = bodyStart + purposeEnd + 1 + 8;
    const length = box.end - dataStart;
    if (length <= 0) return;
    parts.c2pa = { length, bytes: length <= maxBytes ? await file.readOwned(dataStart, length) : null };
  } else if (uuid === XMP_UUID && parts.xmp.length === 0) {
    await readXmp(file, bodyStart + 16, box.end, parts);
  }
}

async function readMoovXmp(file: FileWindow, moov: Box, parts: MetadataParts, count: () => number): Promise<void> {
  if (parts.xmp.length > 0) return;
  for await (const child of boxesIn(file, moov.start + moov.headerLength, moov.end, parts, count)) {
    if (child.type !== 'udta') continue;
    for await (const entry of boxesIn(file, child.start + child.headerLength, child.end, parts, count)) {
      if (entry.type === 'XMP_') await readXmp(file, entry.start + entry.headerLength, entry.end, parts);
    }
  }
}

async function readXmp(file: FileWindow, start: number, end: number, parts: MetadataParts): Promise<void> {
  if (end - start > MAX_XMP_BYTES) {
    parts.errors.push(`The file's XMP is ${formatBytes(end - start)}, more than the ${formatBytes(MAX_XMP_BYTES)} GenLog reads; it was skipped`);
    return;
  }
  parts.xmp.push(await file.readOwned(start, end - start));
}
