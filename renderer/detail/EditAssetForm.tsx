import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useApp, useStores } from '../app/stores-context';
import type { AssetChanges, AssetDetail } from '../api-types';
import { fieldErrors } from '../stores/call';
import { Field } from '../ui/Field';

const FIELDS = ['episode', 'tool', 'prompt', 'notes'] as const;

/** Edits the fields an artist may change; each change is recorded in the history with an optional reason. */
export function EditAssetForm({ asset, onDone }: { asset: AssetDetail; onDone(): void }) {
  const { detail } = useStores();
  const tools = useApp('catalog', (s) => s.tools);
  const episodes = useApp('catalog', (s) => s.productions.find((p) => p.code === asset.production)?.episodes ?? []);
  // What the form started from: a field is saved only when it was edited here, so a change someone else made
  // meanwhile (the log follows the database while the form is open) is never written back over.
  const [started] = useState(() => ({ episode: asset.episode, tool: asset.tool ?? '', prompt: asset.prompt, notes: asset.notes }));
  const [form, setForm] = useState(started);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(e?: FormEvent) {
    e?.preventDefault();
    const changes: AssetChanges = {};
    if (form.episode !== started.episode) changes.episode = form.episode;
    if (form.tool && form.tool !== started.tool) changes.tool = form.tool;
    if (form.prompt !== started.prompt) changes.prompt = form.prompt;
    if (form.notes !== started.notes) changes.notes = form.notes;
    if (Object.keys(changes).length === 0) return onDone();
    setBusy(true);
    const res = await detail.getState().edit(changes, reason.trim());
    setBusy(false);
    if (res.ok) return onDone();
    const f = fieldErrors(res.error, FIELDS);
    setErrors(f.fields);
    setGeneral(f.general);
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onDone();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    }
  }

  const set = (k: keyof typeof form, v: string) => setForm((f) => ({ ...f, [k]: v }));

  return (
    <form className="edit-form" onSubmit={(e) => void save(e)} onKeyDown={onKeyDown} aria-label={`Edit asset ${asset.id}`} noValidate>
      {general ? <div className="form-error" role="alert">{general}</div> : null}
      <div className="form-grid">
        <Field label="Episode / reel" error={errors.episode}>
          {episodes.length > 0 ? (
            <select className="input" value={form.episode} onChange={(e) => set('episode', e.target.value)} autoFocus>
              <option value="">(none)</option>
              {episodes.map((ep) => <option key={ep} value={ep}>{ep}</option>)}
            </select>
          ) : (
            <input className="input" value={form.episode} onChange={(e) => set('episode', e.target.value)} autoFocus />
          )}
        </Field>
        <Field label="Tool" error={errors.tool}>
          <select className="input" value={form.tool} onChange={(e) => set('tool', e.target.value)}>
            {!form.tool ? <option value="">(none)</option> : null}
            {tools.map((t) => <option key={t.id} value={t.name}>{t.name}</option>)}
          </select>
        </Field>
      </div>
      <Field label="Prompt" error={errors.prompt}>
        <textarea className="input" rows={5} value={form.prompt} onChange={(e) => set('prompt', e.target.value)} />
      </Field>
      <Field label="Notes" error={errors.notes}>
        <textarea className="input" rows={3} value={form.notes} onChange={(e) => set('notes', e.target.value)} />
      </Field>
      <Field label="Reason for the change (optional, kept in history)">
        <input className="input" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <div className="form-actions">
        <span className="dialog-hint">Ctrl+Enter saves · Esc cancels</span>
        <button type="button" className="btn" onClick={onDone} disabled={busy}>Cancel</button>
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Saving…' : 'Save'}</button>
      </div>
    </form>
  );
}
