import { randomUUID } from 'node:crypto';

export interface StagedFile {
  fileName: string;
  sha256: string;
  size: number;
  stagedAt: number;
}

/**
 * A browser cannot tell us where a dropped file lives, so `genlog serve` hashes the upload as it streams in and
 * keeps only the hash here until the artist logs it. Media bytes are never stored.
 */
export class StagedFiles {
  private readonly files = new Map<string, StagedFile>();
  constructor(private readonly ttlMs = 60 * 60 * 1000) {}

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
    this.files.delete(id);
  }

  private prune(): void {
    const cutoff = Date.now() - this.ttlMs;
    for (const [id, f] of this.files) if (f.stagedAt < cutoff) this.files.delete(id);
  }
}
