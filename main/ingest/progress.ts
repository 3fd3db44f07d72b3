export interface IngestProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  /** Seconds left at the average speed so far; null until the first bytes are read. */
  etaSeconds: number | null;
}

/** At most this many progress reports per second (plus the first and the last). */
const REPORTS_PER_SECOND = 10;

/**
 * Counts files and bytes and reports them at most ~10 times a second, so a UI or a terminal is never flooded
 * by one report per 4 MiB chunk. Counts only go up, so reports are monotonic.
 */
export function createProgressTracker(
  filesTotal: number,
  bytesTotal: number,
  onProgress: ((progress: IngestProgress) => void) | undefined,
  now: () => number = () => performance.now(),
) {
  const startedAt = now();
  let lastReportAt = -Infinity;
  let filesDone = 0;
  let bytesDone = 0;

  function snapshot(): IngestProgress {
    const elapsedSeconds = (now() - startedAt) / 1000;
    const etaSeconds = bytesDone > 0 ? (elapsedSeconds * Math.max(0, bytesTotal - bytesDone)) / bytesDone : null;
    return { filesDone, filesTotal, bytesDone, bytesTotal, etaSeconds };
  }

  function report(force: boolean): void {
    if (!onProgress) return;
    const at = now();
    if (!force && at - lastReportAt < 1000 / REPORTS_PER_SECOND) return;
    lastReportAt = at;
    onProgress(snapshot());
  }

  return {
    start: () => report(true),
    addBytes(bytes: number): void {
      bytesDone += bytes;
      report(false);
    },
    fileDone(): void {
      filesDone += 1;
      report(false);
    },
    /** Final report, always sent: everything read. */
    finish(): void {
      filesDone = filesTotal;
      bytesDone = bytesTotal;
      report(true);
    },
  };
}
