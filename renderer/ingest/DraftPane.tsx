import type { KeyboardEvent } from 'react';
import { useApp, useStores } from '../app/stores-context';
import { openAsset } from '../compliance/navigate';
import { saysAnything } from '../provenance/labels';
import { uncheckedProblems } from '../../main/provenance/c2pa/validation';
import { ProvenanceNotices, ProvenanceSections } from '../provenance/ProvenanceSections';
import { formatBytes, formatDateTime, plural } from '../ui/format';
import { ConfirmDraftForm } from './ConfirmDraftForm';
import { folderOf, frameText, mediaLabel } from './draft-labels';
import { missingFrames } from '../../main/format/frame-counts';
import { framesPhrase } from '../../main/format/frame-counts';
import type { DraftDetail } from './types';

const yesNo = (v: boolean | null) => (v === null ? 'not stated' : v ? 'yes' : 'no');

function ProvenanceSection({ d }: { d: DraftDetail }) {
  const r = d.record;
  if (!r) return <p className="muted small">No provenance was read for this file (content already logged elsewhere, or not readable).</p>;
  const s = r.summary;
  const unchecked = uncheckedProblems(r.c2pa?.validation);
  const rows: [string, string | undefined][] = [
    ['Made by AI', `${yesNo(s.aiGenerated)}${s.digitalSourceType ? ` (${s.digitalSourceType})` : ''}`],
    ['Tool in the list', d.prefill.matchedTool ?? 'none matched'],
    ['Software named', s.toolHints.join(', ') || 'none'],
    ['Model', s.model],
    ['Prompt', s.prompt],
    ['Negative prompt', s.negativePrompt],
    ['Made', s.createdAt ? formatDateTime(s.createdAt) : undefined],
    ['C2PA', r.c2pa ? `${r.c2pa.signer ?? 'unknown signer'} · ${r.c2pa.validation.state}` : undefined],
  ];
  return (
    <>
      <ProvenanceNotices mismatches={d.provenance?.mismatches ?? []} errors={r.errors} consequence="The file can still be logged; its provenance will be incomplete." />
      {r.c2pa?.validation.state === 'invalid'
        ? (
          <div className="notice notice-error" role="note">
            <strong>C2PA validation failed{r.c2pa.validation.problems.length ? ':' : ''}</strong>
            {r.c2pa.validation.problems.length ? <ul className="prov-problems">{r.c2pa.validation.problems.map((p) => <li key={p}>{p}</li>)}</ul> : null}
          </div>
        )
        : null}
      {unchecked.length
        ? (
          <div className="notice notice-warn" role="note">
            <strong>C2PA check incomplete:</strong>
            <ul className="prov-problems">{unchecked.map((p) => <li key={p}>{p}</li>)}</ul>
          </div>
        )
        : null}
      <dl className="kv-list">
        {rows.filter(([, v]) => v).map(([k, v]) => (
          <div key={k} className={`kv${k.includes('rompt') ? ' kv-wide' : ''}`}><dt>{k}</dt><dd className={k.includes('rompt') ? 'prose' : undefined}>{v}</dd></div>
        ))}
      </dl>
      {saysAnything(r) ? (
        <details className="draft-provenance">
          <summary>Everything the file says</summary>
          <ProvenanceSections record={r} />
        </details>
      ) : null}
    </>
  );
}

