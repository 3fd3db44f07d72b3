import { useState, type FormEvent } from 'react';
import { useStores } from '../app/stores-context';
import type { Tool, ToolInput } from '../api-types';
import { fieldErrors, fieldSentence } from '../stores/call';
import { Field } from '../ui/Field';
import { HOSTING_LABELS } from '../ui/format';

const FIELDS = ['name', 'vendor', 'version', 'hosting', 'enterprise', 'trainsOnInputs', 'retainsData', 'notes'] as const;
type Form = Required<Pick<ToolInput, (typeof FIELDS)[number]>>;

const YES_NO_UNSURE = ['yes', 'no', 'unsure'] as const;

export function ToolForm({ tool, onDone }: { tool: Tool | null; onDone(saved?: Tool): void }) {
  const { catalog } = useStores();
  const [form, setForm] = useState<Form>({
    name: tool?.name ?? '',
    vendor: tool?.vendor ?? '',
    version: tool?.version ?? '',
    hosting: tool?.hosting ?? 'unsure',
    enterprise: tool?.enterprise ?? 'no',
    trainsOnInputs: tool?.trainsOnInputs ?? 'unsure',
    retainsData: tool?.retainsData ?? 'unsure',
    notes: tool?.notes ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const res = await catalog.getState().saveTool(form, tool?.id);
    setBusy(false);
    if (res.ok) {
      setErrors({});
      setGeneral(null);
      onDone(res.value);
      return;
    }
    const f = fieldErrors(res.error, FIELDS, 'name');
    setErrors(Object.fromEntries(Object.entries(f.fields).map(([k, m]) => [k, fieldSentence(k, m)])));
    setGeneral(f.general);
  }

  return (
    <form className="catalog-form" onSubmit={(e) => void save(e)} noValidate aria-label={tool ? `Edit tool ${tool.name}` : 'New tool'}>
      <h2 className="form-title">{tool ? `Edit ${tool.name}` : 'New AI tool'}</h2>
      {general ? <div className="form-error" role="alert">{general}</div> : null}
      <Field label="Name" error={errors.name}>
        <input className="input" value={form.name} onChange={(e) => set('name', e.target.value)} autoFocus={!tool} />
      </Field>
      <div className="form-grid">
        <Field label="Vendor" error={errors.vendor}>
          <input className="input" value={form.vendor} onChange={(e) => set('vendor', e.target.value)} />
        </Field>
        <Field label="Version" error={errors.version}>
          <input className="input" value={form.version} onChange={(e) => set('version', e.target.value)} />
        </Field>
        <Field label="Hosting" error={errors.hosting}>
          <select className="input" value={form.hosting} onChange={(e) => set('hosting', e.target.value as Form['hosting'])}>
            {Object.entries(HOSTING_LABELS).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
        </Field>
        <Field label="Netflix enterprise agreement" error={errors.enterprise}>
          <select className="input" value={form.enterprise} onChange={(e) => set('enterprise', e.target.value as Form['enterprise'])}>
            <option value="yes">yes</option>
            <option value="no">no</option>
          </select>
        </Field>
        <Field label="Trains on inputs" error={errors.trainsOnInputs}>
          <select className="input" value={form.trainsOnInputs} onChange={(e) => set('trainsOnInputs', e.target.value as Form['trainsOnInputs'])}>
            {YES_NO_UNSURE.map((v) => <option key={v} value={v}>{v}</option>)}
          </select>
        </Field>
        <Field label="Retains data" error={errors.retainsData}>
          <select className="input" value={form.retainsData} onChange={(e) => set('retainsData', e.target.value as Form['retainsData'])}>
            {YES_NO_UNSURE.map((v) => <option key={v} value={v}>{v}</option>)}
          </select>
        </Field>
      </div>
      <Field label="Notes" error={errors.notes} hint="Contract reference, data terms, who approved the tool…">
        <textarea className="input" rows={4} value={form.notes} onChange={(e) => set('notes', e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => onDone()} disabled={busy}>Cancel</button>
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Saving…' : tool ? 'Save changes' : 'Add tool'}</button>
      </div>
    </form>
  );
}
