import { readFile } from 'node:fs/promises';
import type { MetadataParts } from '../container/parts';
import type { FileWindow } from '../file-window';
import { LibraryError } from '../library-error';
import { formatBytes } from '../limits';
import type { C2paRecord } from '../types';
import { parseInThread } from '../worker/parser-thread';
import { checkDataHash, dataHashFromCrJson, type DataHash } from './data-hash';
import { mapManifestStore } from './map-store';
import { readNatively } from './native/read-natively';
import { describeReaderError } from './reader-errors';
import { findSidecar } from './sidecar';
import type { ManifestStoreJson } from './store-json';

export interface C2paContext {
  filePath: string;
  file: FileWindow;
  parts: MetadataParts;
  maxBytes: number;
  timeoutMs: number;
}

interface Plan {
  source: C2paRecord['source'];
  /** 'asset': the reader gets the whole file; 'manifest': only the manifest store. */
  mode: 'asset' | 'manifest';
  format: string;
  bytes: Uint8Array;
  /** Why the content was not given to the reader, when it was not. */
  contentNote: string | null;
  /** An embedded manifest read alone, its content hashed natively here: the whole file is not copied into wasm. */
  nativeContent?: boolean;
}

/**
 * Containers whose manifests bind the content with a plain data hash (c2pa.hash.data) and whose manifest GenLog
 * locates exactly (parts.c2pa.range). The WebAssembly reader hashes a few MB/s slower than Node and copies the whole
 * file in; validating the manifest alone there and hashing the file natively gives the same verdict at a fraction
 * of the cost, provided the hash leaves out nothing but the manifest's own chunk (checked below: an exclusion that
 * also covers edited pixels would otherwise pass). JPEG and WebP go to the reader whole, which checks that itself.
 */
const NATIVE_HASH_FORMATS = new Set<MetadataParts['format']>(['png']);

/** The data hash leaves out exactly the manifest's own container unit, once, as the C2PA specification requires. */
export function excludesOnlyManifest(expected: DataHash, range: { start: number; length: number } | undefined): boolean {
  const [only, ...more] = expected.exclusions;
  return only !== undefined && more.length === 0 && range !== undefined && only.start === range.start && only.length === range.length;
}

/** The reader's own complaint in plain words (its Rust error name kept in parentheses); GenLog's reasons as they are. */
function readerMessage(error: unknown): string {
  const message = (error as Error).message;
  return error instanceof LibraryError ? describeReaderError(message) : message;
}

const BARE_STORE_NOTE = 'This is a bare manifest store; there is no file content to compare it with';

/** Decides what the reader gets. `manifestOnlyBecause` forces reading the embedded manifest on its own. */
async function plan(context: C2paContext, errors: string[], manifestOnlyBecause?: string, wholeFile = false): Promise<Plan | null> {
  const { parts, file, maxBytes } = context;
  if (parts.c2pa) {
    if (parts.format === 'c2pa') {
      return { source: 'store', mode: 'manifest', format: 'application/c2pa', bytes: parts.c2pa.bytes ?? new Uint8Array(), contentNote: BARE_STORE_NOTE };
    }
    if (!manifestOnlyBecause && !wholeFile && file.size <= maxBytes && parts.c2pa.bytes && parts.c2pa.range && NATIVE_HASH_FORMATS.has(parts.format)) {
      // A copy (a Buffer's slice() would be a view): the store is moved to the parser thread, and the whole-file
      // read below may still need the original.
      return { source: 'embedded', mode: 'manifest', format: 'application/c2pa', bytes: new Uint8Array(parts.c2pa.bytes), contentNote: null, nativeContent: true };
    }
    if (!manifestOnlyBecause && file.size <= maxBytes && parts.mimeType) {
      return { source: 'embedded', mode: 'asset', format: parts.mimeType, bytes: await file.readOwned(0, file.size), contentNote: null };
    }
    if (!parts.c2pa.bytes) {
      errors.push(`The file's C2PA manifest is ${formatBytes(parts.c2pa.length)}, more than the ${formatBytes(maxBytes)} GenLog reads; it was not read`);
      return null;
    }
    const contentNote = manifestOnlyBecause ?? `The file is larger than ${formatBytes(maxBytes)}`;
    return { source: 'embedded', mode: 'manifest', format: 'application/c2pa', bytes: parts.c2pa.bytes, contentNote };
  }
  if (parts.format === 'c2pa') return null;
  const sidecar = await findSidecar(context.filePath);
  if (!sidecar) return null;
  if (sidecar.size > maxBytes) {
    errors.push(`The sidecar manifest ${sidecar.path} is ${formatBytes(sidecar.size)}, more than the ${formatBytes(maxBytes)} GenLog reads; it was not read`);
    return null;
  }
  const contentNote = file.size > maxBytes ? `The file is larger than ${formatBytes(maxBytes)}` : null;
  return { source: 'sidecar', mode: 'manifest', format: 'application/c2pa', bytes: new Uint8Array(await readFile(sidecar.path)), contentNote };
}

