import { useApp } from '../app/stores-context';
import { AnswerPill, OutcomeBadge, SeverityBadge } from './badges';
import { OUTCOME_MEANINGS } from './labels';
import { useComplianceCatalog } from './useCatalog';
import type { Assessment, Finding, PrincipleId } from './types';

const PRINCIPLES: PrincipleId[] = ['P1', 'P2', 'P3', 'P4', 'P5'];

/** The outcome with what it means, and the five principles as answered. */
export function OutcomeSummary({ assessment }: { assessment: Assessment }) {
  const catalog = useComplianceCatalog();
  const open = assessment.findings.filter((f) => f.coveredBy.length === 0);
  const blocking = open.filter((f) => f.severity === 'blocked').length;
  return (
    <div className={`outcome-summary outcome-summary-${assessment.outcome}`}>
      <div className="outcome-summary-line">
        <OutcomeBadge outcome={assessment.outcome} withTitle={false} />
        <span className="outcome-meaning">{OUTCOME_MEANINGS[assessment.outcome]}</span>
      </div>
      <div className="outcome-summary-line">
        <span className="principles" aria-label="Principles">
          {PRINCIPLES.map((p) => {
            const rule = catalog?.rules.find((r) => r.id === p);
            return <AnswerPill key={p} id={p} answer={assessment.principles[p]} title={rule?.statement ?? undefined} />;
          })}
        </span>
        <span className="spacer" />
        <span className="muted small">
          {assessment.findings.length === 0 ? 'no findings'
            : `${open.length} open${blocking ? ` · ${blocking} blocking` : ''} · ${assessment.findings.length - open.length} covered`}
        </span>
      </div>
    </div>
  );
}

function FindingItem({ finding: f }: { finding: Finding }) {
  const rule = useApp('compliance', (s) => s.catalog?.rules.find((r) => r.id === f.rule));
  const covered = f.coveredBy.length > 0;
  return (
    <li className={`finding finding-${covered ? 'covered' : f.severity}`} aria-label={`${f.rule}: ${covered ? 'covered' : f.severity}`}>
      <div className="finding-head">
        <span className="finding-rule">{f.rule}</span>
        <SeverityBadge severity={f.severity} covered={covered} />
        <span className="spacer" />
        {rule ? <span className="finding-category">{rule.kind === 'principle' ? 'principle' : rule.category}</span> : null}
      </div>
      <div className="finding-fact" title="The fact that fired it"><span className="finding-label">Fired by</span><code>{f.fact}</code></div>
      <p className="finding-why">{f.explanation}</p>
      {covered ? null : <p className="finding-clear"><span className="finding-label">To clear</span>{f.howToClear}</p>}
      {covered ? <div className="finding-cover is-ok">Covered by approval {f.coveredBy.map((id) => `#${id}`).join(', ')}</div> : null}
      {f.deniedBy.length ? (
        <div className="finding-cover is-denied">Denied by {f.deniedBy.map((id) => `#${id}`).join(', ')}: a denial covers nothing.</div>
      ) : null}
    </li>
  );
}

/** Every finding: rule id, severity, the fact that fired it, why in plain words, what would clear it, approvals. */
export function FindingsList({ findings, label }: { findings: Finding[]; label: string }) {
  if (findings.length === 0) {
    return (
      <p className="findings-empty">
        No findings: nothing here needs written approval. Netflix still expects every GenAI use to be disclosed to the production&apos;s contact.
      </p>
    );
  }
  // Open findings first (blocking before escalating), covered ones last: what needs doing comes first.
  const rank = (f: Finding) => (f.coveredBy.length ? 2 : f.severity === 'blocked' ? 0 : 1);
  const sorted = [...findings].sort((a, b) => rank(a) - rank(b));
  return (
    <ul className="findings" aria-label={label}>
      {sorted.map((f) => <FindingItem key={f.rule} finding={f} />)}
    </ul>
  );
}
