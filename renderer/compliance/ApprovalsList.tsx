import { formatBytes } from '../ui/format';
import { RuleChip } from './badges';
import { shortHash } from './labels';
import type { Approval } from './types';

export function DecisionBadge({ decision }: { decision: Approval['decision'] }) {
  return <span className={`badge decision-badge decision-${decision}`}>{decision}</span>;
}

/**
 * Approvals on file, newest first. They are never edited: a current one can only be superseded by a new
 * record, and a superseded one stays listed (dimmed) with what replaced it.
 */
export function ApprovalsList({ approvals, onSupersede, label, showSubjects }: {
  approvals: Approval[];
  onSupersede?(a: Approval): void;
  label: string;
  /** Lists across assets (the inbox) say what each decision is about. */
  showSubjects?: boolean;
}) {
  if (approvals.length === 0) return <p className="muted small">No approvals on file.</p>;
  const newestFirst = [...approvals].sort((a, b) => b.id - a.id);
  return (
    <ul className="approvals" aria-label={label}>
      {newestFirst.map((a) => (
        <li key={a.id} className={`approval${a.current ? '' : ' is-superseded'}`}>
          <div className="approval-head">
            <span className="approval-id">#{a.id}</span>
            <DecisionBadge decision={a.decision} />
            <span className="approval-date">{a.date}</span>
            <span className="spacer" />
            {a.current ? null : <span className="tag tag-superseded">superseded by #{a.supersededBy}</span>}
            {a.current && onSupersede ? (
              <button type="button" className="btn btn-small" onClick={() => onSupersede(a)} aria-label={`Supersede approval #${a.id}`}>Supersede…</button>
            ) : null}
          </div>
          <div className="approval-line">
            <span className="approval-label">Approver</span>
            <span className="approval-who" title={a.approver}>{a.approver}</span>
          </div>
          {showSubjects ? (
            <div className="approval-line">
              <span className="approval-label">For</span>
              <span>{a.production} · {a.assets.length ? `asset${a.assets.length === 1 ? '' : 's'} ${a.assets.map((id) => `#${id}`).join(', ')}`
                : `planned use${a.uses.length === 1 ? '' : 's'} ${a.uses.map((id) => `#${id}`).join(', ')}`}</span>
            </div>
          ) : null}
          <div className="approval-line">
            <span className="approval-label">Covers</span>
            <span className="rule-chips">{a.rules.map((r) => <RuleChip key={r} rule={r} severity="escalate" covered={a.current && a.decision === 'approved'} />)}</span>
          </div>
          <div className="approval-line">
            <span className="approval-label">Reference</span>
            <span className="approval-ref" title={a.subjectLine || a.reference}>{a.reference}{a.subjectLine ? <span className="muted"> · {a.subjectLine}</span> : null}</span>
          </div>
          <div className="approval-line">
            <span className="approval-label">Evidence</span>
            <span className="approval-evidence" title={`${a.evidence.fileName} · ${formatBytes(a.evidence.size)}\nSHA-256 ${a.evidence.sha256}\nKept at ${a.evidence.storedPath}`}>
              <span className="approval-evidence-name">{a.evidence.fileName}</span>
              <span className="muted small">sha256 <span className="mono">{shortHash(a.evidence.sha256)}</span> · {formatBytes(a.evidence.size)}</span>
            </span>
          </div>
          {a.supersedes ? <div className="approval-line muted small">Corrects #{a.supersedes}.</div> : null}
        </li>
      ))}
    </ul>
  );
}
