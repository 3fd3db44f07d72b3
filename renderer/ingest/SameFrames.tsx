import { framesPhrase } from '../../main/format/frame-counts';
import { useId } from 'react';
import { ScrollList } from '../ui/ScrollList';
import { PathName } from './PathName';
import type { IngestJob } from './types';

/** Files or sequences of a folder that hold the same frame numbers written differently, kept apart as two renders. */
export function SameFrames({ pairs }: { pairs: IngestJob['sameFrames'] }) {
  const titleId = useId();
  if (pairs.length === 0) return null;
  return (
    <section className="ingest-gaps" aria-label="Frames numbered twice">
      <h3 id={titleId} className="section-title">Frames numbered twice</h3>
      <ScrollList labelledBy={titleId}>
        {pairs.map((d) => (
          <li key={d.paths.join('\n')} className="result-item has-reason">
            <PathName path={d.paths[0]} className="mono" />
            <PathName path={d.paths[1]} className="mono" />
            <span className="result-reason muted">both hold {framesPhrase(d.frames)}, numbered differently; kept apart: two renders, or one written twice?</span>
          </li>
        ))}
      </ScrollList>
    </section>
  );
}
