import { consentGap, namedTalent } from './consent';
import type { ConsentKind, Input, Output } from './facts';
import type { AssessContext, Severity, Subject } from './types';

/*
 * The cases that always need written approval (rules doc section 3), as a table: adding a rule is adding a row.
 * Rule ids are stable: findings, approvals, packets and tests refer to them.
 */

export const RULE_CATEGORIES = ['output', 'data use', 'creative', 'talent', 'ethics'] as const;
export type RuleCategory = (typeof RULE_CATEGORIES)[number];

export interface RuleRow {
  id: string;
  category: RuleCategory;
  /** Describes the fact that fires the rule (e.g. "outputs=digital-replica"), or null when it does not fire. */
  when(subject: Subject): string | null;
  severity(subject: Subject, ctx: AssessContext): Severity;
  /** One plain-language line: why this needs written approval. */
  explanation: string;
  howToClear: string;
}

function listed<T extends string>(field: string, values: readonly T[], wanted: readonly T[]): string | null {
  const hits = wanted.filter((w) => values.includes(w));
  return hits.length > 0 ? `${field}=${hits.join(',')}` : null;
}

const hasInput = (wanted: readonly Input[]) => (s: Subject) => listed('inputs', s.facts.inputs, wanted);
const hasOutput = (wanted: readonly Output[]) => (s: Subject) => listed('outputs', s.facts.outputs, wanted);

const escalate = (): Severity => 'escalate';

/** Feeding Netflix or personal material to a tool that trains on its inputs gives it away: blocked. */
function blockedWhenAToolTrains(s: Subject): Severity {
  return s.tools.some((t) => t.trainsOnInputs === 'yes') ? 'blocked' : 'escalate';
}

/*
 * Talent rules are blocked while consent is missing: when nobody is named (no exception helps then, since nobody
 * can check whose result is "as performed" or "unrecognisable"), or when a named talent has no consent covering
 * the kind and this production, unless a replica exception applies (rules doc section 4), which brings it back to
 * escalate.
 */
function talentSeverity(kinds: (s: Subject) => ConsentKind[]) {
  return (s: Subject, ctx: AssessContext): Severity => {
    if (namedTalent(s.facts).length === 0) return 'blocked';
    const missing = kinds(s).some((kind) => consentGap(s, ctx, kind) !== null);
    if (!missing) return 'escalate';
    return s.facts.replicaException === 'none' ? 'blocked' : 'escalate';
  };
}

/**
 * The consent kinds a replica needs. When only a talent likeness is fed in (no replica or voice output), consent
 * for a digital replica is what covers using that person's likeness.
 */
function replicaKinds(s: Subject): ConsentKind[] {
  const kinds = (['digital-replica', 'synthetic-voice'] as const).filter((k) => s.facts.outputs.includes(k));
  return kinds.length > 0 ? kinds : ['digital-replica'];
}

function replicaFact(s: Subject): string | null {
  const parts = [hasOutput(['digital-replica', 'synthetic-voice'])(s), hasInput(['talent-likeness'])(s)];
  const fired = parts.filter((p): p is string => p !== null);
  return fired.length > 0 ? fired.join('; ') : null;
}

export const RULES: readonly RuleRow[] = [
  {
    id: 'W-FINAL',
    category: 'output',
    when: (s) => (s.classification === 'deliverable' ? 'classification=deliverable' : null),
    severity: escalate,
    explanation: 'It is, or will be part of, a final deliverable that is seen or heard on screen.',
    howToClear: 'Get written approval from the Netflix contact naming W-FINAL, or keep the material temporary.',
  },
  {
    id: 'W-DATA-NFLX',
    category: 'data use',
    when: hasInput(['netflix-material']),
    severity: blockedWhenAToolTrains,
    explanation: 'Netflix-owned material (unreleased assets, scripts, production images) is fed to a GenAI tool.',
    howToClear:
      'Get written approval naming W-DATA-NFLX; while a tool in the chain trains on its inputs it stays blocked, so switch to one that does not.',
  },
  {
    id: 'W-DATA-PERSONAL',
    category: 'data use',
    when: hasInput(['personal-data']),
    severity: blockedWhenAToolTrains,
    explanation: 'Personal data of cast or crew is fed to a GenAI tool.',
    howToClear:
      'Remove the personal data or get written approval naming W-DATA-PERSONAL; while a tool in the chain trains on its inputs it stays blocked.',
  },
  {
    id: 'W-DATA-TRAIN',
    category: 'data use',
    when: hasInput(['rights-holder-training']),
    severity: escalate,
    explanation: "A model is trained or fine-tuned on artists', performers' or other rights holders' material.",
    howToClear: 'Get written approval naming W-DATA-TRAIN, with the rights holders\' agreement on file.',
  },
  {
    id: 'W-CREATIVE-KEY',
    category: 'creative',
    when: hasOutput(['key-creative']),
    severity: escalate,
    explanation: 'The output is a main character, a key visual element or a setting central to the story.',
    howToClear: 'Get written approval naming W-CREATIVE-KEY before it is used as planned.',
  },
  {
    id: 'W-CREATIVE-REF',
    category: 'creative',
    when: hasInput(['third-party-ip', 'public-figure', 'deceased-person']),
    severity: escalate,
    explanation: 'Prompts or inputs reference copyrighted material, public figures or deceased people.',
    howToClear: 'Remove those references, or get written approval naming W-CREATIVE-REF.',
  },
  {
    id: 'W-TALENT-REPLICA',
    category: 'talent',
    when: replicaFact,
    severity: talentSeverity(replicaKinds),
    explanation: "It makes a digital replica of real talent: a digital performer, voice or likeness.",
    howToClear:
      'Name the talent, file each one\'s signed consent for this production and kind, and get written approval naming W-TALENT-REPLICA.',
  },
  {
    id: 'W-TALENT-ALTER',
    category: 'talent',
    when: (s) =>
      s.facts.outputs.includes('performance-alteration') && s.facts.alteration === 'significant'
        ? 'outputs=performance-alteration; alteration=significant'
        : null,
    severity: talentSeverity(() => ['performance-alteration']),
    explanation: 'It significantly alters a recorded performance (for example visual ADR).',
    howToClear:
      "Name the talent, file each one's signed consent for performance alteration on this production, and get written approval naming W-TALENT-ALTER.",
  },
  {
    id: 'W-ETHICS-REAL',
    category: 'ethics',
    when: hasOutput(['mistakable-for-real']),
    severity: escalate,
    explanation: 'It could be mistaken for real events or real archival material, even in the background.',
    howToClear: 'Get written approval naming W-ETHICS-REAL before it is used as planned.',
  },
  {
    id: 'W-ETHICS-UNION',
    category: 'ethics',
    when: hasOutput(['replaces-union-work']),
    severity: escalate,
    explanation: 'It replaces or materially affects union-represented work.',
    howToClear: 'Get the union agreement or approval on file and written approval naming W-ETHICS-UNION.',
  },
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);
