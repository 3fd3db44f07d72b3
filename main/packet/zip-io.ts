import type * as yauzlTypes from 'yauzl';
import type * as yazlTypes from 'yazl';
import { lazyRequire } from '../lazy-require';

// Only packet commands zip or unzip; loading these on first use keeps every other CLI start fast.
const yauzl = lazyRequire<typeof yauzlTypes>('yauzl');
const yazl = lazyRequire<typeof yazlTypes>('yazl');

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/**
 * Zips the entries in the given order with one fixed timestamp and file mode, so the same
 * entries always give the same bytes. `mtime` is stored as the DOS wall-clock time it shows in
 * UTC, whatever the time zone of the machine that builds the packet.
 */
export function zipBuffer(entries: ZipEntry[], mtime: Date): Promise<Buffer> {
  const local = new Date(mtime.getUTCFullYear(), mtime.getUTCMonth(), mtime.getUTCDate(), mtime.getUTCHours(), mtime.getUTCMinutes(), mtime.getUTCSeconds());
  return new Promise((resolve, reject) => {
    const zip = new (yazl().ZipFile)();
    for (const e of entries) zip.addBuffer(e.data, e.name, { mtime: local, mode: 0o100644, compress: true, forceDosTimestamp: true });
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.end();
  });
}

export interface ZipReadLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

// A packet is a few MB; anything far beyond is not one (or is a zip bomb) and is not inflated.
export const DEFAULT_ZIP_LIMITS: ZipReadLimits = { maxEntries: 200, maxEntryBytes: 256 * 1024 * 1024, maxTotalBytes: 512 * 1024 * 1024 };

export interface ZipContents {
  files: Map<string, Buffer>;
  /** Entries that could not be read, duplicates, oversized entries. */
  problems: string[];
  /** Names of entries whose content could not be read (already named in problems). */
  unreadable: Set<string>;
}

function openZip(file: string): Promise<yauzlTypes.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl().open(file, { lazyEntries: true, autoClose: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) reject(err ?? new Error('no ZIP'));
      else resolve(zip);
    });
  });
}

function readEntry(zip: yauzlTypes.ZipFile, entry: yauzlTypes.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('no stream'));
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

/** Every entry of a ZIP file in memory. Throws a readable Error when the file is not a readable ZIP. */
export async function readZip(file: string, limits: ZipReadLimits = DEFAULT_ZIP_LIMITS): Promise<ZipContents> {
  let zip: yauzlTypes.ZipFile;
  try {
    zip = await openZip(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`no such file: ${file}`, { cause: err });
    if (code === 'EISDIR') throw new Error(`${file} is a folder, not a packet ZIP file`, { cause: err });
    throw new Error(`not a ZIP file, or the ZIP is damaged or truncated: ${file} (${(err as Error).message})`, { cause: err });
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new Error(`${file} holds ${zip.entryCount} files; a disclosure packet holds six`);
  }
  const files = new Map<string, Buffer>();
  const problems: string[] = [];
  const unreadable = new Set<string>();
  let total = 0;
  return new Promise((resolve, reject) => {
    zip.on('error', (err: Error) => reject(new Error(`the ZIP is damaged or truncated: ${file} (${err.message})`)));
    zip.on('end', () => resolve({ files, problems, unreadable }));
    zip.on('entry', (entry: yauzlTypes.Entry) => {
      const name = entry.fileName;
      const next = () => zip.readEntry();
      if (files.has(name)) {
        problems.push(`duplicate file: ${name} appears twice in the ZIP`);
        return next();
      }
      total += entry.uncompressedSize;
      if (entry.uncompressedSize > limits.maxEntryBytes || total > limits.maxTotalBytes) {
        problems.push(`file too large: ${name} (${entry.uncompressedSize} bytes) was not read`);
        files.set(name, Buffer.alloc(0));
        unreadable.add(name);
        return next();
      }
      readEntry(zip, entry).then(
        (data) => {
          files.set(name, data);
          next();
        },
        (err: Error) => {
          problems.push(`damaged file: ${name} cannot be read from the ZIP (${err.message})`);
          files.set(name, Buffer.alloc(0));
          unreadable.add(name);
          next();
        },
      );
    });
    zip.readEntry();
  });
}
