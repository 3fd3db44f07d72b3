import { memo } from 'react';
import { useStores } from '../app/stores-context';
import { fileFindings } from '../provenance/labels';
import type { IntakeItem } from '../stores/ingest-store';
import { formatBytes } from '../ui/format';

function Status({ item }: { item: IntakeItem }) {
  if (item.status === 'failed') return <span className="tag tag-bad">{item.error ?? 'could not be read'}</span>;
  if (item.status === 'staging') {
    const pct = item.file.size ? Math.floor((item.loaded / item.file.size) * 100) : 0;
    return <span className="muted">uploading {pct}%</span>;
  }
  if (item.provenanceState === 'reading') return <span className="muted">reading…</span>;
  return null;
}

/** What one file says about itself, as found when it was dropped: the artist sees it before logging. */
function Said({ item, showPrompt }: { item: IntakeItem; showPrompt: boolean }) {
  if (item.provenanceState === 'unavailable' && item.provenanceError) {
    return <div className="said said-bad">Provenance could not be read: {item.provenanceError}</div>;
  }
  const p = item.provenance;
  if (item.provenanceState !== 'read') return null;
  if (!p) return <div className="said muted">Carries no provenance GenLog reads.</div>;
  const lines = fileFindings(p);
  return (
    <div className="said">
      {lines.length === 0 && p.errors.length === 0 ? <div className="muted">No provenance metadata found in the file.</div> : null}
      <dl className="said-list">
        {showPrompt && p.summary.prompt ? <div className="said-row"><dt>Prompt</dt><dd className="said-prompt">{p.summary.prompt}</dd></div> : null}
        {lines.map((l, i) => (
          <div key={`${l.label}-${i}`} className={`said-row${l.tone ? ` said-${l.tone}` : ''}`}><dt>{l.label}</dt><dd>{l.value}</dd></div>
        ))}
        {p.matchedTool ? <div className="said-row said-ok"><dt>Tool</dt><dd>matches “{p.matchedTool}” in the tool list</dd></div> : null}
      </dl>
      {p.mismatches.map((m) => <div key={m} className="said-mismatch" role="note">Mismatch: {m}</div>)}
      {p.errors.map((e) => <div key={e} className="said-bad">Provenance error: {e}. The file can still be logged; its provenance will be incomplete.</div>)}
    </div>
  );
}

/** One waiting file. Memoized: an upload progress tick changes one item, and only its row renders again. */
const FileRow = memo(function FileRow({ item, index, disabled, showPrompt }: { item: IntakeItem; index: number; disabled: boolean; showPrompt: boolean }) {
  const { ingest } = useStores();
  return (
    <li className="file-item file-item-said" aria-label={item.file.name}>
      <div className="file-item-head">
        <span className="file-name" title={item.file.name}>{item.file.name}</span>
        <span className="muted">{formatBytes(item.file.size)}</span>
        <Status item={item} />
        <button type="button" className="btn btn-icon btn-small" aria-label={`Remove ${item.file.name}`} disabled={disabled}
          onClick={() => ingest.getState().removeFile(index)}>×</button>
      </div>
      <Said item={item} showPrompt={showPrompt} />
    </li>
  );
});

/** The files waiting to be logged, each with its upload/read state and what it says about its origin. */
export function FileFindings({ items, disabled, showPrompts }: { items: IntakeItem[]; disabled: boolean; showPrompts: boolean }) {
  return (
    <ul className="file-findings">
      {items.map((item, i) => <FileRow key={item.key} item={item} index={i} disabled={disabled} showPrompt={showPrompts} />)}
    </ul>
  );
}
