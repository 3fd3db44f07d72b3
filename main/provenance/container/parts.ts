export type ContainerFormat = 'jpeg' | 'png' | 'webp' | 'bmff' | 'tiff' | 'bigtiff' | 'c2pa' | 'unknown';

/** An embedded C2PA manifest store: where it is, and its bytes when they fit under the read cap. */
export interface EmbeddedManifest {
  length: number;
  /** JUMBF bytes of the manifest store, null when larger than the cap. */
  bytes: Uint8Array | null;
  /**
   * Where the container unit holding the store sits in the file (a PNG's whole caBX chunk): the one range a data
   * hash may leave out. Known for PNG only; elsewhere the reader gets the whole file and checks exclusions itself.
   */
  range?: { start: number; length: number };
}

/** The metadata pieces a container walk found, before any of them is parsed. */
export interface MetadataParts {
  format: ContainerFormat;
  /** Media type for the C2PA reader, e.g. image/png. */
  mimeType: string | null;
  /** EXIF as a TIFF structure (no "Exif\0\0" prefix). */
  exifTiff: Uint8Array | null;
  /** XMP packets: the main packet first, then reassembled extended XMP. */
  xmp: Uint8Array[];
  /** PNG text chunks GenLog understands, by keyword, already decoded. */
  texts: Map<string, string>;
  c2pa: EmbeddedManifest | null;
  errors: string[];
}

export function emptyParts(format: ContainerFormat, mimeType: string | null): MetadataParts {
  return { format, mimeType, exifTiff: null, xmp: [], texts: new Map(), c2pa: null, errors: [] };
}

/**
 * A file carries one XMP packet (PNG, WebP and JPEG alike); readers take the first. Said once, so a file that repeats
 * it is not read differently by GenLog without a word, and a thousand copies cost nothing more.
 */
export function noteExtraXmp(parts: MetadataParts): void {
  const note = 'The file holds more than one XMP packet; GenLog read the first and ignored the others';
  if (!parts.errors.includes(note)) parts.errors.push(note);
}

const TIFF_LITTLE = [0x49, 0x49, 0x2a, 0x00];
const TIFF_BIG = [0x4d, 0x4d, 0x00, 0x2a];

export function startsWith(bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + prefix.length) return false;
  return prefix.every((value, index) => bytes[offset + index] === value);
}

/** EXIF payloads come with or without the JPEG-style "Exif\0\0" prefix; returns the TIFF part, or null. */
export function tiffFromExifPayload(payload: Uint8Array): Uint8Array | null {
  const body = startsWith(payload, [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]) ? payload.subarray(6) : payload;
  return startsWith(body, TIFF_LITTLE) || startsWith(body, TIFF_BIG) ? body : null;
}
