import { useState, type FormEvent } from 'react';
import { useApp, useStores } from '../app/stores-context';
import type { StagedEvidence } from '../file-stager';
import { fieldErrors } from '../stores/call';
import { Field } from '../ui/Field';
import { ChipGroup } from './ChipGroup';
import { EvidenceField } from './EvidenceField';
import { humanize, today } from './labels';
import { ProductionSelect } from './ProductionSelect';
import { useComplianceCatalog } from './useCatalog';

const FIELDS = ['talent', 'production', 'kinds', 'scope', 'signed', 'expires', 'evidence'] as const;

interface Form {
  talent: string;
  production: string;
  kinds: string[];
  scope: string;
  signed: string;
  expires: string;
}

/** Files a talent's signed consent with its evidence; the production's talent findings are judged again at once. */
export function ConsentForm({ production, onDone }: { production: string; onDone(): void }) {
  const { compliance } = useStores();
  const catalog = useComplianceCatalog();
  const first = useApp('catalog', (s) => s.productions[0]?.code ?? '');
  const [form, setForm] = useState<Form>({ talent: '', production: production || first, kinds: [], scope: '', signed: today(), expires: '' });
  const [evidence, setEvidence] = useState<StagedEvidence | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));

  async function save(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!form.talent.trim()) local.talent = 'The performer\'s name, as on the signed form.';
    if (!form.production) local.production = 'A consent covers one production.';
    if (form.kinds.length === 0) local.kinds = 'Tick what the performer consented to.';
    if (!form.scope.trim()) local.scope = 'What the consent allows, in the words of the form.';
    if (!form.signed) local.signed = 'The date it was signed.';
    if (!evidence) local.evidence = 'Attach the signed form (PDF or scan).';
    setErrors(local);
    setGeneral(null);
    if (Object.keys(local).length || !evidence) return;
    setBusy(true);
    const res = await compliance.getState().addConsent({
      talent: form.talent.trim(), production: form.production, kinds: form.kinds, scope: form.scope.trim(),
      signed: form.signed, expires: form.expires || undefined, evidence: evidence.ref,
    });
    setBusy(false);
    if (res.ok) return onDone();
    const f = fieldErrors(res.error, FIELDS);
    setErrors(f.fields);
    setGeneral(f.general);
  }

  return (
    <form className="catalog-form consent-form" onSubmit={(e) => void save(e)} noValidate aria-label="New consent">
      <h2 className="form-title">File a signed consent</h2>
      {general ? <div className="form-error" role="alert">{general}</div> : null}
      <Field label="Talent" error={errors.talent} hint="As named in the questionnaire of the assets it covers">
        <input className="input" value={form.talent} onChange={(e) => set('talent', e.target.value)} autoFocus maxLength={200} />
      </Field>
      <Field label="Production" error={errors.production} hint="A consent covers only the production it was signed for">
        <ProductionSelect value={form.production} onChange={(code) => set('production', code)} label="Consent production" />
      </Field>
      <div className={`field${errors.kinds ? ' field-invalid' : ''}`}>
        <span className="field-label">Consents to</span>
        <ChipGroup label="Consents to" mode="many" selected={form.kinds}
          options={(catalog?.consentKinds ?? []).map((k) => ({ value: k, label: humanize(k) }))}
          onToggle={(k) => set('kinds', form.kinds.includes(k) ? form.kinds.filter((x) => x !== k) : [...form.kinds, k])} />
        {errors.kinds ? <div className="field-error" role="alert">{errors.kinds}</div> : null}
      </div>
      <Field label="Scope" error={errors.scope} hint="What it allows, in the words of the form">
        <textarea className="input" rows={3} value={form.scope} onChange={(e) => set('scope', e.target.value)} />
      </Field>
      <div className="form-grid">
        <Field label="Signed" error={errors.signed}>
          <input type="date" className="input" value={form.signed} max={today()} onChange={(e) => set('signed', e.target.value)} />
        </Field>
        <Field label="Expires (optional)" error={errors.expires}>
          <input type="date" className="input" value={form.expires} min={form.signed || undefined} onChange={(e) => set('expires', e.target.value)} />
        </Field>
      </div>
      <EvidenceField label="Signed form" what="the signed form (PDF or scan)" value={evidence} onChange={setEvidence}
        accept=".pdf,.png,.jpg,.jpeg,.tif,.tiff,.eml" error={errors.evidence} testId="consent-evidence-input" />
      <div className="form-actions">
        <button type="button" className="btn" onClick={onDone} disabled={busy}>Cancel</button>
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Filing…' : 'File consent'}</button>
      </div>
    </form>
  );
}
