/** Bounds that keep reading one hostile or huge file cheap. */

export const DEFAULT_TIMEOUT_MS = 5000;
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/** Largest PNG text chunk (or decompressed zTXt/iTXt) read; ComfyUI workflows rarely pass 2 MB. */
export const MAX_TEXT_BYTES = 8 * 1024 * 1024;
/** Largest XMP packet handed to the XMP parser (main and extended parts together). */
export const MAX_XMP_BYTES = 2 * 1024 * 1024;
/** Largest EXIF block handed to the EXIF parser. */
export const MAX_EXIF_BYTES = 1024 * 1024;
/** Deepest JSON nesting accepted in ComfyUI graphs; real graphs stay under 10. */
export const MAX_JSON_DEPTH = 64;
/**
 * Most objects and arrays in one ComfyUI graph's JSON. A large real workflow (a few MB) has tens of thousands; 8 MiB
 * of "[],[]," has millions, which JSON.parse turns into hundreds of MB.
 */
export const MAX_JSON_CONTAINERS = 200_000;
/** Longest prompt or other text kept in a record. */
export const MAX_FIELD_CHARS = 64 * 1024;
/** Most chunks, segments or boxes walked in one file before giving up. */
export const MAX_STRUCTURE_ENTRIES = 100_000;
/** Most nodes visited when following a ComfyUI graph. */
export const MAX_GRAPH_VISITS = 10_000;

export { formatBytes } from '../format/byte-size';

/** Cuts text to MAX_FIELD_CHARS so one huge field cannot flood the database or the UI. */
export function clipText(text: string): string {
  return text.length > MAX_FIELD_CHARS ? `${text.slice(0, MAX_FIELD_CHARS)}…` : text;
}
