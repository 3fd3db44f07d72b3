import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Stats } from 'node:fs';
import { sidecarCandidates } from '../../provenance/c2pa/sidecar';
import type { ProvenanceRecord } from '../../provenance';

/**
 * Provenance read for a preview (the desktop log dialog reads each dropped file before the artist submits), kept so
 * that logging the same files moments later does not read them again: a C2PA signature check alone costs tens of
 * milliseconds per file. An entry is used only while everything the read depended on is provably unchanged: the
 * file (inode, size, modification and change time), its folder (a sidecar manifest added, removed or renamed
 * changes the folder's times) and any sidecar manifest beside it. Anything else is read afresh, and so is a file
 * whose read reported a problem (a time-out under load may well pass the second time).
 *
 * Times come from the file system: on one with coarse timestamps or cached attributes (some network shares), a file
 * rewritten in place with the same size within one tick looks unchanged. The hash is always taken from the bytes
 * logged, so such a file would keep its earlier provenance record, never a wrong hash.
 */
const KEEP = 256;
const KEEP_MS = 15 * 60 * 1000;

interface Previewed {
  identity: string;
  record: ProvenanceRecord;
  at: number;
}

const previewed = new Map<string, Previewed>();

function statIdentity(s: Stats | null): string {
  return s ? `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}` : '-';
}

/** What a read of `path` depends on, taken just before reading it; null when the file cannot be seen. */
export async function previewIdentity(path: string): Promise<string | null> {
  const quiet = (p: string) => stat(p).catch(() => null);
  const [file, folder, ...sidecars] = await Promise.all([quiet(path), quiet(dirname(path)), ...sidecarCandidates(path).map(quiet)]);
  return file ? [file, folder, ...sidecars].map(statIdentity).join('|') : null;
}

/** Keeps what was read of `path`, whose identity was `identity` just before reading it. */
export function rememberPreview(path: string, identity: string | null, record: ProvenanceRecord, now = Date.now()): void {
  previewed.delete(path);
  if (identity === null || record.errors.length > 0) return;
  previewed.set(path, { identity, record: structuredClone(record), at: now });
  for (const [oldest] of previewed) {
    if (previewed.size <= KEEP) break;
    previewed.delete(oldest);
  }
}

/** The record previewed for `path` if nothing it depended on has changed since, else null (and the entry is dropped). */
export async function previewedRecord(path: string, now = Date.now()): Promise<ProvenanceRecord | null> {
  const entry = previewed.get(path);
  if (!entry) return null;
  if (now - entry.at > KEEP_MS || (await previewIdentity(path)) !== entry.identity) {
    previewed.delete(path);
    return null;
  }
  return structuredClone(entry.record);
}

/** For tests: forget every preview. */
export function forgetPreviews(): void {
  previewed.clear();
}
