import type { ContainerFormat } from './parts';
import { startsWith } from './parts';

const FORMAT_BY_EXTENSION: Record<string, ContainerFormat> = {
  jpg: 'jpeg', jpeg: 'jpeg', jpe: 'jpeg', jfif: 'jpeg',
  png: 'png',
  webp: 'webp',
  mp4: 'bmff', m4v: 'bmff', mov: 'bmff', qt: 'bmff', m4a: 'bmff', heic: 'bmff', heif: 'bmff', avif: 'bmff', '3gp': 'bmff',
  tif: 'tiff', tiff: 'tiff',
  c2pa: 'c2pa',
};

const FORMAT_NAMES: Record<ContainerFormat, string> = {
  jpeg: 'JPEG', png: 'PNG', webp: 'WebP', bmff: 'MP4/MOV', tiff: 'TIFF', bigtiff: 'BigTIFF', c2pa: 'C2PA manifest', unknown: 'unknown',
};

// Old QuickTime files may start with any of these instead of ftyp.
const QUICKTIME_FIRST_BOXES = new Set(['ftyp', 'moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

/** Recognises a container from its first bytes, whatever the file is called. */
export function sniffFormat(head: Uint8Array): ContainerFormat {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  const ascii = Buffer.from(head.subarray(0, 16)).toString('latin1');
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'webp';
  if (QUICKTIME_FIRST_BOXES.has(ascii.slice(4, 8))) return 'bmff';
  if (ascii.startsWith('II*\0') || ascii.startsWith('MM\0*')) return 'tiff';
  if (ascii.startsWith('II+\0') || ascii.startsWith('MM\0+')) return 'bigtiff';
  if (ascii.slice(4, 8) === 'jumb') return 'c2pa';
  return 'unknown';
}

export function formatForExtension(extension: string): ContainerFormat | null {
  return FORMAT_BY_EXTENSION[extension.toLowerCase()] ?? null;
}

export function formatName(format: ContainerFormat): string {
  return FORMAT_NAMES[format];
}
