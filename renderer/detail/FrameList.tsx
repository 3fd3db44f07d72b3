import { useState } from 'react';
import type { AssetFrame } from '../provenance/types';
import { formatBytes } from '../ui/format';
import { MAX_MISSING_LISTED, framesPhrase, frameLabel, frameSpan, missingFrames } from '../../main/format/frame-counts';

/** Frames shown per page: a 10,000-frame sequence must not put 10,000 rows in the DOM. */
export const FRAMES_PER_PAGE = 100;

/** An image sequence's frame range, sequence hash note and per-frame hashes, paged. */
export function FrameList({ frames, sequenceHash, pattern }: { frames: AssetFrame[]; sequenceHash: string; pattern: string }) {
  const [page, setPage] = useState(0);
  const pages = Math.ceil(frames.length / FRAMES_PER_PAGE);
  const shown = frames.slice(page * FRAMES_PER_PAGE, (page + 1) * FRAMES_PER_PAGE);
  const first = frames[0]!.frame;
  const last = frames.at(-1)!.frame;
  const gaps = missingFrames(frames);
  return (
    <section className="prov-section" aria-label="Image sequence">
      <h3 className="prov-title">Image sequence</h3>
      <p className="muted">
        Frames {frameSpan({ first, last }, pattern)} ({frames.length} files). Sequence hash (the asset's SHA-256): SHA-256 of every frame's hash in frame
        order, one per line.
      </p>
      <p className="mono hash selectable">{sequenceHash}</p>
      {gaps.length ? (
        // True of a render with a hole and of late frames alike (the notes of those name the asset with the others).
        <p className="notice notice-warn" role="note">
          This asset has no {framesPhrase(gaps)}{gaps.length >= MAX_MISSING_LISTED ? ' (and maybe more)' : ''}. It was logged with the
          frames present.
        </p>
      ) : null}
      <table className="frame-table" aria-label="Frames">
        <thead><tr><th>Frame</th><th>File</th><th>Size</th><th>SHA-256</th></tr></thead>
        <tbody>
          {shown.map((f) => (
            <tr key={f.frame}><td>{frameLabel(f.frame, pattern)}</td><td>{f.fileName}</td><td className="nowrap">{formatBytes(f.size)}</td><td className="mono hash">{f.sha256}</td></tr>
          ))}
        </tbody>
      </table>
      {pages > 1 ? (
        <div className="pager" role="group" aria-label="Frame pages">
          <button type="button" className="btn btn-small" disabled={page === 0} onClick={() => setPage(page - 1)}>Previous</button>
          <span className="muted">Page {page + 1} of {pages}</span>
          <button type="button" className="btn btn-small" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>Next</button>
        </div>
      ) : null}
    </section>
  );
}
