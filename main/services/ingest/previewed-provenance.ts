import { stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import type { ProvenanceRecord } from '../../provenance';

/**
 * Provenance read for a preview (the desktop log dialog reads each dropped file before the artist submits), kept so
 * that logging the same files moments later does not read them again: a C2PA signature check alone costs tens of
 * milliseconds per file. An entry is used only while the file is provably the same one: same inode, size,
 * modification and change time. Anything else is read afresh, and so is a file whose read reported a problem (a
 * time-out under load may well pass the second time).
 */
const KEEP = 256;
const KEEP_MS = 15 * 60 * 1000;

interface Previewed {
  identity: string;
  record: ProvenanceRecord;
  at: number;
}

const previewed = new Map<string, Previewed>();

function identityOf(s: Pick<Stats, 'dev' | 'ino' | 'size' | 'mtimeMs' | 'ctimeMs'>): string {
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
}

/** Keeps what was read of `path` (which had `stats` just before reading it). */
export function rememberPreview(path: string, stats: Stats, record: ProvenanceRecord, now = Date.now()): void {
  previewed.delete(path);
  if (record.errors.length > 0) return;
  previewed.set(path, { identity: identityOf(stats), record: structuredClone(record), at: now });
  for (const [oldest] of previewed) {
    if (previewed.size <= KEEP) break;
    previewed.delete(oldest);
  }
}

/** The record previewed for `path` if the file has not changed since, else null (and the entry is dropped). */
export async function previewedRecord(path: string, now = Date.now()): Promise<ProvenanceRecord | null> {
  const entry = previewed.get(path);
  if (!entry) return null;
  const s = await stat(path).catch(() => null);
  if (!s || now - entry.at > KEEP_MS || identityOf(s) !== entry.identity) {
    previewed.delete(path);
    return null;
  }
  return structuredClone(entry.record);
}

/** For tests: forget every preview. */
export function forgetPreviews(): void {
  previewed.clear();
}
