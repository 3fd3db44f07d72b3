import type { FormPrefill } from '../provenance/prefill';

/**
 * Where the files' own tool names and the tool list do not line up: said plainly, with a way to fix it. Adding the
 * tool a file names happens here, so the batch and what was typed stay.
 */
export function ToolNotices({ prefill, onPick, onAddTool }: { prefill: FormPrefill; onPick(): void; onAddTool(name: string): void }) {
  if (prefill.unlisted.length === 0 && !prefill.toolNeedsChoice) return null;
  return (
    <div className="notice notice-warn span-2" role="note" aria-label="Tool named by the files">
      {prefill.unlisted.map((u) => (
        <p key={u.file}>
          <strong>{u.file}</strong> names <strong>{u.names.join(' / ')}</strong>, which is not in the tool list. Pick the tool it was made
          with, or add it to the list.
        </p>
      ))}
      {prefill.toolNeedsChoice ? <p>{prefill.toolNeedsChoice}</p> : null}
      <div className="notice-actions">
        <button type="button" className="btn btn-small" onClick={onPick}>Pick a tool</button>
        {[...new Set(prefill.unlisted.map((u) => u.names[0] as string))].map((name) => (
          <button key={name} type="button" className="btn btn-small" onClick={() => onAddTool(name)}>Add “{name}” to the tool list</button>
        ))}
      </div>
    </div>
  );
}