/**
 * With the manifest read on its own, the content still needs comparing. For a sidecar next to a file within the read
 * cap, stream the file through the manifest's data hash; otherwise say plainly that the content was not compared.
 */
async function checkContent(context: C2paContext, record: C2paRecord, expected: DataHash | null, chosen: Plan) {
  const problems = record.validation.problems;
  if (!expected) {
    const reason = chosen.contentNote ?? 'The manifest has no plain data hash GenLog can check';
    problems.push(`${reason}, so the file's content was not compared with the manifest; only the manifest's signature was checked`);
    if (record.validation.state !== 'invalid') record.validation.state = 'unverified';
    return;
  }
  const outcome = await checkDataHash(context.filePath, expected, Date.now() + context.timeoutMs);
  if (outcome === 'mismatch') {
    problems.push(chosen.source === 'sidecar'
      ? "The file's content does not match the hash in its sidecar manifest: the file was changed after signing, or the sidecar belongs to another file"
      : "The file's content does not match the hash in its C2PA manifest: the file was changed after signing");
    record.validation.state = 'invalid';
  } else if (outcome === 'timeout') {
    problems.push(`Comparing the file's content with the manifest took longer than ${context.timeoutMs} ms and was stopped`);
    if (record.validation.state !== 'invalid') record.validation.state = 'unverified';
  }
}

/**
 * Reads the C2PA manifest store of a file (embedded, or a sidecar .c2pa next to it) with the c2pa-rs WebAssembly
 * reader on the parser thread. Null when the file has no manifest; reading problems go to `errors`.
 */
export async function readC2pa(context: C2paContext, errors: string[], manifestOnlyBecause?: string, wholeFile = false): Promise<C2paRecord | null> {
  const chosen = await plan(context, errors, manifestOnlyBecause, wholeFile);
  if (!chosen) return null;
  const where = chosen.source === 'sidecar' ? 'sidecar C2PA manifest' : 'C2PA manifest';
  const native = chosen.nativeContent ? readNatively(chosen.bytes) : null;
  if (native && excludesOnlyManifest(native.dataHash, context.parts.c2pa?.range)) {
    const record = mapManifestStore(native.store, chosen.source, true);
    await checkContent(context, record, native.dataHash, chosen);
    return record;
  }
  let raw;
  try {
    raw = await parseInThread({ type: 'c2pa', format: chosen.format, bytes: chosen.bytes, withCrJson: chosen.mode === 'manifest' }, context.timeoutMs);
  } catch (error) {
    const message = readerMessage(error);
    // Only when the reader itself refused the file: a time-out or a reader that did not load would fail again.
    if (chosen.mode === 'asset' && context.parts.c2pa?.bytes && error instanceof LibraryError) {
      // The reader could not parse the file around the manifest; read the manifest alone so its claims still show.
      const fallback = await readC2pa(context, [], 'The C2PA reader could not parse the file').catch(() => null);
      if (fallback) {
        fallback.validation.problems.unshift(`The C2PA reader could not read the file itself: ${message}`);
        fallback.validation.state = 'invalid';
        return fallback;
      }
    }
    errors.push(`The ${where} could not be read: ${message}`);
    return null;
  }
  let store: ManifestStoreJson;
  try {
    store = JSON.parse(raw.json) as ManifestStoreJson;
  } catch {
    errors.push(`The ${where} could not be read: the reader returned unreadable JSON`);
    return null;
  }
  const expected = raw.crJson && chosen.contentNote === null ? dataHashFromCrJson(raw.crJson, store.active_manifest) : null;
  // Bound some other way (box hashes), or excluding more than its own chunk: only the reader can judge that, so it
  // gets the whole file after all.
  if (chosen.nativeContent && (!expected || !excludesOnlyManifest(expected, context.parts.c2pa?.range))) return readC2pa(context, errors, undefined, true);
  const record = mapManifestStore(store, chosen.source, chosen.mode === 'manifest');
  if (chosen.mode === 'manifest') await checkContent(context, record, expected, chosen);
  return record;
}
