import { useState, type FormEvent } from 'react';
import { useStores } from '../app/stores-context';
import type { Production } from '../api-types';
import { fieldErrors, fieldSentence } from '../stores/call';
import { Field } from '../ui/Field';

const FIELDS = ['code', 'title', 'contactEmail', 'vendor', 'episodes', 'staleDays'] as const;

/** Episodes/reels typed one per line or separated by commas. */
export function parseEpisodes(text: string): string[] {
  return text.split(/[\n,]/).map((e) => e.trim()).filter((e) => e.length > 0);
}

export function ProductionForm({ production, onDone }: { production: Production | null; onDone(saved?: Production): void }) {
  const { catalog } = useStores();
  const [form, setForm] = useState({
    code: production?.code ?? '',
    title: production?.title ?? '',
    contactEmail: production?.contactEmail ?? '',
    vendor: production?.vendor ?? '',
    episodes: production?.episodes.join('\n') ?? '',
    staleDays: String(production?.staleDays ?? 30),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form, v: string) => setForm((f) => ({ ...f, [k]: v }));

  async function save(e: FormEvent) {
    e.preventDefault();
    const staleDays = Number(form.staleDays);
    if (!/^\d+$/.test(form.staleDays.trim()) || staleDays < 1) {
      setErrors({ staleDays: 'Use a whole number of days, at least 1.' });
      return;
    }
    setBusy(true);
    const res = await catalog.getState().saveProduction({ ...form, episodes: parseEpisodes(form.episodes), staleDays }, production?.id);
    setBusy(false);
    if (res.ok) {
      setErrors({});
      setGeneral(null);
      onDone(res.value);
      return;
    }
    const f = fieldErrors(res.error, FIELDS, 'code');
    setErrors(Object.fromEntries(Object.entries(f.fields).map(([k, m]) => [k, fieldSentence(k, m)])));
    setGeneral(f.general);
  }

  return (
    <form className="catalog-form" onSubmit={(e) => void save(e)} noValidate aria-label={production ? `Edit production ${production.code}` : 'New production'}>
      <h2 className="form-title">{production ? `Edit ${production.code}` : 'New production'}</h2>
      {general ? <div className="form-error" role="alert">{general}</div> : null}
      <Field label="Code" error={errors.code} hint="Short code used everywhere (CLI, packets), e.g. SHOW1">
        <input className="input" value={form.code} onChange={(e) => set('code', e.target.value)} autoFocus={!production} spellCheck={false} />
      </Field>
      <Field label="Title" error={errors.title}>
        <input className="input" value={form.title} onChange={(e) => set('title', e.target.value)} />
      </Field>
      <Field label="Netflix contact email" error={errors.contactEmail} hint="Receives disclosure packets">
        <input className="input" type="email" value={form.contactEmail} onChange={(e) => set('contactEmail', e.target.value)} spellCheck={false} />
      </Field>
      <Field label="Vendor / facility" error={errors.vendor}>
        <input className="input" value={form.vendor} onChange={(e) => set('vendor', e.target.value)} />
      </Field>
      <Field label="Episodes / reels (optional)" error={errors.episodes} hint="One per line or comma separated. When set, assets must name one of them.">
        <textarea className="input mono" rows={5} value={form.episodes} onChange={(e) => set('episodes', e.target.value)} spellCheck={false} />
      </Field>
      <Field label="Review temporary assets after (days)" error={errors.staleDays}
        hint="Temporary assets older than this are listed on the dashboard for review.">
        <input className="input input-number" type="number" min={1} max={3650} step={1} value={form.staleDays}
          onChange={(e) => set('staleDays', e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => onDone()} disabled={busy}>Cancel</button>
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Saving…' : production ? 'Save changes' : 'Add production'}</button>
      </div>
    </form>
  );
}
