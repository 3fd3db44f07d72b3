// The compliance UI brings its own stylesheet: every compliance view shows one of these badges.
import '../styles/compliance.css';
import type { Answer, Outcome, Severity } from './types';
import { OUTCOME_LABELS, OUTCOME_MEANINGS } from './labels';

/** disclose / escalate / blocked / cleared at a glance; null (not assessed yet) is a dash. */
export function OutcomeBadge({ outcome, withTitle = true }: { outcome: Outcome | null; withTitle?: boolean }) {
  if (outcome === null) return <span className="muted" title="Not assessed yet">—</span>;
  return (
    <span className={`badge outcome-badge outcome-${outcome}`} title={withTitle ? OUTCOME_MEANINGS[outcome] : undefined}>
      {OUTCOME_LABELS[outcome]}
    </span>
  );
}

export function SeverityBadge({ severity, covered }: { severity: Severity; covered?: boolean }) {
  if (covered) return <span className="badge outcome-badge outcome-cleared">covered</span>;
  return <span className={`badge outcome-badge outcome-${severity}`}>{severity}</span>;
}

/** A principle and its answer: "P2 no". */
export function AnswerPill({ id, answer, title }: { id: string; answer: Answer; title?: string }) {
  return (
    <span className={`answer-pill answer-${answer}`} title={title}>
      <span className="answer-id">{id}</span>
      <span className="answer-value">{answer}</span>
    </span>
  );
}

/** A rule id as it appears in a list of findings, colored by what it does to the outcome. */
export function RuleChip({ rule, severity, covered, title }: { rule: string; severity: Severity; covered?: boolean; title?: string }) {
  return <span className={`rule-chip rule-${covered ? 'covered' : severity}`} title={title}>{rule}</span>;
}
