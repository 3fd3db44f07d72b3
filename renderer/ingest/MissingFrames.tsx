import { PathName } from './PathName';
import type { IngestJob } from './types';

/** "frame 1004", "frames 1004, 1005", "12 frames (1004 … 1020)". */
export function missingText(frames: number[]): string {
  if (frames.length === 1) return `frame ${frames[0]}`;
  if (frames.length <= 5) return `frames ${frames.join(', ')}`;
  return `${frames.length} frames (${frames[0]} … ${frames[frames.length - 1]})`;
}

/** Image sequences an ingest logged although frames were missing between the first and the last. */
export function MissingFrames({ gaps }: { gaps: IngestJob['gaps'] }) {
  if (gaps.length === 0) return null;
  return (
    <section className="ingest-gaps" aria-label="Sequences with missing frames">
      <h3 className="section-title">Missing frames</h3>
      <ul className="result-list">
        {gaps.map((g) => (
          <li key={g.path} className="result-item has-reason">
            <PathName path={g.path} className="mono" />
            <span className="result-reason muted">no {missingText(g.missingFrames)}; logged with the frames present</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
