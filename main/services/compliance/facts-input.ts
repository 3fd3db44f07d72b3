import { z } from 'zod';
import { ALTERATION, FACT_KEYS, INPUTS, ON_SCREEN, OUTPUTS, REPLICA_EXCEPTION, UNOWNED_MATERIAL, applyFacts, defaultFacts, parseFacts, talentKey, type Facts } from '../../compliance';

/** A partial facts update as the API accepts it: every key optional, unknown keys refused (they are typos). */
export const factsUpdateSchema = z.strictObject({
  onScreen: z.enum(ON_SCREEN).optional(),
  inputs: z.array(z.enum(INPUTS)).max(INPUTS.length * 2).optional(),
  outputs: z.array(z.enum(OUTPUTS)).max(OUTPUTS.length * 2).optional(),
  alteration: z.enum(ALTERATION).optional(),
  replicaException: z.enum(REPLICA_EXCEPTION).optional(),
  talent: z.array(z.string().trim().min(1, 'a talent name cannot be empty').max(200)).max(500).optional(),
  unownedMaterial: z.enum(UNOWNED_MATERIAL).optional(),
});
export type FactsUpdate = z.output<typeof factsUpdateSchema>;

/** Tool names of a chain, in order. */
export const toolChainSchema = z.array(z.string().trim().min(1, 'a tool name cannot be empty').max(200)).max(50);

function canonical<V extends string>(allowed: readonly V[], given: readonly V[]): V[] {
  return allowed.filter((a) => given.includes(a));
}

/** Lists keep the canonical order and each value once; talent keeps its order, each person once. */
export function normalizeUpdate(u: FactsUpdate): Partial<Facts> {
  const out: Partial<Facts> = {};
  if (u.onScreen !== undefined) out.onScreen = u.onScreen;
  if (u.inputs !== undefined) out.inputs = canonical(INPUTS, u.inputs);
  if (u.outputs !== undefined) out.outputs = canonical(OUTPUTS, u.outputs);
  if (u.alteration !== undefined) out.alteration = u.alteration;
  if (u.replicaException !== undefined) out.replicaException = u.replicaException;
  if (u.talent !== undefined) {
    const seen = new Set<string>();
    out.talent = u.talent.map((t) => t.trim()).filter((t) => !seen.has(talentKey(t)) && seen.add(talentKey(t)));
  }
  if (u.unownedMaterial !== undefined) out.unownedMaterial = u.unownedMaterial;
  return out;
}

export function updatedFacts(base: Facts, update: FactsUpdate | undefined): Facts {
  return update ? applyFacts(base, normalizeUpdate(update)) : base;
}

/**
 * Facts as stored. A row that no longer parses (hand-edited db) is judged on the cautious defaults, which can only
 * make it look riskier, never silently fine.
 */
export function storedFacts(json: string): Facts {
  try {
    return parseFacts(JSON.parse(json));
  } catch {
    return defaultFacts();
  }
}

const DEFAULTS = defaultFacts();

/**
 * Facts as stored: only the answers that differ from the cautious defaults ('{}' is "nothing stated yet"), which
 * keeps a million-row log small and bulk logging fast. storedFacts() restores the defaults on reading.
 */
export function factsJson(facts: Facts): string {
  const stated: Partial<Record<keyof Facts, unknown>> = {};
  for (const key of FACT_KEYS) {
    if (JSON.stringify(facts[key]) !== JSON.stringify(DEFAULTS[key])) stated[key] = facts[key];
  }
  return JSON.stringify(stated);
}

/** How a fact reads in history: lists comma-separated, empty list as "". */
export function factText(value: Facts[keyof Facts]): string {
  return Array.isArray(value) ? value.join(', ') : value;
}
