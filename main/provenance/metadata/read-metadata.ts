import type { MetadataParts } from '../container/parts';
import { LibraryError, withLibraryText } from '../library-error';
import type { IptcRecord } from '../types';
import { parseInThread, type RawMetadata } from '../worker/parser-thread';
import { exifFromRaw, type ExifReading } from './exif';
import { iptcFromXmp } from './iptc';
import { keepAiFieldsAsText } from './xmp-values';

export interface MetadataReading extends ExifReading {
  iptc: IptcRecord | null;
}

const NOTHING: MetadataReading = { exif: null, iptc: null, comfyPrompt: null, comfyWorkflow: null, userComment: null };

/** exifr's complaints ("IFD0 offset points to outside of file.\nthis.ifd0Offset: …") as plain words, exifr's in parentheses. */
function partlyUnreadable(raw: RawMetadata): string[] {
  return raw.errors.map(({ part, message }) => withLibraryText(`The file's ${part} metadata is partly unreadable: its structure is damaged`, message));
}

/** Why a metadata job failed: the library's words, framed, or GenLog's own reason (a timeout) as it is. */
function notRead(what: string, error: unknown): string {
  const message = (error as Error).message;
  return error instanceof LibraryError
    ? withLibraryText(`The file's ${what} metadata could not be read: its structure is damaged`, message)
    : `The file's ${what} metadata could not be read: ${message}`;
}

/** Parses the EXIF and XMP pieces a container walk found, with exifr on the parser thread. */
export async function readMetadata(parts: MetadataParts, filePath: string, timeoutMs: number, errors: string[]): Promise<MetadataReading> {
  const tiffPath = parts.format === 'tiff' ? filePath : null;
  if (!parts.exifTiff && parts.xmp.length === 0 && !tiffPath) return NOTHING;
  let raw: RawMetadata;
  try {
    raw = await parseInThread({ type: 'metadata', tiff: parts.exifTiff, xmp: parts.xmp.map(keepAiFieldsAsText), tiffPath }, timeoutMs);
  } catch (error) {
    errors.push(notRead('EXIF/XMP', error));
    return NOTHING;
  }
  errors.push(...partlyUnreadable(raw));
  const xmp = raw.rawXmp?.length ? [...raw.xmp, ...await parseTiffXmp(raw.rawXmp, timeoutMs, errors)] : raw.xmp;
  return { ...exifFromRaw(raw.exif, parts.exifTiff), iptc: iptcFromXmp(xmp) };
}

/** A TIFF's XMP, which exifr hands back as text: parsed like any other packet, its AI fields kept as text. */
async function parseTiffXmp(packets: string[], timeoutMs: number, errors: string[]): Promise<Record<string, unknown>[]> {
  try {
    const raw = await parseInThread({ type: 'metadata', tiff: null, xmp: packets.map((p) => keepAiFieldsAsText(Buffer.from(p, 'utf8'))), tiffPath: null }, timeoutMs);
    errors.push(...partlyUnreadable(raw));
    return raw.xmp;
  } catch (error) {
    errors.push(notRead('XMP', error));
    return [];
  }
}
