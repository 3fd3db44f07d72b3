import { randomUUID } from 'node:crypto';
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { ProvenanceRecord } from '../provenance';

export const STAGED_TTL_MS = 60 * 60 * 1000;

export interface StagedFile {
  fileName: string;
  sha256: string;
  size: number;
  stagedAt: number;
  /** Only for uploads kept as evidence (`/api/upload?keep=1`): where the bytes wait under <dataDir>/staging. */
  storedPath?: string;
  /**
   * What a media upload said about its origin, read from a short-lived copy in the staging folder (the copy is gone
   * by the time this is set). Logging the staged id stores it as the asset's provenance record.
   */
  provenance?: ProvenanceRecord;
  /** Name of the thumbnail made from the upload (in the thumbnails cache), for images that decode. */
  thumbnail?: string;
}

/**
 * A browser cannot tell us where a dropped file lives, so `genlog serve` hashes the upload as it streams in and
 * keeps only the hash (and the provenance read from it) here until the artist logs it. Media bytes are never kept;
 * they wait in the staging folder only while their provenance is read. Evidence uploads (approval
 * emails, signed consents) are kept in the staging folder until they expire, because they must be copied into the
 * evidence store.
 */
export class StagedFiles {
  private readonly files = new Map<string, StagedFile>();
  constructor(private readonly ttlMs = STAGED_TTL_MS) {}

  add(file: Omit<StagedFile, 'stagedAt'>): string {
    this.prune();
    const id = randomUUID();
    this.files.set(id, { ...file, stagedAt: Date.now() });
    return id;
  }

  get(id: string): StagedFile | undefined {
    this.prune();
    return this.files.get(id);
  }

  delete(id: string): void {
    const f = this.files.get(id);
    this.files.delete(id);
    if (f?.storedPath) removeQuietly(f.storedPath);
  }

  private prune(): void {
    const cutoff = Date.now() - this.ttlMs;
    for (const [id, f] of this.files) if (f.stagedAt < cutoff) this.delete(id);
  }
}

/** Kept uploads left behind by an earlier `genlog serve` (its staged ids died with it) are removed once they expire. */
export function clearExpiredStaging(dataDir: string, ttlMs = STAGED_TTL_MS): void {
  const dir = join(dataDir, 'staging');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const cutoff = Date.now() - ttlMs;
  for (const name of names) {
    const path = join(dir, name);
    try {
      if (statSync(path).mtimeMs < cutoff) unlinkSync(path);
    } catch {
      // removed meanwhile
    }
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
