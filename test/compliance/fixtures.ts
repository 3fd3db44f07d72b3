import { applyFacts, defaultFacts, type Facts, type ToolTerms } from '../../main/compliance/facts';
import type { ApprovalRef, Assessment, AssessContext, ConsentRef, Finding, Subject } from '../../main/compliance/types';

export const PRODUCTION = 7;
export const OTHER_PRODUCTION = 8;
export const TODAY = '2025-09-15';

/** A tool that passes P2 and P3: runs locally, neither trains on nor keeps data. */
export function tool(over: Partial<ToolTerms> = {}): ToolTerms {
  return { name: 'LocalDiffusion', hosting: 'local', enterprise: 'no', trainsOnInputs: 'no', retainsData: 'no', ...over };
}

/**
 * A subject that passes everything (temporary, unowned material ruled out, one safe tool): the baseline every
 * other test changes one thing from, so a finding can only come from that change.
 */
export function subject(facts: Partial<Facts> = {}, over: Partial<Omit<Subject, 'facts'>> = {}): Subject {
  return {
    classification: 'temporary',
    facts: applyFacts({ ...defaultFacts(), unownedMaterial: 'no' }, facts),
    tools: [tool()],
    productionId: PRODUCTION,
    ...over,
  };
}

export function ctx(over: Partial<AssessContext> = {}): AssessContext {
  return { consents: [], approvals: [], today: TODAY, ...over };
}

let nextConsentId = 100;
export function consent(over: Partial<ConsentRef> = {}): ConsentRef {
  return {
    id: nextConsentId++,
    talent: 'Alice Smith',
    productionId: PRODUCTION,
    kinds: ['digital-replica'],
    signed: '2025-01-10',
    expires: null,
    ...over,
  };
}

export function approved(id: number, rules: string[]): ApprovalRef {
  return { id, decision: 'approved', rules };
}

export function denied(id: number, rules: string[]): ApprovalRef {
  return { id, decision: 'denied', rules };
}

export function rulesFired(a: Assessment): string[] {
  return a.findings.map((f) => f.rule);
}

export function writtenRulesFired(a: Assessment): string[] {
  return rulesFired(a).filter((r) => r.startsWith('W-'));
}

export function findingFor(a: Assessment, rule: string): Finding {
  const f = a.findings.find((x) => x.rule === rule);
  if (!f) throw new Error(`expected a ${rule} finding, got: ${rulesFired(a).join(', ') || 'none'}`);
  return f;
}
