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
  return { ...exifFromRaw(raw.exif, parts.exifTiff), iptc: iptcFromXmp(raw.xmp) };
}
