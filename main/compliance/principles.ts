import { approvedCovering } from './approvals';
import { consentGap } from './consent';
import type { ConsentKind, Facts, ToolTerms } from './facts';
import type { Answer, AssessContext, PrincipleId, Subject } from './types';

/*
 * Netflix's five guiding principles (rules doc section 2), computed exactly as issue 3 specifies.
 * A "yes" means the principle holds; "no" or "unsure" makes the principle a finding of its own.
 */

export interface PrincipleResult {
  answer: Answer;
  /** The fact the answer rests on, e.g. "unownedMaterial=unsure". */
  fact: string;
}

export interface PrincipleRow {
  id: PrincipleId;
  /** The principle as Netflix states it; "yes" means it holds. */
  statement: string;
  /** One plain-language line for a finding when the answer is "no" / "unsure". */
  explanation: { no: string; unsure: string };
  howToClear: string;
  evaluate(subject: Subject, ctx: AssessContext): PrincipleResult;
}

const noTools: PrincipleResult = { answer: 'unsure', fact: 'tools=none listed' };

function toolFacts(tools: readonly ToolTerms[], describe: (t: ToolTerms) => string | null): string {
  const parts = tools.map(describe).filter((p): p is string => p !== null);
  return `tools: ${parts.join('; ')}`;
}

/** Outputs that put talent or union-covered work at stake, as the consent kind each needs. */
export function consentKindsAtStake(facts: Pick<Facts, 'outputs' | 'alteration'>): ConsentKind[] {
  const kinds: ConsentKind[] = [];
  if (facts.outputs.includes('digital-replica')) kinds.push('digital-replica');
  if (facts.outputs.includes('synthetic-voice')) kinds.push('synthetic-voice');
  if (facts.outputs.includes('performance-alteration') && facts.alteration === 'significant') kinds.push('performance-alteration');
  if (facts.outputs.includes('replaces-union-work')) kinds.push('replaces-union-work');
  return kinds;
}

function p1(subject: Subject): PrincipleResult {
  const { unownedMaterial, inputs } = subject.facts;
  const against: string[] = [];
  if (unownedMaterial === 'yes') against.push('unownedMaterial=yes');
  if (inputs.includes('third-party-ip')) against.push('inputs=third-party-ip');
  if (against.length > 0) return { answer: 'no', fact: against.join('; ') };
  if (unownedMaterial === 'unsure') return { answer: 'unsure', fact: 'unownedMaterial=unsure' };
  return { answer: 'yes', fact: 'unownedMaterial=no' };
}

function p2(subject: Subject): PrincipleResult {
  const { tools } = subject;
  if (tools.length === 0) return noTools;
  const flagged = (value: 'yes' | 'unsure') => (t: ToolTerms) => {
    const parts: string[] = [];
    if (t.trainsOnInputs === value) parts.push(`trainsOnInputs=${value}`);
    if (t.retainsData === value) parts.push(`retainsData=${value}`);
    return parts.length > 0 ? `${t.name} ${parts.join(', ')}` : null;
  };
  if (tools.some((t) => flagged('yes')(t) !== null)) return { answer: 'no', fact: toolFacts(tools, flagged('yes')) };
  if (tools.some((t) => flagged('unsure')(t) !== null)) return { answer: 'unsure', fact: toolFacts(tools, flagged('unsure')) };
  return { answer: 'yes', fact: 'tools: none trains on or retains data' };
}

function p3(subject: Subject): PrincipleResult {
  const { tools } = subject;
  if (tools.length === 0) return noTools;
  const describe = (t: ToolTerms) => `${t.name} hosting=${t.hosting}, enterprise=${t.enterprise}`;
  const exposed = (t: ToolTerms) => t.hosting === 'public-cloud' && t.enterprise === 'no';
  const secured = (t: ToolTerms) => t.enterprise === 'yes' || t.hosting === 'local';
  if (tools.some(exposed)) return { answer: 'no', fact: toolFacts(tools, (t) => (exposed(t) ? describe(t) : null)) };
  if (tools.every(secured)) return { answer: 'yes', fact: 'tools: all local or under a Netflix enterprise agreement' };
  return { answer: 'unsure', fact: toolFacts(tools, (t) => (secured(t) ? null : describe(t))) };
}

