import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess } from '../../main/compliance/assess';
import type { Facts } from '../../main/compliance/facts';
import { PRINCIPLES } from '../../main/compliance/principles';
import { RULES, RULE_CATEGORIES } from '../../main/compliance/rules';
import type { Subject } from '../../main/compliance/types';
import { ctx, findingFor, subject, writtenRulesFired } from './fixtures';

const repoRoot = path.resolve(import.meta.dirname, '../..');
// The rules as published beside the repository when present; else the copy kept with the tests (same text).
const sharedRules = path.resolve(repoRoot, '../shared/docs/netflix-genai-rules.md');
const rulesDoc = readFileSync(existsSync(sharedRules) ? sharedRules : path.resolve(repoRoot, 'test/fixtures/netflix-genai-rules.md'), 'utf8');

type Case = [label: string, facts: Partial<Facts>, over: Partial<Omit<Subject, 'facts'>>, rule: string, fact: string];

// Each case changes one thing from the passing baseline; exactly the named rule (and no other W- rule) fires.
const firing: Case[] = [
  ['deliverable', {}, { classification: 'deliverable' }, 'W-FINAL', 'classification=deliverable'],
  ['netflix material in', { inputs: ['netflix-material'] }, {}, 'W-DATA-NFLX', 'inputs=netflix-material'],
  ['personal data in', { inputs: ['personal-data'] }, {}, 'W-DATA-PERSONAL', 'inputs=personal-data'],
  ['rights-holder training', { inputs: ['rights-holder-training'] }, {}, 'W-DATA-TRAIN', 'inputs=rights-holder-training'],
  ['key creative out', { outputs: ['key-creative'] }, {}, 'W-CREATIVE-KEY', 'outputs=key-creative'],
  ['third-party IP in', { inputs: ['third-party-ip'] }, {}, 'W-CREATIVE-REF', 'inputs=third-party-ip'],
  ['public figure in', { inputs: ['public-figure'] }, {}, 'W-CREATIVE-REF', 'inputs=public-figure'],
  ['deceased person in', { inputs: ['deceased-person'] }, {}, 'W-CREATIVE-REF', 'inputs=deceased-person'],
  ['all references in', { inputs: ['deceased-person', 'third-party-ip', 'public-figure'] }, {}, 'W-CREATIVE-REF', 'inputs=third-party-ip,public-figure,deceased-person'],
  ['digital replica out', { outputs: ['digital-replica'] }, {}, 'W-TALENT-REPLICA', 'outputs=digital-replica'],
  ['synthetic voice out', { outputs: ['synthetic-voice'] }, {}, 'W-TALENT-REPLICA', 'outputs=synthetic-voice'],
  ['talent likeness in', { inputs: ['talent-likeness'] }, {}, 'W-TALENT-REPLICA', 'inputs=talent-likeness'],
  [
    'replica out and likeness in',
    { inputs: ['talent-likeness'], outputs: ['digital-replica', 'synthetic-voice'] },
    {},
    'W-TALENT-REPLICA',
    'outputs=digital-replica,synthetic-voice; inputs=talent-likeness',
  ],
  [
    'significant alteration',
    { outputs: ['performance-alteration'], alteration: 'significant' },
    {},
    'W-TALENT-ALTER',
    'outputs=performance-alteration; alteration=significant',
  ],
  ['mistakable for real', { outputs: ['mistakable-for-real'] }, {}, 'W-ETHICS-REAL', 'outputs=mistakable-for-real'],
  ['replaces union work', { outputs: ['replaces-union-work'] }, {}, 'W-ETHICS-UNION', 'outputs=replaces-union-work'],
];

const quiet: [label: string, facts: Partial<Facts>, over: Partial<Omit<Subject, 'facts'>>][] = [
  ['temporary material', {}, { classification: 'temporary' }],
  ['customary alteration', { outputs: ['performance-alteration'], alteration: 'customary' }, {}],
  ['significant alteration but no altered performance', { alteration: 'significant' }, {}],
  ['prominent on screen (not a written-approval case by itself)', { onScreen: 'prominent' }, {}],
  ['a replica exception without a replica', { replicaException: 'unsafe-action' }, {}],
  ['talent named, nothing done with them', { talent: ['Alice Smith'] }, {}],
];

describe('written-approval rules', () => {
  it('the passing baseline fires no rule at all', () => {
    const a = assess(subject(), ctx());
    expect(a.findings).toEqual([]);
    expect(a.outcome).toBe('disclose');
  });

  it.each(firing)('%s fires %s and only it', (_label, facts, over, rule, fact) => {
    const a = assess(subject(facts, over), ctx());
    expect(writtenRulesFired(a)).toEqual([rule]);
    expect(findingFor(a, rule).fact).toBe(fact);
  });

  it.each(quiet)('%s fires no written-approval rule', (_label, facts, over) => {
    expect(writtenRulesFired(assess(subject(facts, over), ctx()))).toEqual([]);
  });

  it('several facts fire several rules, in table order', () => {
    const a = assess(
      subject({ inputs: ['personal-data', 'netflix-material'], outputs: ['mistakable-for-real', 'key-creative'] }, { classification: 'deliverable' }),
      ctx(),
    );
    expect(writtenRulesFired(a)).toEqual(['W-FINAL', 'W-DATA-NFLX', 'W-DATA-PERSONAL', 'W-CREATIVE-KEY', 'W-ETHICS-REAL']);
  });

  it('every rule is exercised by a firing case above', () => {
    expect(new Set(firing.map((c) => c[3]))).toEqual(new Set(RULES.map((r) => r.id)));
  });

  it('the rule table holds exactly the rule ids of the rules doc, section 3', () => {
    const section = rulesDoc.split('## 3.')[1]?.split('## 4.')[0] ?? '';
    const docIds = [...section.matchAll(/^\| (W-[A-Z-]+) \| ([a-z ]+) \|/gm)].map((m) => [m[1], m[2]]);
    expect(docIds.length).toBeGreaterThan(0);
    expect(RULES.map((r) => [r.id, r.category])).toEqual(docIds);
  });

  it('the principle table holds exactly P1..P5 of the rules doc, section 2', () => {
    const section = rulesDoc.split('## 2.')[1]?.split('## 3.')[0] ?? '';
    const docIds = [...section.matchAll(/^\| (P\d) \|/gm)].map((m) => m[1]);
    expect(PRINCIPLES.map((p) => p.id)).toEqual(docIds);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s has a category, a one-line explanation and says how to clear it', (id, rule) => {
    expect(RULE_CATEGORIES).toContain(rule.category);
    expect(rule.explanation.length).toBeGreaterThan(10);
    expect(rule.explanation).not.toContain('\n');
    expect(rule.howToClear).toContain(id);
  });

  it('rule ids are unique', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it('a finding carries the rule row text', () => {
    const a = assess(subject({ outputs: ['key-creative'] }), ctx());
    const row = RULES.find((r) => r.id === 'W-CREATIVE-KEY');
    expect(findingFor(a, 'W-CREATIVE-KEY')).toMatchObject({ explanation: row?.explanation, howToClear: row?.howToClear, severity: 'escalate' });
  });
});
