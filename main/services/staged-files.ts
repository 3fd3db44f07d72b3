import { randomUUID } from 'node:crypto';
import { readdirSync, rmSync, statSync, unlinkSync, utimesSync, type Dirent } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { isProcessRunning } from './process-running';
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

/**
 * Where this process keeps upload copies: a folder of its own under <dataDir>/staging, named for the machine and the
 * process, so a later start can tell copies whose server is gone (killed mid-upload: nothing else would ever remove
 * them) from those of a server still running, on this machine or another sharing the data folder.
 */
export function ownStagingDir(dataDir: string): string {
  return join(dataDir, 'staging', `${safeHostname()}-${process.pid}`);
}

/** How often a running server marks its staging folder as in use (its modification time). */
export const STAGING_HEARTBEAT_MS = 20_000;

/** Keeps this process's staging folder marked as in use while it runs; returns what stops it. */
export function startStagingHeartbeat(dataDir: string): () => void {
  const dir = ownStagingDir(dataDir);
  const beat = setInterval(() => {
    const now = new Date();
    try {
      utimesSync(dir, now, now);
    } catch {
      // not made yet: nothing uploaded
    }
  }, STAGING_HEARTBEAT_MS);
  beat.unref();
  return () => clearInterval(beat);
}

/**
 * Upload copies left behind by an earlier `genlog serve` (its staged ids died with it). A folder of a server of this
 * machine that is no longer running, and not marked as in use for three heartbeats (another machine of the same name
 * sharing the data folder marks its own), goes at once: nothing else would ever remove what a server killed
 * mid-upload left. Anything else goes once it has not been in use for the expiry time.
 */
export function clearLeftStaging(dataDir: string, ttlMs = STAGED_TTL_MS): void {
  const dir = join(dataDir, 'staging');
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  const now = Date.now();
  const mine = new RegExp(`^${escapeRegExp(safeHostname())}-(\\d+)$`);
  const own = basename(ownStagingDir(dataDir));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    try {
      const idle = now - statSync(path).mtimeMs;
      if (!entry.isDirectory()) {
        if (idle > ttlMs) unlinkSync(path);
        continue;
      }
      if (entry.name === own) continue;
      const pid = mine.exec(entry.name)?.[1];
      const dead = pid !== undefined && !isProcessRunning(Number(pid)) && idle > 3 * STAGING_HEARTBEAT_MS;
      if (dead || idle > ttlMs) rmSync(path, { recursive: true, force: true });
      else removeExpired(path, now - ttlMs);
    } catch {
      // removed meanwhile, or not ours to remove
    }
  }
}

function removeExpired(dir: string, cutoff: number): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).mtimeMs < cutoff) removeQuietly(path);
  }
}

/** The machine's name as a folder name can hold it. */
function safeHostname(): string {
  return hostname().replace(/[^A-Za-z0-9._]/g, '_') || 'host';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
