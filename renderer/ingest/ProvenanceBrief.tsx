import { uncheckedProblems } from '../../main/provenance/c2pa/validation';
import type { Draft } from './types';

/** What the file said about itself, in one line: prompt/tool/model found, and any mismatch or read error flagged. */
export function ProvenanceBrief({ draft }: { draft: Draft }) {
  const p = draft.provenance;
  if (!p) return <span className="muted">not read</span>;
  const s = p.summary;
  const unchecked = uncheckedProblems(p.c2pa);
  const found = [
    s.aiGenerated === true ? 'says AI-made' : s.aiGenerated === false ? 'says camera capture' : null,
    p.c2pa && p.c2pa.state !== 'invalid' ? `C2PA ${p.c2pa.state}` : null,
    s.prompt ? 'prompt' : null,
    draft.prefill.matchedTool ? `tool ${briefly(draft.prefill.matchedTool)}` : s.toolHints[0] && s.aiGenerated !== false ? `names ${briefly(s.toolHints[0])}` : null,
    s.model ? `model ${briefly(s.model)}` : null,
  ].filter(Boolean);
  return (
    <span className="prov-brief">
      {found.length ? <span title={s.prompt}>{found.join(' · ')}</span> : <span className="muted">nothing stated</span>}
      {p.mismatches.length ? <span className="tag tag-bad" title={p.mismatches.join('\n')}>mismatch</span> : null}
      {p.errors.length ? <span className="tag tag-warn" title={p.errors.join('\n')}>read error</span> : null}
      {p.c2pa?.state === 'invalid' ? <span className="tag tag-bad" title={p.c2pa.problems.join('\n')}>C2PA invalid</span> : null}
      {unchecked.length ? <span className="tag tag-warn" title={unchecked.join('\n')}>C2PA check incomplete</span> : null}
    </span>
  );
}

/** A row says what kind of thing the file names; the pane has the whole of it. */
const BRIEF_CHARS = 48;

function briefly(text: string): string {
  return text.length > BRIEF_CHARS ? `${text.slice(0, BRIEF_CHARS - 1)}…` : text;
}
