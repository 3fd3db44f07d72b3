import { MAX_TEXT_BYTES, clipText } from '../limits';
import type { ExifRecord } from '../types';
import { decodeUserComment } from './user-comment';

export interface ExifReading {
  exif: ExifRecord | null;
  /** ComfyUI's WebP/JPEG savers put "prompt:{json}" in Model and "workflow:{json}" in Make. */
  comfyPrompt: string | null;
  comfyWorkflow: string | null;
  /** The whole UserComment (the record keeps a clipped copy), for Stable Diffusion WebUI settings. */
  userComment: string | null;
}

function block(raw: Record<string, unknown>, name: string): Record<string, unknown> {
  const value = raw[name];
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function asciiValue(value: unknown, limit = MAX_TEXT_BYTES): string | null {
  if (typeof value !== 'string') return null;
  const text = value.slice(0, limit).replace(/\0+$/, '').trim();
  return text === '' ? null : text;
}

/** "2024:05:06 07:08:09" (+ "+02:00") -> "2024-05-06T07:08:09+02:00"; null when not a real date. */
export function exifDateToIso(value: unknown, offset: unknown): string | null {
  const text = asciiValue(value);
  const match = text?.match(/^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/);
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match;
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31) return null;
  const zone = asciiValue(offset);
  const suffix = zone && /^[+-]\d{2}:\d{2}$/.test(zone) ? zone : '';
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${suffix}`;
}

/** Maps exifr's raw EXIF output (mergeOutput: false, reviveValues: false) to the fields GenLog keeps. */
export function exifFromRaw(raw: Record<string, unknown> | null, tiff: Uint8Array | null): ExifReading {
  if (!raw) return { exif: null, comfyPrompt: null, comfyWorkflow: null, userComment: null };
  const ifd0 = block(raw, 'ifd0');
  const exifBlock = block(raw, 'exif');
  let make = asciiValue(ifd0.Make);
  let model = asciiValue(ifd0.Model);
  let comfyPrompt: string | null = null;
  let comfyWorkflow: string | null = null;
  if (model?.startsWith('prompt:')) {
    comfyPrompt = model.slice('prompt:'.length);
    model = null;
  }
  if (make?.startsWith('workflow:')) {
    comfyWorkflow = make.slice('workflow:'.length);
    make = null;
  }
  const bigEndian = tiff && tiff.length >= 2 ? tiff[0] === 0x4d : null;
  const userComment = raw.userComment instanceof Uint8Array ? decodeUserComment(raw.userComment, bigEndian) : null;
  const exif: ExifRecord = {
    software: asciiValue(ifd0.Software, 1024),
    make: make && clipText(make),
    model: model && clipText(model),
    dateTimeOriginal: exifDateToIso(exifBlock.DateTimeOriginal, exifBlock.OffsetTimeOriginal),
    userComment: userComment && clipText(userComment),
  };
  const found = Object.values(exif).some((value) => value !== null);
  return { exif: found ? exif : null, comfyPrompt, comfyWorkflow, userComment };
}
