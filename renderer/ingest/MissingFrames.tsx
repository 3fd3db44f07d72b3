import { framesPhrase } from '../../main/format/frame-counts';
import { useId } from 'react';
import { ScrollList } from '../ui/ScrollList';
import { PathName } from './PathName';
import type { IngestJob } from './types';

/** Image sequences an ingest logged although frames were missing between the first and the last. */
export function MissingFrames({ gaps }: { gaps: IngestJob['gaps'] }) {
  const titleId = useId();
  if (gaps.length === 0) return null;
  return (
    <section className="ingest-gaps" aria-label="Sequences with missing frames">
      <h3 id={titleId} className="section-title">Missing frames</h3>
      <ScrollList labelledBy={titleId}>
        {gaps.map((g) => (
          <li key={g.path} className="result-item has-reason">
            <PathName path={g.path} className="mono" />
            <span className="result-reason muted">no {framesPhrase(g.missingFrames)}; logged with the frames present</span>
          </li>
        ))}
      </ScrollList>
    </section>
  );
}
