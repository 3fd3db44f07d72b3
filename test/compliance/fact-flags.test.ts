import { describe, expect, it } from 'vitest';
import { FACT_FLAGS, factFlagsHelp, parseFactFlags } from '../../main/compliance/fact-flags';
import { FACT_KEYS, INPUTS, ON_SCREEN, OUTPUTS, REPLICA_EXCEPTION, UNOWNED_MATERIAL, ALTERATION, type Facts } from '../../main/compliance/facts';

describe('parseFactFlags', () => {
  const good: [label: string, flags: Record<string, string | undefined>, update: Partial<Facts>][] = [
    ['no flags', {}, {}],
    ['flags left undefined', { onScreen: undefined, inputs: undefined }, {}],
    ['on screen', { onScreen: 'prominent' }, { onScreen: 'prominent' }],
    ['case and spaces ignored in values', { onScreen: ' Incidental ', alteration: 'SIGNIFICANT' }, { onScreen: 'incidental', alteration: 'significant' }],
    ['a list', { inputs: 'netflix-material,personal-data' }, { inputs: ['netflix-material', 'personal-data'] }],
    ['a list is stored in canonical order, each value once', { outputs: 'synthetic-voice, key-creative,synthetic-voice' }, { outputs: ['key-creative', 'synthetic-voice'] }],
    ['an empty string empties a list', { inputs: '', outputs: '' }, { inputs: [], outputs: [] }],
    ['blank items are ignored', { inputs: ' , netflix-material,, ' }, { inputs: ['netflix-material'] }],
    ['replica exception', { replicaException: 'unsafe-action' }, { replicaException: 'unsafe-action' }],
    ['unowned material', { unownedMaterial: 'no' }, { unownedMaterial: 'no' }],
    ['talent names', { talent: ' Alice Smith, Bob Jones ' }, { talent: ['Alice Smith', 'Bob Jones'] }],
    ['talent names each once, first spelling kept', { talent: 'Alice Smith,alice smith , Bob' }, { talent: ['Alice Smith', 'Bob'] }],
    ['empty talent empties the list', { talent: '' }, { talent: [] }],
    ['other keys are the caller\'s business', { tools: 'Foo,Bar', json: 'true' }, {}],
  ];
  it.each(good)('%s', (_label, flags, update) => {
    expect(parseFactFlags(flags)).toEqual(update);
  });

  it('gives the full message of the spec for an unknown list value', () => {
    expect(() => parseFactFlags({ inputs: 'netflix-material,foo' })).toThrow(
      new Error(
        '--inputs: unknown value "foo" (allowed: netflix-material, personal-data, talent-likeness, third-party-ip, public-figure, deceased-person, rights-holder-training)',
      ),
    );
  });

  const bad: [flags: Record<string, string>, message: string][] = [
    [{ outputs: 'hologram,ghost' }, `--outputs: unknown values "hologram", "ghost" (allowed: ${OUTPUTS.join(', ')})`],
    [{ onScreen: 'sometimes' }, `--on-screen: unknown value "sometimes" (allowed: ${ON_SCREEN.join(', ')})`],
    [{ onScreen: '' }, `--on-screen: a value is required (allowed: ${ON_SCREEN.join(', ')})`],
    [{ alteration: 'heavy' }, `--alteration: unknown value "heavy" (allowed: ${ALTERATION.join(', ')})`],
    [{ replicaException: 'stunt' }, `--replica-exception: unknown value "stunt" (allowed: ${REPLICA_EXCEPTION.join(', ')})`],
    [{ unownedMaterial: 'maybe' }, `--unowned-material: unknown value "maybe" (allowed: ${UNOWNED_MATERIAL.join(', ')})`],
    [{ unownedMaterial: ' ' }, `--unowned-material: a value is required (allowed: ${UNOWNED_MATERIAL.join(', ')})`],
  ];
  it.each(bad)('rejects %j', (flags, message) => {
    expect(() => parseFactFlags(flags)).toThrow(new Error(message));
  });

  it('has a flag for every fact', () => {
    expect(Object.keys(FACT_FLAGS).sort()).toEqual([...FACT_KEYS].sort());
  });
});

describe('factFlagsHelp', () => {
  const help = factFlagsHelp();

  it('names every flag and every allowed value', () => {
    for (const flag of Object.values(FACT_FLAGS)) expect(help).toContain(flag);
    for (const value of [...INPUTS, ...OUTPUTS, ...ON_SCREEN, ...REPLICA_EXCEPTION]) expect(help).toMatch(new RegExp(`^ +${value} +\\S`, 'm'));
  });

  it('explains how list flags behave', () => {
    expect(help).toContain("--inputs A,B (replaces the list; '' empties it)");
    expect(help).toContain('--talent "NAME,NAME"');
  });
});
