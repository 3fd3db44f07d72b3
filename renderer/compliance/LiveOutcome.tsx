import { OutcomeBadge, RuleChip } from './badges';
import type { Assessment } from './types';

/** The outcome and its findings in one line, kept in view while answering the questions. */
export function LiveOutcome({ assessment, onShowFindings }: { assessment: Assessment; onShowFindings?(): void }) {
  const open = assessment.findings.filter((f) => f.coveredBy.length === 0);
  const covered = assessment.findings.length - open.length;
  return (
    <div className="live-outcome" role="status" aria-live="polite" aria-label="Outcome">
      <OutcomeBadge outcome={assessment.outcome} />
      <span className="rule-chips" aria-label="Findings">
        {assessment.findings.length === 0 ? <span className="muted">no findings</span> : null}
        {open.map((f) => <RuleChip key={f.rule} rule={f.rule} severity={f.severity} title={`${f.fact}: ${f.explanation}`} />)}
        {covered ? <span className="muted small">+{covered} covered</span> : null}
      </span>
      <span className="spacer" />
      {onShowFindings && assessment.findings.length ? (
        <button type="button" className="link-button small" onClick={onShowFindings}>Why?</button>
      ) : null}
    </div>
  );
}
