import { printable } from '../printable';
import { MAX_LISTED, MAX_PROMPTS, type GraphReading, type ListField } from './comfy-graph';
import { spellingsOf } from './number-literals';

const LISTS: Record<ListField, { words: string; cap: number }> = {
  checkpoints: { words: 'checkpoints', cap: MAX_LISTED },
  loras: { words: 'LoRAs', cap: MAX_LISTED },
  positivePrompts: { words: 'positive prompts', cap: MAX_PROMPTS },
  negativePrompts: { words: 'negative prompts', cap: MAX_PROMPTS },
  seeds: { words: 'seeds', cap: MAX_LISTED },
  samplers: { words: 'sampler settings', cap: MAX_LISTED },
};

/** A literal as written, shortened when a hostile file makes it thousands of digits long. */
function shown(literal: string): string {
  return literal.length <= 40 ? literal : `${literal.slice(0, 20)}… (${literal.length} characters)`;
}

/**
 * Says which seeds the record cannot hold as the graph wrote them, naming each by its digits in the graph text when
 * they can be told apart (`text` is searched only when there is such a seed).
 */
function inexactSeeds(values: number[], text: string, what: string): string[] {
  if (values.length === 0) return [];
  const spellings = spellingsOf(text, values);
  return values.map((value) => {
    const written = spellings.get(value);
    // Two spellings read as one value: which seed is which cannot be told, so neither is named.
    const exact = written?.length === 1 && written[0] ? printable(shown(written[0])) : null;
    if (!Number.isFinite(value)) {
      return `${what} has a seed${exact ? ` written as ${exact}` : ''} too large to be a number at all; the record leaves it out`;
    }
    const seed = exact ? `seed ${exact},` : 'a seed';
    return `${what} has ${seed} larger than GenLog can keep exactly; the record holds it rounded, as ${String(value)}`;
  });
}

/**
 * Errors for what a graph held that its record does not keep as written, for the fields the record took from it:
 * lists cut at their cap, and seeds past what a number holds exactly.
 */
export function reportUnkept(reading: GraphReading, fields: ListField[], text: string, what: string, errors: string[]): void {
  for (const field of reading.capped) {
    if (!fields.includes(field)) continue;
    const { words, cap } = LISTS[field];
    errors.push(`${what} names more than ${cap} different ${words}; GenLog kept the first ${cap}`);
  }
  if (fields.includes('seeds')) errors.push(...inexactSeeds(reading.inexactSeeds, text, what));
}
