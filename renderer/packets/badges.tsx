// The packet views bring their own stylesheet; every one of them shows a state badge.
import '../styles/packets.css';
import { OUTCOME_LABELS, OUTCOME_MEANINGS, OUTCOME_ORDER, STATE_LABELS, STATE_MEANINGS } from './labels';
import type { Outcome, OutcomeCounts, PacketState } from './types';

/** draft / queued / sending / sent / failed / unknown at a glance; the meaning is the tooltip. */
export function StateBadge({ state }: { state: PacketState }) {
  return <span className={`badge state-badge state-${state}`} title={STATE_MEANINGS[state]}>{STATE_LABELS[state]}</span>;
}

export function OutcomeTag({ outcome }: { outcome: Outcome }) {
  return <span className={`badge packet-outcome packet-outcome-${outcome}`} title={OUTCOME_MEANINGS[outcome]}>{OUTCOME_LABELS[outcome]}</span>;
}

/** "2 blocked · 1 awaiting · 5 disclose" in a list row: only the non-zero outcomes, blocked first. */
export function CountsInline({ counts }: { counts: OutcomeCounts }) {
  const shown = OUTCOME_ORDER.filter((o) => counts[o] > 0);
  if (shown.length === 0) return <span className="muted">—</span>;
  return (
    <span className="counts-inline">
      {shown.map((o) => (
        <span key={o} className={`count-chip count-${o}`} title={`${counts[o]} ${OUTCOME_LABELS[o].toLowerCase()}: ${OUTCOME_MEANINGS[o]}`}>
          <span className="count-n">{counts[o]}</span> {OUTCOME_LABELS[o].toLowerCase()}
        </span>
      ))}
    </span>
  );
}
