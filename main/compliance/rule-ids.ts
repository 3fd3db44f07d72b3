import { RULES } from './rules';
import { PRINCIPLE_IDS } from './types';

/** Every id a finding (and so an approval) can name: the written-approval rules, then the principles. */
export const FINDING_RULE_IDS: readonly string[] = [...RULES.map((r) => r.id), ...PRINCIPLE_IDS];

/** Accepts ids in any case ("w-final"), returns them as spelled by GenLog; throws naming the unknown ones. */
export function parseRuleIds(ids: readonly string[]): string[] {
  const canonical = new Map(FINDING_RULE_IDS.map((id) => [id.toLowerCase(), id]));
  const unknown: string[] = [];
  const out: string[] = [];
  for (const raw of ids) {
    const id = canonical.get(raw.trim().toLowerCase());
    if (id === undefined) unknown.push(raw);
    else if (!out.includes(id)) out.push(id);
  }
  if (unknown.length > 0) {
    const what = unknown.map((u) => JSON.stringify(u)).join(', ');
    throw new Error(`Unknown rule id${unknown.length > 1 ? 's' : ''} ${what} (known: ${FINDING_RULE_IDS.join(', ')})`);
  }
  return out;
}
