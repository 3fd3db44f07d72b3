import { extensionOf } from '../ingest/media-type';
import { readC2pa } from './c2pa/read-c2pa';
import { formatForExtension, formatName, sniffFormat } from './container/detect';
import { emptyParts, type MetadataParts } from './container/parts';
import { walkContainer } from './container/walk';
import { FileWindow } from './file-window';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, clipText } from './limits';
import { readMetadata } from './metadata/read-metadata';
import { parseA1111 } from './sd/a1111';
import { readComfy } from './sd/comfy';
import { printable } from './printable';
import { summarize } from './summary';
import type { ExifRecord, ProvenanceRecord, ReadProvenanceOptions } from './types';

function positiveOption(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new Error(`readProvenance: ${name} must be a positive number, got ${String(value)}`);
  }
  return value;
}

/** PNG writers put their name in a "Software" text chunk: the same fact as EXIF Software. */
function withPngSoftware(exif: ExifRecord | null, software: string | undefined): ExifRecord | null {
  if (!software?.trim() || exif?.software) return exif;
  const base = exif ?? { software: null, make: null, model: null, dateTimeOriginal: null, userComment: null };
  return { ...base, software: clipText(software.trim()) };
}

async function recogniseAndWalk(file: FileWindow, filePath: string, maxBytes: number, errors: string[]): Promise<MetadataParts> {
  const head = await file.read(0, 16);
  const format = sniffFormat(head);
  const extension = extensionOf(filePath);
  const expected = formatForExtension(extension);
  if (format === 'unknown') {
    if (expected) {
      errors.push(
        `The file is named .${extension} but its content is not ${formatName(expected)} (it starts with bytes ` +
          `${head.subarray(0, 8).toString('hex').replace(/(..)/g, '$1 ').trim()}); it may be corrupt or mislabelled`,
      );
    }
    return emptyParts('unknown', null);
  }
  return walkContainer(file, format, maxBytes);
}

/** What the file's "parameters" text says, when GenLog could not read it as Stable Diffusion WebUI settings. */
function unreadParameters(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line === '') return "The PNG's 'parameters' text is empty: it gives no prompt or settings";
  const start = line.length > 120 ? `${line.slice(0, 120)}…` : line;
  return `The PNG's 'parameters' text is not in Stable Diffusion WebUI's form (prompt, then a settings line with Steps), so ` +
    `no prompt or settings were taken from it; it reads: "${start}"`;
}

/**
 * Reads what a file says about its own origin: C2PA manifest (embedded or sidecar), IPTC/XMP digital source type
 * and AI fields, EXIF, Stable Diffusion WebUI settings and ComfyUI graphs. Reads metadata segments only, never a
 * large file whole. Never rejects because of the file: whatever cannot be read is explained in `errors`.
 */
export async function readProvenance(filePath: string, opts: ReadProvenanceOptions = {}): Promise<ProvenanceRecord> {
  const timeoutMs = positiveOption(opts.timeoutMs, 'timeoutMs', DEFAULT_TIMEOUT_MS);
  const maxBytes = positiveOption(opts.maxBytes, 'maxBytes', DEFAULT_MAX_BYTES);
  const errors: string[] = [];
  const found: Omit<ProvenanceRecord, 'summary'> = { c2pa: null, iptc: null, exif: null, a1111: null, comfy: null, errors };
  let file: FileWindow | null = null;
  try {
    file = opts.ends ? FileWindow.fromEnds(filePath, opts.ends) : await FileWindow.open(filePath);
    if (file.size === 0) {
      errors.push('The file is empty (0 bytes)');
    } else {
      const parts = await recogniseAndWalk(file, filePath, maxBytes, errors);
      errors.push(...parts.errors);
      const metadata = await readMetadata(parts, filePath, timeoutMs, errors);
      found.iptc = metadata.iptc;
      found.exif = withPngSoftware(metadata.exif, parts.texts.get('Software'));
      found.c2pa = await readC2pa({ filePath, file, parts, maxBytes, timeoutMs }, errors);
      const parameters = parts.texts.get('parameters');
      const settings = parameters ?? metadata.userComment;
      found.a1111 = settings ? parseA1111(settings) : null;
      // A PNG's "parameters" text is WebUI's to write: one not in its form is said, not dropped (a camera's comment is not).
      if (parameters !== undefined && found.a1111 === null) errors.push(unreadParameters(parameters));
      const seed = found.a1111?.seed;
      // Seeds run to 2^64-1 in some UIs; a number keeps 2^53 exactly. The settings text keeps every digit.
      if (seed !== null && seed !== undefined && !Number.isSafeInteger(seed)) {
        const digits = (found.a1111?.params.Seed ?? String(seed)).trim();
        const shown = digits.length > 40 ? `${digits.slice(0, 40)}…` : digits;
        errors.push(`The A1111 settings give seed ${shown}, larger than GenLog can keep exactly as a number; the record's seed is rounded (its settings text keeps every digit)`);
      }
      found.comfy = readComfy(parts.texts.get('prompt') ?? metadata.comfyPrompt, parts.texts.get('workflow') ?? metadata.comfyWorkflow, errors);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'permission was denied' : (error as Error).message;
    errors.push(`The file could not be read: ${reason}`);
  } finally {
    await file?.close().catch(() => undefined);
  }
  // Every message quoting the file leaves here escaped, whichever reader wrote it (printable is idempotent).
  return { ...found, errors: errors.map(printable), summary: summarize(found) };
}
