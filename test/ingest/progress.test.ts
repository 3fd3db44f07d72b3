import { describe, expect, it } from 'vitest';
import { createProgressTracker, type IngestProgress } from '../../main/ingest/progress';

describe('createProgressTracker', () => {
  it('reports at most ten times a second, plus the first and the last report', () => {
    let clock = 0;
    const reports: IngestProgress[] = [];
    const tracker = createProgressTracker(3, 3000, (progress) => reports.push(progress), () => clock);
    tracker.start();
    for (let step = 0; step < 300; step++) {
      clock += 10; // 3 s of 100 updates a second
      tracker.addBytes(10);
    }
    tracker.finish();
    // t=0 first report, then one per 100 ms over 3 s, then the final one.
    expect(reports).toHaveLength(1 + 30 + 1);
    expect(reports[0]).toEqual({ filesDone: 0, filesTotal: 3, bytesDone: 0, bytesTotal: 3000, etaSeconds: null });
    expect(reports.at(-1)).toEqual({ filesDone: 3, filesTotal: 3, bytesDone: 3000, bytesTotal: 3000, etaSeconds: 0 });
  });

  it('estimates the time left from the average speed so far', () => {
    let clock = 0;
    const reports: IngestProgress[] = [];
    const tracker = createProgressTracker(2, 1000, (progress) => reports.push(progress), () => clock);
    tracker.start();
    clock = 2000;
    tracker.addBytes(250);
    expect(reports.at(-1)).toMatchObject({ bytesDone: 250, etaSeconds: 6 });
  });

  it('does nothing without a listener', () => {
    const tracker = createProgressTracker(1, 1, undefined);
    expect(() => {
      tracker.start();
      tracker.addBytes(1);
      tracker.fileDone();
      tracker.finish();
    }).not.toThrow();
  });
});
