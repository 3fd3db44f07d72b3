import type { FileWindow } from '../file-window';
import { MAX_STRUCTURE_ENTRIES, MAX_XMP_BYTES, formatBytes } from '../limits';
import { emptyParts, noteExtraXmp, tiffFromExifPayload, type MetadataParts } from './parts';

const XMP_MAIN = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');
const XMP_EXTENDED = Buffer.from('http://ns.adobe.com/xmp/extension/\0', 'latin1');
const EXIF_PREFIX = Buffer.from('Exif\0\0', 'latin1');
const JUMBF_CI = Buffer.from('JP', 'latin1');

interface ExtendedXmp {
  pieces: { offset: number; bytes: Buffer }[];
  bytes: number;
  overflow: boolean;
}

interface Jumbf {
  sequence: number;
  /** Segment payload after CI, En and Z: the JUMBF box (its header repeated in every segment). */
  box: Buffer;
}

/** Walks JPEG marker segments up to the image data and collects EXIF, XMP and C2PA (APP11 JUMBF) segments. */
export async function walkJpeg(file: FileWindow, maxBytes: number): Promise<MetadataParts> {
  const parts = emptyParts('jpeg', 'image/jpeg');
  const extendedXmp: ExtendedXmp = { pieces: [], bytes: 0, overflow: false };
  const c2paSegments: Jumbf[] = [];
  let c2paInstance: number | null = null;
  let c2paLength = 0;
  let offset = 2;
  let reachedImage = false;
  // Set when the walk ends on a problem it reported: the file is then not also called truncated.
  let stopped = false;
  for (let walked = 0; offset + 4 <= file.size; walked += 1) {
    if (walked >= MAX_STRUCTURE_ENTRIES) {
      // Fill bytes count: each costs a read, and a file can hold millions of them.
      parts.errors.push(`The JPEG has more than ${MAX_STRUCTURE_ENTRIES} segments (fill bytes included); GenLog stopped reading it there`);
      stopped = true;
      break;
    }
    const head = await file.read(offset, 4);
    if (head[0] !== 0xff) {
      parts.errors.push(`The JPEG has no segment marker at byte ${offset}: the file is corrupt`);
      stopped = true;
      break;
    }
    const marker = head[1] ?? 0;
    if (marker === 0xff) {
      offset += 1; // fill byte before a marker
      continue;
    }
    if (marker === 0xda || marker === 0xd9) {
      reachedImage = true;
      break;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      offset += 2;
      continue;
    }
    const length = head.readUInt16BE(2);
    const end = offset + 2 + length;
    if (length < 2 || end > file.size) {
      parts.errors.push(`The JPEG segment at byte ${offset} runs past the end of the file: the file is truncated or corrupt`);
      stopped = true;
      break;
    }
    if (marker === 0xe1 || marker === 0xeb) {
      const body = await file.read(offset + 4, length - 2);
      if (marker === 0xe1) readApp1(parts, body, extendedXmp);
      else if (isC2paJumbf(body) && (c2paInstance === null || c2paInstance === body.readUInt16BE(2))) {
        c2paInstance = body.readUInt16BE(2);
        c2paLength += body.length - 8;
        // Past the cap only the length is kept: the manifest is reported as too large, never buffered.
        if (c2paLength <= maxBytes) c2paSegments.push({ sequence: body.readUInt32BE(4), box: Buffer.from(body.subarray(8)) });
      }
    }
    offset = end;
  }
  if (!reachedImage && !stopped) {
    parts.errors.push('The JPEG ends before its image data: the file is truncated');
  }
  if (extendedXmp.pieces.length > 0) {
    extendedXmp.pieces.sort((a, b) => a.offset - b.offset);
    parts.xmp.push(Buffer.concat(extendedXmp.pieces.map((piece) => piece.bytes)));
  }
  if (c2paLength > maxBytes) parts.c2pa = { length: c2paLength, bytes: null };
  else if (c2paSegments.length > 0) parts.c2pa = joinJumbf(c2paSegments);
  return parts;
}

function readApp1(parts: MetadataParts, body: Buffer, extendedXmp: ExtendedXmp): void {
  if (body.subarray(0, EXIF_PREFIX.length).equals(EXIF_PREFIX)) {
    parts.exifTiff ??= tiffFromExifPayload(Buffer.from(body));
  } else if (body.subarray(0, XMP_MAIN.length).equals(XMP_MAIN)) {
    if (parts.xmp.length === 0) parts.xmp.push(Buffer.from(body.subarray(XMP_MAIN.length)));
    else noteExtraXmp(parts);
  } else if (body.subarray(0, XMP_EXTENDED.length).equals(XMP_EXTENDED) && body.length >= XMP_EXTENDED.length + 40) {
    // Extended XMP: GUID (32), full length (4), this part's offset (4), then this part's bytes.
    const chunk = body.subarray(XMP_EXTENDED.length + 40);
    if (extendedXmp.bytes + chunk.length > MAX_XMP_BYTES) {
      if (!extendedXmp.overflow) {
        parts.errors.push(`The JPEG's extended XMP is larger than ${formatBytes(MAX_XMP_BYTES)}; the rest was skipped`);
      }
      extendedXmp.overflow = true;
      return;
    }
    extendedXmp.pieces.push({ offset: body.readUInt32BE(XMP_EXTENDED.length + 36), bytes: Buffer.from(chunk) });
    extendedXmp.bytes += chunk.length;
  }
}

/** APP11 segments hold JPEG XT boxes for several purposes; C2PA ones carry a 'jumb' box labelled c2pa. */
function isC2paJumbf(body: Buffer): boolean {
  if (body.length < 24 || !body.subarray(0, 2).equals(JUMBF_CI)) return false;
  return body.toString('latin1', 12, 16) === 'jumb' && body.subarray(8, 64).includes('c2pa');
}

/** Rebuilds one JUMBF box from its APP11 pieces: the first keeps its box header, the others repeat it and lose it. */
function joinJumbf(segments: Jumbf[]): { length: number; bytes: Uint8Array } {
  segments.sort((a, b) => a.sequence - b.sequence);
  const pieces = segments.map((segment, index) => {
    if (index === 0) return segment.box;
    const headerLength = segment.box.readUInt32BE(0) === 1 ? 16 : 8;
    return segment.box.subarray(headerLength);
  });
  const length = pieces.reduce((sum, piece) => sum + piece.length, 0);
  return { length, bytes: new Uint8Array(Buffer.concat(pieces)) };
}
