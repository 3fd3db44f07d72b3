import { z } from 'zod';

/*
 * The facts an artist states about an asset or a planned use. Every default is the answer that still gets a
 * human to look ("unsure", "none", empty), never one that would make a use silently pass: the rules doc says
 * unknown facts are "unsure", never silently "yes".
 */

export const CLASSIFICATION = ['temporary', 'deliverable'] as const;
export const ON_SCREEN = ['none', 'incidental', 'prominent', 'unsure'] as const;
export const INPUTS = [
  'netflix-material',
  'personal-data',
  'talent-likeness',
  'third-party-ip',
  'public-figure',
  'deceased-person',
  'rights-holder-training',
] as const;
export const OUTPUTS = [
  'key-creative',
  'digital-replica',
  'synthetic-voice',
  'performance-alteration',
  'mistakable-for-real',
  'replaces-union-work',
] as const;
export const ALTERATION = ['customary', 'significant'] as const;
export const REPLICA_EXCEPTION = ['none', 'as-performed', 'unsafe-action', 'unrecognizable'] as const;
export const UNOWNED_MATERIAL = ['no', 'yes', 'unsure'] as const;

export const HOSTING = ['local', 'enterprise-cloud', 'public-cloud', 'unsure'] as const;
export const YES_NO = ['yes', 'no'] as const;
export const YES_NO_UNSURE = ['yes', 'no', 'unsure'] as const;

export const CONSENT_KINDS = ['digital-replica', 'synthetic-voice', 'performance-alteration', 'replaces-union-work'] as const;

export type Classification = (typeof CLASSIFICATION)[number];
export type OnScreen = (typeof ON_SCREEN)[number];
export type Input = (typeof INPUTS)[number];
export type Output = (typeof OUTPUTS)[number];
export type Alteration = (typeof ALTERATION)[number];
export type ReplicaException = (typeof REPLICA_EXCEPTION)[number];
export type UnownedMaterial = (typeof UNOWNED_MATERIAL)[number];
export type Hosting = (typeof HOSTING)[number];
export type YesNo = (typeof YES_NO)[number];
export type YesNoUnsure = (typeof YES_NO_UNSURE)[number];
export type ConsentKind = (typeof CONSENT_KINDS)[number];

const talentName = z.string().trim().min(1, 'a talent name cannot be empty');

export const FactsSchema = z.object({
  onScreen: z.enum(ON_SCREEN).default('unsure'),
  inputs: z.array(z.enum(INPUTS)).default(() => []),
  outputs: z.array(z.enum(OUTPUTS)).default(() => []),
  alteration: z.enum(ALTERATION).default('customary'),
  replicaException: z.enum(REPLICA_EXCEPTION).default('none'),
  talent: z.array(talentName).default(() => []),
  unownedMaterial: z.enum(UNOWNED_MATERIAL).default('unsure'),
});

export type Facts = z.output<typeof FactsSchema>;
/** Facts as stored or sent: any fact may be missing and then takes its cautious default. */
export type FactsInput = z.input<typeof FactsSchema>;
export type FactKey = keyof Facts;
export const FACT_KEYS = Object.keys(FactsSchema.shape) as FactKey[];

export const ToolTermsSchema = z.object({
  name: z.string().trim().min(1, 'a tool needs a name'),
  hosting: z.enum(HOSTING).default('unsure'),
  enterprise: z.enum(YES_NO).default('no'),
  trainsOnInputs: z.enum(YES_NO_UNSURE).default('unsure'),
  retainsData: z.enum(YES_NO_UNSURE).default('unsure'),
});

export type ToolTerms = z.output<typeof ToolTermsSchema>;

export function defaultFacts(): Facts {
  return FactsSchema.parse({});
}

/** Validates stored or received facts, filling cautious defaults; throws an Error naming every bad field. */
export function parseFacts(raw: unknown): Facts {
  return parseWith(FactsSchema, raw ?? {}, 'facts');
}

export function parseToolTerms(raw: unknown): ToolTerms {
  return parseWith(ToolTermsSchema, raw, 'tool terms');
}

/** A partial update replaces whole facts (a list given replaces the list), it never merges lists. */
export function applyFacts(facts: Facts, update: Partial<Facts>): Facts {
  const merged: Facts = { ...facts };
  for (const key of FACT_KEYS) {
    const value = update[key];
    if (value !== undefined) Object.assign(merged, { [key]: value });
  }
  return parseFacts(merged);
}

function parseWith<T extends z.ZodType>(schema: T, raw: unknown, what: string): z.output<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : what;
    if (issue.code === 'invalid_value') {
      const given = issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k], raw);
      return `${where}: unknown value ${JSON.stringify(given)} (allowed: ${issue.values.join(', ')})`;
    }
    return `${where}: ${issue.message}`;
  });
  throw new Error(`Invalid ${what}: ${problems.join('; ')}`);
}
