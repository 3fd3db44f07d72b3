import { approvedCovering, deniedNaming } from './approvals';
import { assertIsoDate } from './dates';
import { parseFacts, parseToolTerms } from './facts';
import { PRINCIPLES, evaluatePrinciples } from './principles';
import { RULES } from './rules';
import type { Answer, AssessContext, Assessment, Finding, Outcome, PrincipleId, Severity, Subject } from './types';

/**
 * Checks one asset or planned use against Netflix's guidance. Pure: same subject and context, same answer.
 *
 * An approved approval naming a rule covers that rule's finding even when the finding is blocked: the rules doc
 * says a blocked case "cannot be cleared until the fact changes or an approval overrides it", so Netflix's written
 * approval is that override. A denied approval covers nothing; it is listed in the finding's deniedBy.
 */
export function assess(subject: Subject, ctx: AssessContext): Assessment {
  const s = checkedSubject(subject);
  checkContext(ctx);

  const findings: Finding[] = [];
  const add = (rule: string, severity: Severity, fact: string, explanation: string, howToClear: string) =>
    findings.push({
      rule,
      severity,
      fact,
      explanation,
      howToClear,
      coveredBy: approvedCovering(ctx, rule),
      deniedBy: deniedNaming(ctx, rule),
    });

  for (const rule of RULES) {
    const fact = rule.when(s);
    if (fact !== null) add(rule.id, rule.severity(s, ctx), fact, rule.explanation, rule.howToClear);
  }

  const results = evaluatePrinciples(s, ctx);
  const principles = {} as Record<PrincipleId, Answer>;
  for (const row of PRINCIPLES) {
    const { answer, fact } = results[row.id];
    principles[row.id] = answer;
    if (answer !== 'yes') add(row.id, 'escalate', fact, row.explanation[answer], row.howToClear);
  }

  return { outcome: outcomeOf(findings), principles, findings };
}

/** blocked > escalate > disclose, judged on findings no approval covers; cleared once approvals cover them all. */
export function outcomeOf(findings: readonly Pick<Finding, 'severity' | 'coveredBy'>[]): Outcome {
  if (findings.length === 0) return 'disclose';
  const open = findings.filter((f) => f.coveredBy.length === 0);
  if (open.some((f) => f.severity === 'blocked')) return 'blocked';
  if (open.length > 0) return 'escalate';
  return 'cleared';
}

function checkedSubject(subject: Subject): Subject {
  if (subject.classification !== 'temporary' && subject.classification !== 'deliverable') {
    throw new Error(`Unknown classification ${JSON.stringify(subject.classification)} (allowed: temporary, deliverable)`);
  }
  if (!Number.isInteger(subject.productionId)) throw new Error(`The production id must be a whole number, got ${JSON.stringify(subject.productionId)}`);
  if (!Array.isArray(subject.tools)) throw new Error('The tool chain must be a list of tools.');
  return { ...subject, facts: parseFacts(subject.facts), tools: subject.tools.map(parseToolTerms) };
}

function checkContext(ctx: AssessContext): void {
  assertIsoDate(ctx.today, "Today's date");
  for (const c of ctx.consents) {
    assertIsoDate(c.signed, `Consent ${c.id}: the signed date`);
    if (c.expires !== null) assertIsoDate(c.expires, `Consent ${c.id}: the expiry date`);
  }
}
