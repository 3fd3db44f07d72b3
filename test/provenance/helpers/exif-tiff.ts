/**
 * A minimal EXIF block (TIFF structure: IFD0 -> Exif IFD) written by hand, because the image libraries always encode
 * UserComment as ASCII while Stable Diffusion WebUI writes "UNICODE" + UTF-16.
 */
export interface ExifFields {
  software?: string;
  make?: string;
  model?: string;
  dateTimeOriginal?: string;
  userComment?: Uint8Array;
}

interface Entry {
  tag: number;
  type: number; // 2 ASCII, 4 LONG, 7 UNDEFINED
  value: Buffer;
}

function ascii(text: string): Buffer {
  return Buffer.from(`${text}\0`, 'utf8');
}

function writeIfd(entries: Entry[], start: number, littleEndian: boolean): { ifd: Buffer; data: Buffer } {
  const sorted = [...entries].sort((a, b) => a.tag - b.tag);
  const ifd = Buffer.alloc(2 + sorted.length * 12 + 4);
  const dataParts: Buffer[] = [];
  let dataOffset = start + ifd.length;
  const u16 = (value: number, at: number) => (littleEndian ? ifd.writeUInt16LE(value, at) : ifd.writeUInt16BE(value, at));
  const u32 = (value: number, at: number) => (littleEndian ? ifd.writeUInt32LE(value, at) : ifd.writeUInt32BE(value, at));
  u16(sorted.length, 0);
  sorted.forEach((entry, index) => {
    const at = 2 + index * 12;
    u16(entry.tag, at);
    u16(entry.type, at + 2);
    u32(entry.type === 4 ? 1 : entry.value.length, at + 4);
    if (entry.value.length <= 4) entry.value.copy(ifd, at + 8);
    else {
      u32(dataOffset, at + 8);
      const padded = entry.value.length % 2 ? Buffer.concat([entry.value, Buffer.alloc(1)]) : entry.value;
      dataParts.push(padded);
      dataOffset += padded.length;
    }
  });
  u32(0, ifd.length - 4);
  return { ifd, data: Buffer.concat(dataParts) };
}

function long(value: number, littleEndian: boolean): Buffer {
  const buffer = Buffer.alloc(4);
  if (littleEndian) buffer.writeUInt32LE(value);
  else buffer.writeUInt32BE(value);
  return buffer;
}

export function exifTiff(fields: ExifFields, littleEndian = false): Buffer {
  const exifEntries: Entry[] = [];
  if (fields.dateTimeOriginal) exifEntries.push({ tag: 0x9003, type: 2, value: ascii(fields.dateTimeOriginal) });
  if (fields.userComment) exifEntries.push({ tag: 0x9286, type: 7, value: Buffer.from(fields.userComment) });
  const ifd0Entries: Entry[] = [];
  if (fields.make) ifd0Entries.push({ tag: 0x010f, type: 2, value: ascii(fields.make) });
  if (fields.model) ifd0Entries.push({ tag: 0x0110, type: 2, value: ascii(fields.model) });
  if (fields.software) ifd0Entries.push({ tag: 0x0131, type: 2, value: ascii(fields.software) });
  // Lay out IFD0 once to learn its size, then point it at the Exif IFD that follows.
  const pointer: Entry = { tag: 0x8769, type: 4, value: long(0, littleEndian) };
  const trial = writeIfd([...ifd0Entries, pointer], 8, littleEndian);
  const exifStart = 8 + trial.ifd.length + trial.data.length;
  pointer.value = long(exifStart, littleEndian);
  const ifd0 = writeIfd([...ifd0Entries, pointer], 8, littleEndian);
  const exif = writeIfd(exifEntries, exifStart, littleEndian);
  const header = Buffer.from(littleEndian ? [0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0] : [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]);
  return Buffer.concat([header, ifd0.ifd, ifd0.data, exif.ifd, exif.data]);
}

/** "UNICODE\0" + UTF-16 in the given byte order, as Stable Diffusion WebUI (piexif) writes UserComment. */
export function unicodeUserComment(text: string, bigEndian: boolean): Buffer {
  const utf16le = Buffer.from(text, 'utf16le');
  const body = bigEndian ? Buffer.from(utf16le).swap16() : utf16le;
  return Buffer.concat([Buffer.from('UNICODE\0', 'latin1'), body]);
}
