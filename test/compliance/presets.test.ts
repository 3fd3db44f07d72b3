import { describe, expect, it } from 'vitest';
import { assess } from '../../main/compliance/assess';
import { FactsSchema } from '../../main/compliance/facts';
import { PRESETS, findPreset, presetFacts } from '../../main/compliance/presets';
import { ctx, subject, writtenRulesFired } from './fixtures';

// What each use triggers (with a safe tool, unowned material ruled out, nobody named yet).
const expected: [id: string, rules: string[]][] = [
  ['ideation', []],
  ['background-props', ['W-FINAL']],
  ['key-visual', ['W-FINAL', 'W-CREATIVE-KEY']],
  ['digital-replica', ['W-FINAL', 'W-TALENT-REPLICA']],
  ['synthetic-voice', ['W-FINAL', 'W-TALENT-REPLICA']],
  ['visual-adr', ['W-FINAL', 'W-DATA-NFLX', 'W-TALENT-ALTER']],
  ['de-ageing', ['W-FINAL', 'W-DATA-NFLX', 'W-TALENT-REPLICA', 'W-TALENT-ALTER']],
  ['crowd-replacement', ['W-FINAL', 'W-DATA-NFLX', 'W-ETHICS-UNION']],
  ['plate-cleanup', ['W-FINAL', 'W-DATA-NFLX']],
  ['fabricated-archival', ['W-FINAL', 'W-ETHICS-REAL']],
  ['style-model', ['W-DATA-TRAIN']],
];

describe('planned-use presets', () => {
  it('cover every preset in the table above, and nothing else', () => {
    expect(PRESETS.map((p) => p.id)).toEqual(expected.map(([id]) => id));
  });

  it.each(expected)('%s fires %j', (id, rules) => {
    const preset = findPreset(id);
    const s = subject({ ...preset.facts, unownedMaterial: 'no' }, { classification: preset.classification });
    expect(writtenRulesFired(assess(s, ctx()))).toEqual(rules);
  });

  it('ideation with a safe tool is disclosure only', () => {
    const preset = findPreset('ideation');
    const a = assess(subject({ ...preset.facts, unownedMaterial: 'no' }, { classification: preset.classification }), ctx());
    expect(a.outcome).toBe('disclose');
  });

  it('talent presets are blocked until talent and consent are on file', () => {
    for (const id of ['digital-replica', 'synthetic-voice', 'visual-adr', 'de-ageing']) {
      const preset = findPreset(id);
      expect(assess(subject(preset.facts, { classification: preset.classification }), ctx()).outcome, id).toBe('blocked');
    }
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('%s has valid facts, a title and a one-line description', (_id, preset) => {
    expect(FactsSchema.partial().safeParse(preset.facts).success).toBe(true);
    expect(preset.title.length).toBeGreaterThan(3);
    expect(preset.description).not.toContain('\n');
  });

  it('titles and ids are unique', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    expect(new Set(PRESETS.map((p) => p.title)).size).toBe(PRESETS.length);
  });

  it('presetFacts keeps what the preset leaves open cautious', () => {
    const facts = presetFacts('key-visual');
    expect(facts).toMatchObject({ outputs: ['key-creative'], onScreen: 'prominent', unownedMaterial: 'unsure', talent: [] });
    expect(presetFacts(' Crowd-Replacement ').outputs).toEqual(['replaces-union-work']);
  });

  it('presetFacts hands out copies, so editing one use does not change the preset', () => {
    presetFacts('digital-replica').outputs.push('key-creative');
    expect(presetFacts('digital-replica').outputs).toEqual(['digital-replica']);
  });

  it('an unknown preset names the known ones', () => {
    expect(() => findPreset('hologram')).toThrow('Unknown planned-use preset "hologram" (known: ideation, background-props,');
  });
});
