import type { Classification, ConsentKind, Facts, ToolTerms } from './facts';

/** What is assessed: one asset or one planned use. */
export interface Subject {
  classification: Classification;
  facts: Facts;
  /** The chain of tools used; every tool in the chain must pass. */
  tools: ToolTerms[];
  productionId: number;
}

export interface ConsentRef {
  id: number;
  talent: string;
  productionId: number;
  kinds: ConsentKind[];
  /** YYYY-MM-DD */
  signed: string;
  /** YYYY-MM-DD, or null when the consent does not expire. */
  expires: string | null;
}

export const DECISIONS = ['approved', 'denied'] as const;
export type Decision = (typeof DECISIONS)[number];

/**
 * An approval attached to the subject being assessed. The caller has already resolved "--all" to the rule ids that
 * were open when the approval was recorded, and has left out approvals attached elsewhere or superseded.
 */
export interface ApprovalRef {
  id: number;
  decision: Decision;
  rules: string[];
}

export interface AssessContext {
  consents: readonly ConsentRef[];
  approvals: readonly ApprovalRef[];
  /** YYYY-MM-DD; consents are judged as of this day. */
  today: string;
}

export const SEVERITIES = ['escalate', 'blocked'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const OUTCOMES = ['disclose', 'escalate', 'blocked', 'cleared'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const PRINCIPLE_IDS = ['P1', 'P2', 'P3', 'P4', 'P5'] as const;
export type PrincipleId = (typeof PRINCIPLE_IDS)[number];
export type Answer = 'yes' | 'no' | 'unsure';

export interface Finding {
  /** A written-approval rule id (W-...) or a principle id (P1..P5). */
  rule: string;
  severity: Severity;
  /** The fact that fired it, e.g. "outputs=digital-replica". */
  fact: string;
  /** One plain-language line. */
  explanation: string;
  howToClear: string;
  /** Ids of approved approvals that cover this finding. */
  coveredBy: number[];
  /** Ids of denied approvals naming this rule: shown to the user, they cover nothing. */
  deniedBy: number[];
}

export interface Assessment {
  outcome: Outcome;
  principles: Record<PrincipleId, Answer>;
  findings: Finding[];
}
