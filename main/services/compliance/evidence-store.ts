import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, linkSync, mkdirSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ApiContext } from '../../api/context';
import { failed, invalid, notFound } from '../../api/envelope';
import { getEvidenceBySha, insertEvidence, type EvidenceRow } from '../../../db/evidence';
import { fileReadError } from '../../ingest/file-errors';

/** Where an evidence file comes from: a path (desktop, CLI) or a browser upload kept by `genlog serve`. */
export type EvidenceRef = { path: string } | { stagedId: string };

export interface Evidence {
  id: number;
  sha256: string;
  fileName: string;
  size: number;
  /** Absolute path of the copy inside GenLog's evidence store. */
  storedPath: string;
  addedBy: string;
  addedAt: string;
}

/** A file copied into the store but not yet recorded in the db. */
export interface PlacedEvidence {
  sha256: string;
  size: number;
  fileName: string;
  /** Relative to the data folder. */
  relPath: string;
  /** True when this call created the stored copy (so a failed transaction may remove it again). */
  created: boolean;
}

export function toEvidence(ctx: Pick<ApiContext, 'dataDir'>, r: EvidenceRow): Evidence {
  return { id: r.id, sha256: r.sha256, fileName: r.file_name, size: r.size, storedPath: join(ctx.dataDir, r.stored_path), addedBy: r.added_by, addedAt: r.added_at };
}

/** The file behind a reference, checked to be a readable, non-empty regular file. Writes nothing. */
export function evidenceSource(ctx: ApiContext, ref: EvidenceRef): { path: string; fileName: string } {
  let source: { path: string; fileName: string };
  if ('stagedId' in ref) {
    const staged = ctx.staged.get(ref.stagedId);
    if (!staged) throw notFound('That upload has expired or was never received; attach the evidence file again.');
    if (!staged.storedPath) throw invalid('That upload was only hashed, not kept; upload the evidence file again as evidence (keep=1).');
    source = { path: staged.storedPath, fileName: staged.fileName };
  } else {
    const path = resolve(ref.path);
    source = { path, fileName: basename(path) };
  }
  const unreadable = (error: unknown) => failed(`Evidence file: ${fileReadError(source.path, error).message}`);
  let st;
  try {
    st = statSync(source.path);
  } catch (err) {
    throw unreadable(err);
  }
  if (st.isDirectory()) throw unreadable({ code: 'EISDIR' });
  if (!st.isFile()) throw unreadable({ code: 'ENOTFILE' });
  if (st.size === 0) throw invalid(`Evidence file "${source.path}" is empty.`);
  return source;
}

function safeExtension(fileName: string): string {
  const ext = extname(fileName).toLowerCase();
  return /^\.[a-z0-9]{1,12}$/.test(ext) ? ext : '';
}

/**
 * Copies the evidence into <dataDir>/evidence/<first two hex of sha>/<sha256><ext>, hashing while copying, through
 * a temporary name. Content already in the store is kept as it is (deduplicated by hash, never overwritten).
 */
export async function placeEvidence(ctx: ApiContext, ref: EvidenceRef): Promise<PlacedEvidence> {
  const source = evidenceSource(ctx, ref);
  const storeDir = join(ctx.dataDir, 'evidence');
  mkdirSync(storeDir, { recursive: true });
  const tmp = join(storeDir, `.incoming-${randomUUID()}`);
  const hash = createHash('sha256');
  let size = 0;
  const hashing = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  const reader = createReadStream(source.path);
  try {
    await pipeline(reader, hashing, createWriteStream(tmp, { flags: 'wx' }));
  } catch (err) {
    removeQuietly(tmp);
    const path = (err as { path?: string }).path;
    if (path === tmp) throw failed(`Cannot write to the evidence store ${storeDir}: ${(err as Error).message}`);
    throw failed(`Evidence file: ${fileReadError(source.path, err).message}`);
  }
  const sha256 = hash.digest('hex');
  const known = getEvidenceBySha(ctx.db, sha256);
  const relPath = known?.stored_path ?? join('evidence', sha256.slice(0, 2), `${sha256}${safeExtension(source.fileName)}`);
  const finalPath = join(ctx.dataDir, relPath);
  let created = false;
  try {
    if (!existsSync(finalPath)) {
      mkdirSync(dirname(finalPath), { recursive: true });
      created = moveWithoutOverwrite(tmp, finalPath);
    }
  } finally {
    removeQuietly(tmp);
  }
  return { sha256, size, fileName: known?.file_name ?? source.fileName, relPath, created };
}

/** rename() would replace a file that appeared meanwhile; a hard link fails instead, so evidence is never overwritten. */
function moveWithoutOverwrite(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (existsSync(to)) return false;
    renameSync(from, to); // file systems without hard links
    return true;
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/** Records placed evidence (inside the caller's transaction); the same content is one evidence row. */
export function recordEvidence(ctx: ApiContext, placed: PlacedEvidence, by: string): EvidenceRow {
  const existing = getEvidenceBySha(ctx.db, placed.sha256);
  if (existing) return existing;
  insertEvidence(ctx.db, {
    sha256: placed.sha256, fileName: placed.fileName, size: placed.size, storedPath: placed.relPath, addedBy: by, addedAt: ctx.now().toISOString(),
  });
  return getEvidenceBySha(ctx.db, placed.sha256)!;
}

/**
 * Copies the evidence, then runs `write` (which records it) in the caller's transaction. If the write fails, a copy
 * made by this call is removed again, so a refused request leaves neither rows nor files behind.
 */
export async function withEvidence<T>(ctx: ApiContext, ref: EvidenceRef, write: (placed: PlacedEvidence) => T): Promise<T> {
  const placed = await placeEvidence(ctx, ref);
  try {
    return write(placed);
  } catch (err) {
    if (placed.created && !getEvidenceBySha(ctx.db, placed.sha256)) removeQuietly(join(ctx.dataDir, placed.relPath));
    throw err;
  }
}
