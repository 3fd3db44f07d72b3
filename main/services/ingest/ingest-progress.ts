import type { IngestProgress } from '../../ingest';

export interface IngestJobProgress {
  phase: 'scanning' | 'hashing' | 'done';
  /** Files found (each frame of a sequence counts). */
  filesTotal: number;
  /** Files hashed or found unchanged since they were last hashed. */
  filesDone: number;
  /** Files unchanged since GenLog last hashed them (same path, size and modification time): not read again. */
  filesReused: number;
  /** Bytes that must be read (files not reused). */
  bytesTotal: number;
  bytesDone: number;
  /** Seconds left at the average speed so far; null until bytes have been read. */
  etaSeconds: number | null;
  /** Assets the files make (a sequence is one). */
  itemsTotal: number;
  /** New assets committed to the log so far. */
  itemsLogged: number;
  /** Items whose content was already in the log. */
  duplicates: number;
}

const REPORT_INTERVAL_MS = 100;

/**
 * Sums the progress of the batches being hashed (up to two at once) into one report, at most ~10 a second plus
 * every phase change and commit, so a UI poll or a terminal line is never flooded.
 */
export class IngestProgressTracker {
  private readonly state: IngestJobProgress = {
    phase: 'scanning', filesTotal: 0, filesDone: 0, filesReused: 0, bytesTotal: 0, bytesDone: 0, etaSeconds: null,
    itemsTotal: 0, itemsLogged: 0, duplicates: 0,
  };
  private readonly batches = new Map<number, { files: number; bytes: number }>();
  private finishedFiles = 0;
  private finishedBytes = 0;
  private hashingStartedAt = 0;
  private lastReport = -Infinity;

  constructor(private readonly onProgress?: (p: IngestJobProgress) => void) {}

  snapshot(): IngestJobProgress {
    return { ...this.state };
  }

  begin(counts: { filesTotal: number; filesReused: number; bytesTotal: number; itemsTotal: number }): void {
    Object.assign(this.state, counts, { phase: 'hashing', filesDone: counts.filesReused });
    this.hashingStartedAt = performance.now();
    this.report(true);
  }

  /** The onProgress callback for one batch's hashItems call. */
  forBatch(batch: number): (p: IngestProgress) => void {
    return (p) => {
      this.batches.set(batch, { files: p.filesDone, bytes: p.bytesDone });
      this.recount();
      this.report(false);
    };
  }

  committed(batch: number, logged: number, duplicates: number): void {
    const b = this.batches.get(batch);
    this.batches.delete(batch);
    this.finishedFiles += b?.files ?? 0;
    this.finishedBytes += b?.bytes ?? 0;
    this.state.itemsLogged += logged;
    this.state.duplicates += duplicates;
    this.recount();
    this.report(true);
  }

  done(): void {
    this.state.phase = 'done';
    this.state.filesDone = this.state.filesTotal;
    this.state.bytesDone = this.state.bytesTotal;
    this.state.etaSeconds = 0;
    this.report(true);
  }

  private recount(): void {
    let files = this.finishedFiles;
    let bytes = this.finishedBytes;
    for (const b of this.batches.values()) {
      files += b.files;
      bytes += b.bytes;
    }
    this.state.filesDone = this.state.filesReused + files;
    this.state.bytesDone = bytes;
    const elapsed = (performance.now() - this.hashingStartedAt) / 1000;
    this.state.etaSeconds = bytes > 0 ? (elapsed * Math.max(0, this.state.bytesTotal - bytes)) / bytes : null;
  }

  private report(force: boolean): void {
    const at = performance.now();
    if (!this.onProgress || (!force && at - this.lastReport < REPORT_INTERVAL_MS)) return;
    this.lastReport = at;
    this.onProgress(this.snapshot());
  }
}