function Frames({ d }: { d: DraftDetail }) {
  if (d.frames.length === 0) return null;
  const inLog = d.prefill.framesInLog ?? [];
  const dismissed = d.prefill.framesDismissed ?? [];
  const missing = missingFrames(d.frames, [...inLog, ...dismissed]);
  // What confirming will do is said only while there is a decision to make; a decided draft keeps the facts.
  const pending = d.status === 'pending';
  return (
    <>
      {inLog.length && pending ? (
        <div className="notice" role="note">
          <strong>Logged before:</strong> {framesPhrase(inLog)} of this sequence {inLog.length === 1 ? 'is' : 'are'} already
          in the log (see the notes); confirming logs the frames found here.
        </div>
      ) : null}
      {dismissed.length && pending ? (
        <div className="notice" role="note">
          <strong>Dismissed before:</strong> {framesPhrase(dismissed)} of this sequence {dismissed.length === 1 ? 'was' : 'were'} in a
          draft that was dismissed (see the notes); confirming logs the frames found here.
        </div>
      ) : null}
      {missing.length && pending ? (
        <div className="notice notice-warn" role="note">
          <strong>Missing frames:</strong> no {framesPhrase(missing)}. Confirming logs the frames present; a missing frame that
          arrives later becomes a draft of its own.
        </div>
      ) : null}
      <details className="draft-frames">
        <summary>{plural(d.frames.length, 'frame')}, {frameText(d)}: one SHA-256 each</summary>
        <ol className="frame-list">
          {d.frames.map((f) => <li key={f.frame}><span className="mono">{f.fileName}</span> <span className="muted mono hash">{f.sha256.slice(0, 16)}…</span> {formatBytes(f.size)}</li>)}
        </ol>
      </details>
    </>
  );
}

/**
 * The selected draft: what was found, what the file says, and the confirm form (or how it was decided). Esc goes back
 * to the list (onLeave), on the same draft; what was typed into the form is kept.
 */
export function DraftPane({ onDismiss, onConfirmed, onLeave }: { onDismiss(id: number): void; onConfirmed(): void; onLeave(): void }) {
  const stores = useStores();
  const selectedId = useApp('drafts', (s) => s.selectedId);
  const d = useApp('drafts', (s) => s.detail);
  if (selectedId === null) {
    return <aside className="detail-pane draft-pane" aria-label="New file detail"><div className="empty-state">Select a file to see what it says about itself and log it.</div></aside>;
  }
  if (!d || d.id !== selectedId) return <aside className="detail-pane draft-pane" aria-label="New file detail"><div className="empty-state">Loading…</div></aside>;
  function onKeyDown(e: KeyboardEvent) {
    // Not while an IME composes (Esc cancels the composition) or when a control used the key (an open list box).
    if (e.key !== 'Escape' || e.defaultPrevented || e.nativeEvent.isComposing || e.keyCode === 229) return;
    e.preventDefault();
    onLeave();
  }
  return (
    <aside className="detail-pane draft-pane" aria-label="New file detail" onKeyDown={onKeyDown}>
      <header className="detail-header">
        <div className="detail-title-row">
          <span className="detail-id">#{d.id}</span>
          <h2 className="detail-title" title={d.path}>{d.fileName}</h2>
        </div>
        <div className="muted small mono" title={d.path}>{folderOf(d.path)}</div>
        <div className="muted small">{mediaLabel(d)} · {formatBytes(d.size)}{d.frameRange ? ` · frames ${frameText(d)}` : ''} · found {formatDateTime(d.foundAt)}</div>
      </header>
      <div className="draft-pane-body">
        {d.status === 'pending' ? (
          <ConfirmDraftForm key={d.id} draft={d} onDismiss={() => onDismiss(d.id)} onConfirmed={onConfirmed} />
        ) : (
          <div className="notice" role="status">
            {d.status === 'confirmed' ? 'Confirmed' : 'Dismissed'} by {d.decidedBy} on {d.decidedAt ? formatDateTime(d.decidedAt) : '?'}.
            {d.assetId !== null ? <> <button type="button" className="link-button" onClick={() => openAsset(stores, d.assetId as number, 'details')}>Open asset #{d.assetId} in the log</button></> : null}
            {d.status === 'dismissed' ? <> <button type="button" className="link-button" onClick={() => void stores.drafts.getState().reopen(d.id)}>Return it to the inbox</button></> : null}
          </div>
        )}
        <h3 className="section-title">What the file says</h3>
        <ProvenanceSection d={d} />
        <Frames d={d} />
      </div>
    </aside>
  );
}
