import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApp, useStores } from '../app/stores-context';
import type { Classification } from '../api-types';
import { EpisodePicker, PlannedUsePicker, ProductionPicker, ToolPicker } from '../catalog/CatalogSelects';
import { submitsOnEnter } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { draftTool } from './draft-labels';
import { errorsByField } from './error-fields';
import type { DraftDetail } from './types';
import { draftEdits, type DraftFormValues } from './draft-edits';

const FIELDS = ['production', 'tool', 'prompt', 'notes', 'episode', 'classification', 'use'] as const;

type FormState = DraftFormValues;

/**
 * Where the tool came from, and a contradiction spelled out (shown as a warning): the folder's default is not what
 * the file says.
 */
function toolHint(prefill: { tool?: string | null; matchedTool?: string | null }, chosen: string): { text?: string; warn: boolean } {
  const named = prefill.matchedTool;
  if (named && chosen && chosen !== named) return { text: `The file names “${named}”, not this tool: check before confirming`, warn: true };
  return { text: named && !prefill.tool ? 'Named by the file' : undefined, warn: false };
}

/** Why a tool must be chosen: the file may name one the tool list does not have, which is not the same as none. */
function noToolMessage(named: string | undefined): string {
  return named
    ? `Choose the AI tool that made this file: it names “${named}”, which is not in the tool list (add it under AI tools, or choose the tool it is listed as).`
    : 'Choose the AI tool that made this file: neither the watch folder nor the file names one.';
}

/**
 * Confirm a draft into the log, prefilled from its watch folder and what the file said; Enter confirms. A refused
 * confirm puts focus on the first field it is about; a logged one calls onConfirmed (focus goes back to the list).
 */
export function ConfirmDraftForm({ draft, onDismiss, onConfirmed }: { draft: DraftDetail; onDismiss(): void; onConfirmed?(): void }) {
  const { drafts } = useStores();
  const busy = useApp('drafts', (s) => s.busy);
  // What was typed before another draft was selected comes back; the rest is the draft's prefill.
  const [form, setForm] = useState<FormState>(() => ({
    production: draft.prefill.production,
    tool: draftTool(draft) ?? '',
    prompt: draft.prefill.prompt ?? '',
    notes: draft.prefill.notes ?? '',
    episode: '',
    classification: draft.prefill.classification,
    use: draft.prefill.plannedUseId === null ? '' : String(draft.prefill.plannedUseId),
    ...drafts.getState().unsavedEdits[draft.id],
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  /** Bumped each time field errors are shown, so a second refusal focuses the field again. */
  const [refused, setRefused] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const set = (patch: Partial<FormState>) => {
    const next = { ...form, ...patch };
    setForm(next);
    drafts.getState().keepEdits(draft.id, { ...next });
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return; // Enter pressed again while the first confirm is on its way
    const local: Record<string, string> = {};
    if (!form.tool) local.tool = noToolMessage(draft.record?.summary.toolHints[0]);
    setErrors(local);
    setGeneral(null);
    if (Object.keys(local).length) {
      setRefused((n) => n + 1);
      return;
    }
    const res = await drafts.getState().confirm(draft.id, draftEdits(form));
    if (res.ok) {
      onConfirmed?.();
      return;
    }
    const split = errorsByField(res.error, FIELDS, 'production');
    setErrors(split.fields);
    setGeneral(split.general);
    setRefused((n) => n + 1);
  }

  // The confirm button was disabled while the request ran, which dropped focus to the page: it goes to the field the
  // refusal is about, or back to the button, so the keyboard still works in the inbox.
  useEffect(() => {
    const form = formRef.current;
    if (refused) (form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('[data-draft-confirm]'))?.focus();
  }, [refused]);

  const toolNote = toolHint(draft.prefill, form.tool);
  return (
    <form ref={formRef} className="draft-form" aria-label={`Confirm ${draft.fileName}`} data-draft-form onSubmit={(e) => void submit(e)} noValidate
      onKeyDown={(e) => {
        // Enter confirms as in a dialog: from a list box or tick box, Ctrl+Enter from a text box; never twice at once.
        if (e.key === 'Enter' && !e.defaultPrevented && !e.nativeEvent.isComposing && submitsOnEnter(e.target, e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          if (!busy) e.currentTarget.requestSubmit();
        }
      }}>
      {general ? <div className="form-error" role="alert">{general}</div> : null}
      <div className="form-grid">
        <Field label="Production" error={errors.production}>
          <ProductionPicker value={form.production} onChange={(production) => set({ production, use: '', episode: '' })} />
        </Field>
        <Field label="Tool" error={errors.tool} hint={toolNote.text} className={toolNote.warn ? 'field-warn' : undefined}>
          <ToolPicker value={form.tool} onChange={(tool) => set({ tool })} />
        </Field>
        <Field label="Episode / reel" error={errors.episode}>
          <EpisodePicker production={form.production} value={form.episode} onChange={(episode) => set({ episode })} />
        </Field>
        <Field label="Classification" error={errors.classification}>
          <select className="input" value={form.classification} onChange={(e) => set({ classification: e.target.value as Classification })}>
            <option value="temporary">Temporary</option>
            <option value="deliverable">Deliverable</option>
          </select>
        </Field>
        <Field label="Planned use" error={errors.use} className="span-2">
          <PlannedUsePicker production={form.production} value={form.use} onChange={(use) => set({ use })} />
        </Field>
        <Field label="Prompt" error={errors.prompt} className="span-2" hint={draft.prefill.prompt ? 'From the file' : undefined}>
          <textarea className="input" rows={3} value={form.prompt} onChange={(e) => set({ prompt: e.target.value })} />
        </Field>
        <Field label="Notes" error={errors.notes} className="span-2">
          <textarea className="input" rows={2} value={form.notes} onChange={(e) => set({ notes: e.target.value })} />
        </Field>
      </div>
      <div className="form-actions">
        <span className="dialog-hint">Enter confirms (Ctrl+Enter in a text box) · Esc back to the list</span>
        <button type="button" className="btn btn-danger-outline" disabled={busy} onClick={onDismiss}>Dismiss…</button>
        <button type="submit" className="btn btn-primary" disabled={busy} data-draft-confirm>Confirm and log</button>
      </div>
    </form>
  );
}