function p4(subject: Subject): PrincipleResult {
  return subject.classification === 'deliverable'
    ? { answer: 'no', fact: 'classification=deliverable' }
    : { answer: 'yes', fact: 'classification=temporary' };
}

/*
 * P5: for each talent/union output, every named talent needs a consent covering that kind and this production.
 * Naming nobody fails it: "every named talent" must not pass by having nobody to check.
 * replaces-union-work is also satisfied by an approved approval covering W-ETHICS-UNION (issue 3), since union work
 * is often cleared by an agreement rather than by individual performers' consent (rules doc: "without approvals
 * or agreements").
 */
function p5(subject: Subject, ctx: AssessContext): PrincipleResult {
  const kinds = consentKindsAtStake(subject.facts);
  if (kinds.length === 0) return { answer: 'yes', fact: 'outputs: no talent performance or union-covered work' };
  const gaps: string[] = [];
  for (const kind of kinds) {
    if (kind === 'replaces-union-work' && approvedCovering(ctx, 'W-ETHICS-UNION').length > 0) continue;
    const gap = consentGap(subject, ctx, kind);
    if (gap !== null) gaps.push(`outputs=${kind}: ${gap}`);
  }
  if (gaps.length > 0) return { answer: 'no', fact: gaps.join('; ') };
  return { answer: 'yes', fact: `consent on file for ${kinds.join(', ')}` };
}

export const PRINCIPLES: readonly PrincipleRow[] = [
  {
    id: 'P1',
    statement:
      'Outputs do not replicate or substantially recreate identifiable characteristics of unowned or copyrighted material, and infringe no copyright-protected work.',
    explanation: {
      no: 'The output recreates, or is built from, unowned or copyrighted material.',
      unsure: 'Nobody has confirmed that the output does not recreate unowned or copyrighted material.',
    },
    howToClear: 'Confirm the output recreates no unowned material and drop third-party IP inputs, or get written approval naming P1.',
    evaluate: p1,
  },
  {
    id: 'P2',
    statement: 'The tools used do not store, reuse or train on production inputs or outputs.',
    explanation: {
      no: 'A tool in the chain trains on or keeps what is fed to it.',
      unsure: 'It is not known whether every tool in the chain keeps or trains on what is fed to it.',
    },
    howToClear: "Record each tool's data terms (trains on inputs / retains data = no) or switch tools, or get written approval naming P2.",
    evaluate: p2,
  },
  {
    id: 'P3',
    statement: 'Where possible, the tools run in an enterprise-secured environment that safeguards inputs.',
    explanation: {
      no: 'A tool in the chain runs in a public cloud without a Netflix enterprise agreement.',
      unsure: 'It is not known whether every tool in the chain runs locally or under a Netflix enterprise agreement.',
    },
    howToClear: 'Use tools that run locally or under a Netflix enterprise agreement (and record that), or get written approval naming P3.',
    evaluate: p3,
  },
  {
    id: 'P4',
    statement: 'Generated material is temporary and not part of the final deliverables.',
    explanation: {
      no: 'The generated material is part of the final deliverables.',
      unsure: 'It is not known whether the generated material ends up in the final deliverables.',
    },
    howToClear: 'Keep the material temporary, or get written approval naming P4.',
    evaluate: p4,
  },
  {
    id: 'P5',
    statement: 'GenAI does not replace or generate new talent performances or union-covered work without consent.',
    explanation: {
      no: 'It replaces or generates a talent performance or union-covered work without consent on file.',
      unsure: 'It is not known whether it replaces or generates talent performances without consent.',
    },
    howToClear:
      'Name the talent and file a signed consent from each for this production and kind (union work: an approval naming W-ETHICS-UNION), or get written approval naming P5.',
    evaluate: p5,
  },
];

export function evaluatePrinciples(subject: Subject, ctx: AssessContext): Record<PrincipleId, PrincipleResult> {
  const results = {} as Record<PrincipleId, PrincipleResult>;
  for (const row of PRINCIPLES) results[row.id] = row.evaluate(subject, ctx);
  return results;
}
