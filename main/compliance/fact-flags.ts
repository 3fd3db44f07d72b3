import { talentKey } from './consent';
import {
  ALTERATION,
  FACT_KEYS,
  INPUTS,
  ON_SCREEN,
  OUTPUTS,
  REPLICA_EXCEPTION,
  UNOWNED_MATERIAL,
  type FactKey,
  type Facts,
} from './facts';
import { FACT_QUESTIONS } from './questions';

/** The CLI flag for each fact. --tools is handled by the caller, which has the tool list. */
export const FACT_FLAGS: Readonly<Record<FactKey, string>> = {
  onScreen: '--on-screen',
  inputs: '--inputs',
  outputs: '--outputs',
  alteration: '--alteration',
  replicaException: '--replica-exception',
  talent: '--talent',
  unownedMaterial: '--unowned-material',
};

/**
 * Turns fact flag values (keyed by fact name, e.g. { onScreen: 'prominent', inputs: 'a,b' }) into a partial facts
 * update. Only facts whose flag was given appear in the update. A list flag replaces the whole list and an empty
 * string empties it. Other keys in `flags` (e.g. tools) are left to the caller. Throws an Error naming the flag, the
 * bad value and the allowed values.
 */
export function parseFactFlags(flags: Readonly<Record<string, string | undefined>>): Partial<Facts> {
  const update: Partial<Facts> = {};
  if (flags.onScreen !== undefined) update.onScreen = one('onScreen', flags.onScreen, ON_SCREEN);
  if (flags.inputs !== undefined) update.inputs = many('inputs', flags.inputs, INPUTS);
  if (flags.outputs !== undefined) update.outputs = many('outputs', flags.outputs, OUTPUTS);
  if (flags.alteration !== undefined) update.alteration = one('alteration', flags.alteration, ALTERATION);
  if (flags.replicaException !== undefined) {
    update.replicaException = one('replicaException', flags.replicaException, REPLICA_EXCEPTION);
  }
  if (flags.talent !== undefined) update.talent = names(flags.talent);
  if (flags.unownedMaterial !== undefined) update.unownedMaterial = one('unownedMaterial', flags.unownedMaterial, UNOWNED_MATERIAL);
  return update;
}

function allowedList(allowed: readonly string[]): string {
  return `(allowed: ${allowed.join(', ')})`;
}

function one<V extends string>(key: FactKey, raw: string, allowed: readonly V[]): V {
  const value = raw.trim();
  if (value === '') throw new Error(`${FACT_FLAGS[key]}: a value is required ${allowedList(allowed)}`);
  const match = allowed.find((a) => a === value.toLowerCase());
  if (match === undefined) throw new Error(`${FACT_FLAGS[key]}: unknown value ${JSON.stringify(value)} ${allowedList(allowed)}`);
  return match;
}

function many<V extends string>(key: FactKey, raw: string, allowed: readonly V[]): V[] {
  const items = splitList(raw);
  const unknown = items.filter((item) => !allowed.some((a) => a === item.toLowerCase()));
  if (unknown.length > 0) {
    const noun = unknown.length === 1 ? 'value' : 'values';
    const shown = unknown.map((u) => JSON.stringify(u)).join(', ');
    throw new Error(`${FACT_FLAGS[key]}: unknown ${noun} ${shown} ${allowedList(allowed)}`);
  }
  // Keep the canonical order of the value list, so the same answers always read (and store) the same way.
  return allowed.filter((a) => items.some((item) => item.toLowerCase() === a));
}

/** Talent names, each person once (names match case-insensitively), in the order given. */
function names(raw: string): string[] {
  const seen = new Set<string>();
  return splitList(raw).filter((name) => {
    const key = talentKey(name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function splitList(raw: string): string[] {
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Help text for the fact flags, built from the questionnaire so the CLI and the UI say the same thing. */
export function factFlagsHelp(): string {
  const blocks = FACT_KEYS.map((key) => {
    const q = FACT_QUESTIONS.find((x) => x.key === key);
    if (!q) throw new Error(`No question for fact ${key}`);
    const argument = q.answer === 'one' ? 'VALUE' : q.answer === 'many' ? "A,B (replaces the list; '' empties it)" : '"NAME,NAME"';
    const lines = [`${FACT_FLAGS[key]} ${argument}`, `    ${q.label} ${q.help}`];
    const width = Math.max(0, ...q.choices.map((c) => c.value.length));
    for (const c of q.choices) lines.push(`      ${c.value.padEnd(width)}  ${c.label}`);
    return lines.join('\n');
  });
  return blocks.join('\n');
}
