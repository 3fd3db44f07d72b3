import type { FileWindow } from '../file-window';
import { formatBytes } from '../limits';
import { walkBmff } from './bmff';
import { walkJpeg } from './jpeg';
import { emptyParts, type ContainerFormat, type MetadataParts } from './parts';
import { walkPng } from './png';
import { walkWebp } from './webp';

/** Finds the metadata pieces of a file whose container was already recognised. */
export async function walkContainer(file: FileWindow, format: ContainerFormat, maxBytes: number): Promise<MetadataParts> {
  switch (format) {
    case 'jpeg':
      return walkJpeg(file, maxBytes);
    case 'png':
      return walkPng(file, maxBytes);
    case 'webp':
      return walkWebp(file, maxBytes);
    case 'bmff':
      return walkBmff(file, maxBytes);
    case 'c2pa':
      return readManifestFile(file, maxBytes);
    case 'tiff':
      // TIFF metadata sits in IFDs anywhere in the file; exifr follows them itself (see read.ts).
      return emptyParts('tiff', 'image/tiff');
    case 'bigtiff': {
      // The TIFF for files over 4 GiB, with 64-bit offsets: the metadata library reads only classic TIFF.
      const parts = emptyParts('bigtiff', 'image/tiff');
      parts.errors.push('The file is a BigTIFF (the TIFF variant for very large images); GenLog cannot read its EXIF or XMP metadata');
      return parts;
    }
    case 'unknown':
      return emptyParts('unknown', null);
  }
}

/** A .c2pa file is a bare manifest store. */
async function readManifestFile(file: FileWindow, maxBytes: number): Promise<MetadataParts> {
  const parts = emptyParts('c2pa', 'application/c2pa');
  if (file.size > maxBytes) {
    parts.errors.push(`The C2PA manifest file is ${formatBytes(file.size)}, more than the ${formatBytes(maxBytes)} GenLog reads`);
    return parts;
  }
  parts.c2pa = { length: file.size, bytes: await file.readOwned(0, file.size) };
  return parts;
}
