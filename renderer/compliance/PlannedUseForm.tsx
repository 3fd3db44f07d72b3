import { useState, type FormEvent } from 'react';
import { useApp, useStores } from '../app/stores-context';
import { fieldErrors } from '../stores/call';
import { Field } from '../ui/Field';
import { ChipGroup } from './ChipGroup';
import { ProductionSelect } from './ProductionSelect';
import { useComplianceCatalog } from './useCatalog';
import type { Preset } from './types';

const FIELDS = ['production', 'title', 'department', 'description', 'preset', 'tools'] as const;

/** "onScreen prominent · outputs key-creative": what a preset answers, so the choice is not a black box. */
function presetSummary(p: Preset): string {
  const parts = Object.entries(p.facts).map(([k, v]) => `${k} ${Array.isArray(v) ? (v.length ? v.join(', ') : 'none') : String(v)}`);
  return [`${p.classification}`, ...parts].join(' · ');
}

/** Discloses a planned use: what, who, which tools, starting from a preset of Netflix's use-case matrix. */
export function PlannedUseForm({ production, onDone }: { production: string; onDone(id?: number): void }) {
  const { plannedUses } = useStores();
  const catalog = useComplianceCatalog();
  const tools = useApp('catalog', (s) => s.tools);
  const first = useApp('catalog', (s) => s.productions[0]?.code ?? '');
  const [form, setForm] = useState({ production: production || first, title: '', department: '', description: '', preset: '' });
  const [chain, setChain] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form, v: string) => setForm((f) => ({ ...f, [k]: v }));
  const preset = catalog?.presets.find((p) => p.id === form.preset);

  async function save(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!form.production) local.production = 'Choose the production.';
    if (!form.title.trim()) local.title = 'Say in a few words what the use is.';
    setErrors(local);
    setGeneral(null);
    if (Object.keys(local).length) return;
    setBusy(true);
    const res = await plannedUses.getState().add({
      production: form.production, title: form.title.trim(), department: form.department.trim(), description: form.description,
      preset: form.preset || undefined, tools: chain,
    });
    setBusy(false);
    if (res.ok) return onDone(res.value.id);
    const f = fieldErrors(res.error, FIELDS);
    setErrors(f.fields);
    setGeneral(f.general);
  }

  return (
    <form className="use-form" onSubmit={(e) => void save(e)} noValidate aria-label="New planned use">
      <h2 className="form-title">Disclose a planned use</h2>
      <p className="muted small">Before any asset exists: what GenAI will be used for. Assets logged against it start from its answers.</p>
      {general ? <div className="form-error" role="alert">{general}</div> : null}
      <div className="form-grid">
        <Field label="Production" error={errors.production}>
          <ProductionSelect value={form.production} onChange={(code) => set('production', code)} label="Planned use production" />
        </Field>
        <Field label="Department" error={errors.department}>
          <input className="input" value={form.department} placeholder="e.g. VFX, Art, Sound" onChange={(e) => set('department', e.target.value)} maxLength={200} />
        </Field>
        <Field label="Title" error={errors.title} className="span-2">
          <input className="input" value={form.title} placeholder="e.g. Crowd extension for the stadium, E104" autoFocus maxLength={500}
            onChange={(e) => set('title', e.target.value)} />
        </Field>
        <Field label="Starting point" error={errors.preset} className="span-2"
          hint={preset ? <><span>{preset.description}</span><br /><span className="mono">{presetSummary(preset)}</span></> : 'Answers start cautious (“not sure”); a preset answers what the use is.'}>
          <select className="input" value={form.preset} onChange={(e) => set('preset', e.target.value)}>
            <option value="">No preset: answer every question</option>
            {(catalog?.presets ?? []).map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
          </select>
        </Field>
        <Field label="Description" error={errors.description} className="span-2">
          <textarea className="input" rows={3} value={form.description} placeholder="What, where in the show, and why GenAI" onChange={(e) => set('description', e.target.value)} />
        </Field>
      </div>
      <div className="field">
        <span className="field-label">Tools</span>
        {tools.length ? (
          <ChipGroup label="Tools" mode="many" selected={chain} options={tools.map((t) => ({ value: t.name, label: t.name }))}
            onToggle={(n) => setChain((c) => (c.includes(n) ? c.filter((x) => x !== n) : [...c, n]))} />
        ) : <span className="muted">No tools in the list yet (AI tools).</span>}
      </div>
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => onDone()} disabled={busy}>Cancel</button>
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Adding…' : 'Add planned use'}</button>
      </div>
    </form>
  );
}
