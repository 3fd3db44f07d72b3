import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../main/compliance/dates';
import { applyFacts, defaultFacts, parseFacts, parseToolTerms } from '../../main/compliance/facts';
import { parseRuleIds } from '../../main/compliance/rule-ids';

describe('facts', () => {
  it('default to answers that still need a human, never to a pass', () => {
    expect(defaultFacts()).toEqual({
      onScreen: 'unsure',
      inputs: [],
      outputs: [],
      alteration: 'customary',
      replicaException: 'none',
      talent: [],
      unownedMaterial: 'unsure',
    });
  });

  it('defaults do not share their lists', () => {
    const a = defaultFacts();
    a.inputs.push('personal-data');
    a.talent.push('Someone');
    expect(defaultFacts().inputs).toEqual([]);
    expect(defaultFacts().talent).toEqual([]);
  });

  it('parseFacts fills what is missing and keeps what is given', () => {
    expect(parseFacts({ outputs: ['key-creative'], talent: ['  Alice '] })).toMatchObject({
      outputs: ['key-creative'],
      talent: ['Alice'],
      onScreen: 'unsure',
      unownedMaterial: 'unsure',
    });
    expect(parseFacts(null)).toEqual(defaultFacts());
  });

  it('parseFacts names every bad field', () => {
    expect(() => parseFacts({ inputs: ['scripts'], onScreen: 'often' })).toThrow(
      new Error(
        'Invalid facts: onScreen: unknown value "often" (allowed: none, incidental, prominent, unsure); ' +
          'inputs.0: unknown value "scripts" (allowed: netflix-material, personal-data, talent-likeness, third-party-ip, public-figure, deceased-person, rights-holder-training)',
      ),
    );
    expect(() => parseFacts({ talent: ['  '] })).toThrow('Invalid facts: talent.0: a talent name cannot be empty');
    expect(() => parseFacts('prominent')).toThrow(/^Invalid facts: facts: /);
  });

  it('applyFacts replaces lists instead of merging them and ignores facts left out', () => {
    const start = applyFacts(defaultFacts(), { inputs: ['netflix-material', 'personal-data'], onScreen: 'prominent' });
    const next = applyFacts(start, { inputs: ['talent-likeness'], outputs: undefined });
    expect(next).toMatchObject({ inputs: ['talent-likeness'], onScreen: 'prominent', outputs: [] });
    expect(() => applyFacts(start, { alteration: 'huge' as never })).toThrow(/Invalid facts: alteration/);
  });
});

describe('tool terms', () => {
  it('default to not known, never to safe', () => {
    expect(parseToolTerms({ name: ' Runway ' })).toEqual({
      name: 'Runway',
      hosting: 'unsure',
      enterprise: 'no',
      trainsOnInputs: 'unsure',
      retainsData: 'unsure',
    });
  });

  it('need a name and known values', () => {
    expect(() => parseToolTerms({ name: '' })).toThrow('Invalid tool terms: name: a tool needs a name');
    expect(() => parseToolTerms({ name: 'X', trainsOnInputs: 'sometimes' })).toThrow(/Invalid tool terms: trainsOnInputs/);
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2025-08-31', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-04-31', false],
    ['2025-8-31', false],
    ['2025-08-31T00:00:00Z', false],
    ['', false],
  ])('%s -> %s', (value, ok) => {
    expect(isIsoDate(value)).toBe(ok);
  });
});

describe('parseRuleIds', () => {
  it('accepts rule and principle ids in any case, each once', () => {
    expect(parseRuleIds(['w-final', 'P5', ' W-TALENT-ALTER ', 'W-FINAL'])).toEqual(['W-FINAL', 'P5', 'W-TALENT-ALTER']);
  });

  it('names unknown ids and lists the known ones', () => {
    expect(() => parseRuleIds(['W-FINAL', 'W-NOPE', 'P6'])).toThrow(/^Unknown rule ids "W-NOPE", "P6" \(known: W-FINAL, W-DATA-NFLX, .*P5\)$/);
  });
});
