import { useRef, useState } from 'react';
import { useStores } from '../app/stores-context';
import type { StagedEvidence } from '../file-stager';
import { fieldErrors } from '../stores/call';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { ChipGroup } from './ChipGroup';
import { EvidenceField } from './EvidenceField';
import { ModalGuard } from './ModalGuard';
import { RuleChip, SeverityBadge } from './badges';
import { today } from './labels';
import { useSubjectRules, useSupersedable, type SubjectRule } from './useSubject';
import type { Approval, ApprovalInput, ApprovalSubject, Decision, EmlPrefill, Finding } from './types';

const FIELDS = ['approver', 'date', 'reference', 'subjectLine', 'evidence', 'rules', 'supersedes'] as const;
type Prefillable = 'approver' | 'date' | 'reference' | 'subjectLine';

export interface ApprovalDialogProps {
  subject: ApprovalSubject;
  /** The subject's findings when the caller has them (the Findings tab); otherwise they are assessed here. */
  findings?: Finding[];
  /** Opened as a correction of this approval. */
  supersede?: Approval;
  onClose(recorded?: Approval): void;
}

/**
 * Records a written approval or denial with its evidence file. Nothing here edits an existing approval: a
 * correction is a new record that supersedes the earlier one, which stays on file.
 */
export function ApprovalDialog({ subject, findings, supersede, onClose }: ApprovalDialogProps) {
  const { compliance } = useStores();
  const rules = useSubjectRules(subject, findings);
  const supersedable = useSupersedable(subject);
  const open = (rules ?? []).filter((r) => r.openOn > 0);
  const [mode, setMode] = useState<'all' | 'pick' | null>(supersede ? 'pick' : null);
  const [picked, setPicked] = useState<string[] | null>(supersede ? [...supersede.rules] : null);
  const [decision, setDecision] = useState<Decision>(supersede?.decision ?? 'approved');
  const [form, setForm] = useState<Record<Prefillable, string>>({ approver: '', date: today(), reference: '', subjectLine: '' });
  const [prefilled, setPrefilled] = useState<Prefillable[]>([]);
  const [evidence, setEvidence] = useState<StagedEvidence | null>(null);
  const [supersedes, setSupersedes] = useState<number | ''>(supersede?.id ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Read when the email preview comes back, after the user may have typed meanwhile.
  const formRef = useRef(form);
  formRef.current = form;
  const prefilledRef = useRef(prefilled);
  prefilledRef.current = prefilled;

  // Until the user chooses, cover everything open (the usual case), or pick when nothing is open.
  const cover = mode ?? (rules && open.length === 0 ? 'pick' : 'all');
  const chosen = picked ?? open.map((r) => r.rule);
  const pickable: SubjectRule[] = [...(rules ?? [])];
  for (const r of supersede?.rules ?? []) {
    if (!pickable.some((p) => p.rule === r)) pickable.push({ rule: r, severity: 'escalate', explanation: 'Named by the approval being superseded; not found now.', openOn: 0, foundOn: 0 });
  }

  const set = (k: Prefillable, v: string) => {
    setForm((f) => ({ ...f, [k]: v }));
    setPrefilled((p) => p.filter((x) => x !== k));
  };

  async function onEvidence(staged: StagedEvidence | null) {
    setEvidence(staged);
    setErrors((e) => ({ ...e, evidence: '' }));
    if (!staged || !/\.eml$/i.test(staged.fileName)) return;
    const res = await compliance.getState().previewEml(staged.ref);
    if (res.ok) applyPrefill(res.value);
  }

  function applyPrefill(p: EmlPrefill) {
    const found: Record<Prefillable, string | null> = { approver: p.approver, date: p.date, reference: p.reference, subjectLine: p.subject };
    const current = formRef.current;
    const next = { ...current };
    const filled: Prefillable[] = [];
    for (const k of Object.keys(found) as Prefillable[]) {
      const v = found[k];
      // Never overwrite what the user typed; a value filled from an earlier email (or today's date) may be replaced.
      const untouched = !current[k] || prefilledRef.current.includes(k) || (k === 'date' && current.date === today());
      if (v && untouched) {
        next[k] = v;
        filled.push(k);
      }
    }
    setForm(next);
    setPrefilled(filled);
  }

  async function confirm() {
    const local: Record<string, string> = {};
    if (!form.approver.trim()) local.approver = 'Who at Netflix approved it? (as in the email)';
    if (!form.date) local.date = 'The date of the decision is required.';
    if (!form.reference.trim()) local.reference = 'A reference is required: ticket number, email subject or Message-ID.';
    if (!evidence) local.evidence = 'Attach the approval email (.eml) or a PDF: it is the proof.';
    if (cover === 'pick' && chosen.length === 0) local.rules = 'Tick at least one rule this decision covers.';
    setErrors(local);
    setGeneral(null);
    if (Object.keys(local).length || !evidence) return;
    const input: ApprovalInput = {
      ...(subject.kind === 'asset' ? { assets: subject.ids } : { uses: subject.ids }),
      ...(cover === 'all' ? { all: true } : { rules: chosen }),
      decision,
      approver: form.approver.trim(),
      date: form.date,
      reference: form.reference.trim(),
      subjectLine: form.subjectLine.trim() || undefined,
      evidence: evidence.ref,
      supersedes: supersedes === '' ? undefined : supersedes,
    };
    setBusy(true);
    const res = await compliance.getState().recordApproval(input);
    setBusy(false);
    if (res.ok) return onClose(res.value);
    const f = fieldErrors(res.error, FIELDS);
    setErrors(f.fields);
    setGeneral(f.general);
  }

  const title = supersede ? `Supersede approval #${supersede.id}` : `Record a decision for ${subject.label}`;
  return (
    <ModalGuard>
      <Dialog title={title} className="dialog-wide approval-dialog" busy={busy}
        confirmLabel={busy ? 'Recording…' : decision === 'denied' ? 'Record denial' : 'Record approval'}
        onConfirm={() => void confirm()} onCancel={() => onClose()}>
        <div className="notice notice-info" role="note">
          Approvals are never edited. To correct one, record a new decision that supersedes it: the earlier record stays on
          file, marked superseded.
        </div>
        {general ? <div className="form-error" role="alert">{general}</div> : null}

        <div className={`field${errors.rules ? ' field-invalid' : ''}`} role="radiogroup" aria-label="What it covers">
          <span className="field-label">Covers</span>
          {rules === null ? <div className="muted">Assessing {subject.label}…</div> : (
            <>
              <label className="checkbox-label cover-option">
                <input type="radio" name="cover" checked={cover === 'all'} disabled={open.length === 0} onChange={() => setMode('all')} data-autofocus />
                <span>All open findings{open.length ? ':' : ' (none open)'}</span>
                <span className="rule-chips">{open.map((r) => <RuleChip key={r.rule} rule={r.rule} severity={r.severity} />)}</span>
              </label>
              <label className="checkbox-label cover-option">
                <input type="radio" name="cover" checked={cover === 'pick'} onChange={() => setMode('pick')} />
                <span>Only the rules ticked below</span>
              </label>
              {cover === 'pick' ? (
                <ul className="rule-picks" aria-label="Rules it covers">
                  {pickable.map((r) => (
                    <li key={r.rule}>
                      <label className="checkbox-label rule-pick">
                        <input type="checkbox" checked={chosen.includes(r.rule)}
                          onChange={(e) => setPicked(e.target.checked ? [...chosen, r.rule] : chosen.filter((x) => x !== r.rule))} />
                        <span className="rule-pick-id">{r.rule}</span>
                        <SeverityBadge severity={r.severity} covered={r.foundOn > 0 && r.openOn === 0} />
                        <span className="rule-pick-why" title={r.explanation}>{r.explanation}</span>
                      </label>
                    </li>
                  ))}
                </ul>
              ) : null}
              {errors.rules ? <div className="field-error" role="alert">{errors.rules}</div> : null}
            </>
          )}
        </div>

        <div className="field">
          <span className="field-label">Decision</span>
          <ChipGroup label="Decision" mode="one" selected={[decision]} onToggle={(v) => setDecision(v as Decision)}
            options={[{ value: 'approved', label: 'Approved' }, { value: 'denied', label: 'Denied' }]} />
        </div>

        <EvidenceField label="Evidence file" what="the approval email (.eml) or a PDF" value={evidence} onChange={(v) => void onEvidence(v)}
          accept=".eml,.pdf,.msg,.txt,.png,.jpg" error={errors.evidence} testId="approval-evidence-input" />
        {prefilled.length ? (
          <div className="prefill-note" role="status">Filled in from the email: {prefilled.map((k) => (k === 'subjectLine' ? 'subject' : k)).join(', ')}. Check them.</div>
        ) : null}

        <div className="form-grid">
          <Field label="Approver (Netflix)" error={errors.approver}>
            <input className={`input${prefilled.includes('approver') ? ' is-prefilled' : ''}`} value={form.approver} maxLength={200}
              onChange={(e) => set('approver', e.target.value)} />
          </Field>
          <Field label="Date of the decision" error={errors.date}>
            <input type="date" className={`input${prefilled.includes('date') ? ' is-prefilled' : ''}`} value={form.date} max={today()}
              onChange={(e) => set('date', e.target.value)} />
          </Field>
          <Field label="Reference" error={errors.reference} hint="Ticket number, or the email's Message-ID" className="span-2">
            <input className={`input${prefilled.includes('reference') ? ' is-prefilled' : ''}`} value={form.reference} maxLength={2000}
              onChange={(e) => set('reference', e.target.value)} />
          </Field>
          <Field label="Email subject (optional)" error={errors.subjectLine} className="span-2">
            <input className={`input${prefilled.includes('subjectLine') ? ' is-prefilled' : ''}`} value={form.subjectLine} maxLength={2000}
              onChange={(e) => set('subjectLine', e.target.value)} />
          </Field>
          <Field label="Supersedes" error={errors.supersedes} className="span-2"
            hint={supersedes === '' ? 'Only when this corrects an earlier decision.' : `Approval #${supersedes} stays on file, marked as superseded by this one.`}>
            <select className="input" value={supersedes} onChange={(e) => setSupersedes(e.target.value ? Number(e.target.value) : '')}>
              <option value="">Nothing: a new decision</option>
              {supersedable.map((a) => (
                <option key={a.id} value={a.id}>#{a.id} {a.decision} by {a.approver} on {a.date} ({a.rules.join(', ')})</option>
              ))}
              {supersede && !supersedable.some((a) => a.id === supersede.id)
                ? <option value={supersede.id}>#{supersede.id} {supersede.decision} by {supersede.approver} on {supersede.date}</option> : null}
            </select>
          </Field>
        </div>
      </Dialog>
    </ModalGuard>
  );
}
