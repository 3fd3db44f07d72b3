import type { FormPrefill } from '../provenance/prefill';

/** Where the files' own tool names and the tool list do not line up: said plainly, with a way to fix it. */
export function ToolNotices({ prefill, onPick, onAddTool }: { prefill: FormPrefill; onPick(): void; onAddTool(): void }) {
  if (prefill.unlisted.length === 0 && prefill.conflictingTools.length === 0) return null;
  return (
    <div className="notice notice-warn span-2" role="note" aria-label="Tool named by the files">
      {prefill.unlisted.map((u) => (
        <p key={u.file}>
          <strong>{u.file}</strong> names <strong>{u.names}</strong>, which is not in the tool list. Pick the tool it was made with, or add it
          to the list.
        </p>
      ))}
      {prefill.conflictingTools.length ? (
        <p>The files name different tools ({prefill.conflictingTools.join(', ')}); one tool applies to every file, so log them in separate batches if they differ.</p>
      ) : null}
      <div className="notice-actions">
        <button type="button" className="btn btn-small" onClick={onPick}>Pick a tool</button>
        <button type="button" className="btn btn-small" onClick={onAddTool}>Add a tool…</button>
      </div>
    </div>
  );
}
