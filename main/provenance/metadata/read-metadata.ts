import type { MetadataParts } from '../container/parts';
import type { IptcRecord } from '../types';
import { parseInThread, type RawMetadata } from '../worker/parser-thread';
import { exifFromRaw, type ExifReading } from './exif';
import { iptcFromXmp } from './iptc';
import { keepAiFieldsAsText } from './xmp-values';

export interface MetadataReading extends ExifReading {
  iptc: IptcRecord | null;
}

const NOTHING: MetadataReading = { exif: null, iptc: null, comfyPrompt: null, comfyWorkflow: null, userComment: null };

/** Parses the EXIF and XMP pieces a container walk found, with exifr on the parser thread. */
export async function readMetadata(parts: MetadataParts, filePath: string, timeoutMs: number, errors: string[]): Promise<MetadataReading> {
  const tiffPath = parts.format === 'tiff' ? filePath : null;
  if (!parts.exifTiff && parts.xmp.length === 0 && !tiffPath) return NOTHING;
  let raw: RawMetadata;
  try {
    raw = await parseInThread({ type: 'metadata', tiff: parts.exifTiff, xmp: parts.xmp.map(keepAiFieldsAsText), tiffPath }, timeoutMs);
  } catch (error) {
    errors.push(`The file's EXIF/XMP metadata could not be read: ${(error as Error).message}`);
    return NOTHING;
  }
  errors.push(...raw.errors.map((message) => `The file's metadata is partly unreadable: ${message}`));
  const xmp = raw.rawXmp?.length ? [...raw.xmp, ...await parseTiffXmp(raw.rawXmp, timeoutMs, errors)] : raw.xmp;
  return { ...exifFromRaw(raw.exif, parts.exifTiff), iptc: iptcFromXmp(xmp) };
}

/** A TIFF's XMP, which exifr hands back as text: parsed like any other packet, its AI fields kept as text. */
async function parseTiffXmp(packets: string[], timeoutMs: number, errors: string[]): Promise<Record<string, unknown>[]> {
  try {
    const raw = await parseInThread({ type: 'metadata', tiff: null, xmp: packets.map((p) => keepAiFieldsAsText(Buffer.from(p, 'utf8'))), tiffPath: null }, timeoutMs);
    errors.push(...raw.errors.map((message) => `The file's XMP metadata is partly unreadable: ${message}`));
    return raw.xmp;
  } catch (error) {
    errors.push(`The file's XMP metadata could not be read: ${(error as Error).message}`);
    return [];
  }
}
