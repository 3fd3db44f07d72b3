import { currentVersion } from '../../ingest';
import { resolve } from 'node:path';
import type { ApiContext } from '../../api/context';
import { rememberHash, type FileVersion } from '../../../db/file-index';
import { listTools } from '../../../db/tools';
import type { ProvenanceRecord } from '../../provenance';
import type { FileRef, HashedFile } from '../log-assets';
import type { StagedFiles } from '../staged-files';
import { createLimiter } from './limiter';
import { PROVENANCE_CONCURRENCY, captureProvenance, prefillFrom } from './provenance-capture';

/** What was read of a file while it was hashed: its provenance and the version (size, mtime) seen before reading. */
export interface FileSighting {
  record: ProvenanceRecord;
  version: FileVersion | null;
  /** A browser upload's thumbnail, made while its bytes were staged. */
  thumbnail?: string;
}

/**
 * Starts reading provenance of every file given by path, a few at a time. A browser upload's provenance was read
 * when it arrived (`genlog serve` keeps the record with the staged entry, see main/server/media-upload.ts); it is
 * taken from there, so a browser-logged asset gets the same record as a desktop one. Never rejects, so it can run
 * while the files are hashed and simply be dropped if hashing fails.
 */
export function readProvenanceOfRefs(refs: readonly FileRef[], staged?: Pick<StagedFiles, 'get'>): Promise<(FileSighting | null)[]> {
  const limit = createLimiter(PROVENANCE_CONCURRENCY);
  return Promise.all(refs.map((ref) => {
    if (!('path' in ref)) {
      const entry = staged?.get(ref.stagedId);
      if (!entry?.provenance) return Promise.resolve(null);
      return Promise.resolve({ record: entry.provenance, version: null, ...(entry.thumbnail ? { thumbnail: entry.thumbnail } : {}) });
    }
    const path = resolve(ref.path);
    return limit(async () => {
      const version = await currentVersion(path);
      return { record: await captureProvenance(path), version };
    });
  }));
}

/**
 * Attaches each file's provenance and the values it prefills (prompt, model note, creation time), and remembers
 * its hash in the file index so a watch folder's catch-up scan never reads it again.
 */
export function withProvenance(ctx: ApiContext, hashed: HashedFile[], sightings: readonly (FileSighting | null)[]): HashedFile[] {
  const toolNames = listTools(ctx.db).map((t) => t.name);
  const now = ctx.now();
  return hashed.map((h, i) => {
    const seen = sightings[i];
    if (!seen) return h;
    if (seen.version && seen.version.size === h.size) rememberHash(ctx.db, { ...seen.version, sha256: h.sha256 }, now.toISOString());
    const { prompt, notes, createdAt } = prefillFrom(seen.record, toolNames, now);
    const thumbnail = seen.thumbnail ? { thumbnail: seen.thumbnail } : {};
    return { ...h, prefill: { prompt, notes, createdAt }, ingest: { provenance: seen.record, ...thumbnail } };
  });
}
