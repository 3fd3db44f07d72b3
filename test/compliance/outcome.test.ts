import { describe, expect, it } from 'vitest';
import { assess, outcomeOf } from '../../main/compliance/assess';
import type { Outcome, Severity, Subject } from '../../main/compliance/types';
import { approved, consent, ctx, denied, findingFor, rulesFired, subject, tool } from './fixtures';

const trainer = tool({ name: 'CloudGen', hosting: 'public-cloud', trainsOnInputs: 'yes' });

describe('outcomeOf', () => {
  const f = (severity: Severity, coveredBy: number[] = []) => ({ severity, coveredBy });
  const cases: [label: string, findings: ReturnType<typeof f>[], outcome: Outcome][] = [
    ['no findings', [], 'disclose'],
    ['one open escalate', [f('escalate')], 'escalate'],
    ['one open blocked', [f('blocked')], 'blocked'],
    ['blocked beats escalate', [f('escalate'), f('blocked'), f('escalate')], 'blocked'],
    ['all covered', [f('escalate', [1]), f('blocked', [2])], 'cleared'],
    ['covered blocked, open escalate', [f('blocked', [1]), f('escalate')], 'escalate'],
    ['covered escalate, open blocked', [f('escalate', [1]), f('blocked')], 'blocked'],
  ];
  it.each(cases)('%s -> %s', (_label, findings, outcome) => {
    expect(outcomeOf(findings)).toBe(outcome);
  });
});

describe('assess outcome', () => {
  const deliverable = subject({}, { classification: 'deliverable' }); // W-FINAL + P4

  it('disclose when every principle holds and no rule fires', () => {
    const a = assess(subject({ onScreen: 'none' }), ctx());
    expect(a).toEqual({ outcome: 'disclose', principles: { P1: 'yes', P2: 'yes', P3: 'yes', P4: 'yes', P5: 'yes' }, findings: [] });
  });

  it('escalate when a finding is open', () => {
    expect(assess(deliverable, ctx()).outcome).toBe('escalate');
  });

  it('blocked beats escalate', () => {
    const a = assess(subject({ inputs: ['netflix-material'] }, { classification: 'deliverable', tools: [trainer] }), ctx());
    expect(rulesFired(a)).toEqual(['W-FINAL', 'W-DATA-NFLX', 'P2', 'P3', 'P4']);
    expect(findingFor(a, 'W-DATA-NFLX').severity).toBe('blocked');
    expect(a.outcome).toBe('blocked');
  });

  it('cleared when approved approvals cover every finding', () => {
    const a = assess(deliverable, ctx({ approvals: [approved(5, ['W-FINAL']), approved(6, ['P4', 'W-FINAL'])] }));
    expect(a.outcome).toBe('cleared');
    expect(findingFor(a, 'W-FINAL').coveredBy).toEqual([5, 6]);
    expect(findingFor(a, 'P4').coveredBy).toEqual([6]);
  });

  it('partial approval coverage stays escalate', () => {
    const a = assess(deliverable, ctx({ approvals: [approved(5, ['W-FINAL'])] }));
    expect(a.outcome).toBe('escalate');
    expect(findingFor(a, 'W-FINAL').coveredBy).toEqual([5]);
    expect(findingFor(a, 'P4').coveredBy).toEqual([]);
  });

  it('a denied approval covers nothing but is listed on the findings it names', () => {
    const a = assess(deliverable, ctx({ approvals: [denied(9, ['W-FINAL', 'P4'])] }));
    expect(a.outcome).toBe('escalate');
    for (const rule of ['W-FINAL', 'P4']) {
      expect(findingFor(a, rule)).toMatchObject({ coveredBy: [], deniedBy: [9] });
    }
  });

  it('a denied approval next to an approved one: covered, and the denial still shown', () => {
    const a = assess(deliverable, ctx({ approvals: [denied(9, ['W-FINAL']), approved(10, ['W-FINAL', 'P4'])] }));
    expect(findingFor(a, 'W-FINAL')).toMatchObject({ coveredBy: [10], deniedBy: [9] });
    expect(a.outcome).toBe('cleared');
  });

  it('an approval naming rules that did not fire covers nothing', () => {
    const a = assess(deliverable, ctx({ approvals: [approved(5, ['W-ETHICS-REAL', 'P1'])] }));
    expect(a.outcome).toBe('escalate');
    expect(a.findings.every((f) => f.coveredBy.length === 0)).toBe(true);
  });

  // Decision (see assess.ts): Netflix's written approval overrides a blocked case, so an approved approval naming
  // the blocked rule covers it.
  it('an approved approval naming a blocked rule covers it', () => {
    const s: Subject = subject({ outputs: ['digital-replica'], talent: ['Alice Smith'] });
    const blocked = assess(s, ctx());
    expect(rulesFired(blocked)).toEqual(['W-TALENT-REPLICA', 'P5']);
    expect(blocked.outcome).toBe('blocked');

    const onlyBlockedCovered = assess(s, ctx({ approvals: [approved(3, ['W-TALENT-REPLICA'])] }));
    expect(findingFor(onlyBlockedCovered, 'W-TALENT-REPLICA')).toMatchObject({ severity: 'blocked', coveredBy: [3] });
    expect(onlyBlockedCovered.outcome).toBe('escalate'); // P5 is still open

    const allCovered = assess(s, ctx({ approvals: [approved(3, ['W-TALENT-REPLICA', 'P5'])] }));
    expect(allCovered.outcome).toBe('cleared');
  });

  it('covering one blocked finding leaves another blocked one blocking', () => {
    const s = subject({ inputs: ['netflix-material', 'personal-data'] }, { tools: [trainer] });
    const a = assess(s, ctx({ approvals: [approved(4, ['W-DATA-NFLX', 'P2', 'P3'])] }));
    expect(findingFor(a, 'W-DATA-PERSONAL')).toMatchObject({ severity: 'blocked', coveredBy: [] });
    expect(a.outcome).toBe('blocked');
  });

  it('consent turns blocked into escalate, then an approval clears it', () => {
    const s = subject({ outputs: ['digital-replica'], talent: ['Alice Smith'] }, { classification: 'deliverable' });
    const withConsent = ctx({ consents: [consent()] });
    expect(assess(s, ctx()).outcome).toBe('blocked');
    expect(assess(s, withConsent).outcome).toBe('escalate');
    expect(rulesFired(assess(s, withConsent))).toEqual(['W-FINAL', 'W-TALENT-REPLICA', 'P4']);
    const approvedAll = { ...withConsent, approvals: [approved(1, ['W-FINAL', 'W-TALENT-REPLICA', 'P4'])] };
    expect(assess(s, approvedAll).outcome).toBe('cleared');
  });

  it('crowd replacement: an approval naming W-ETHICS-UNION also satisfies P5', () => {
    const s = subject({ outputs: ['replaces-union-work'] });
    const before = assess(s, ctx());
    expect(rulesFired(before)).toEqual(['W-ETHICS-UNION', 'P5']);
    const after = assess(s, ctx({ approvals: [approved(2, ['W-ETHICS-UNION'])] }));
    expect(rulesFired(after)).toEqual(['W-ETHICS-UNION']);
    expect(after.principles.P5).toBe('yes');
    expect(after.outcome).toBe('cleared');
  });
});

describe('assess input handling', () => {
  it('fills missing facts and tool terms with cautious defaults, never with a pass', () => {
    const raw = { classification: 'temporary', facts: {}, tools: [{ name: 'Bare' }], productionId: 1 } as unknown as Subject;
    const a = assess(raw, ctx());
    expect(a.principles).toEqual({ P1: 'unsure', P2: 'unsure', P3: 'unsure', P4: 'yes', P5: 'yes' });
    expect(a.outcome).toBe('escalate');
  });

  it('does not change what it is given', () => {
    const s = subject({ outputs: ['digital-replica'], talent: ['Alice Smith'] });
    const c = ctx({ consents: [consent()], approvals: [approved(1, ['P5'])] });
    const before = JSON.stringify([s, c]);
    assess(s, c);
    expect(JSON.stringify([s, c])).toBe(before);
  });

  it.each([
    ['a bad fact value', () => subject({ onScreen: 'maybe' as never }), /Invalid facts: onScreen/],
    ['a bad tool term', () => subject({}, { tools: [tool({ hosting: 'moon' as never })] }), /Invalid tool terms: hosting/],
    ['an unknown classification', () => subject({}, { classification: 'final' as never }), /Unknown classification "final"/],
    ['a production id that is not a number', () => subject({}, { productionId: 'X1' as never }), /production id must be a whole number/],
  ])('rejects %s with a clear message', (_label, make, message) => {
    expect(() => assess(make(), ctx())).toThrow(message);
  });

  it.each([
    ['today', ctx({ today: '15/09/2025' }), /Today's date "15\/09\/2025" is not a date/],
    ['an impossible today', ctx({ today: '2025-02-30' }), /Today's date "2025-02-30" is not a date/],
    ['a consent signed date', ctx({ consents: [consent({ id: 42, signed: 'yesterday' })] }), /Consent 42: the signed date "yesterday"/],
    ['a consent expiry date', ctx({ consents: [consent({ id: 43, expires: '2025-13-01' })] }), /Consent 43: the expiry date "2025-13-01"/],
  ])('rejects a bad date in %s', (_label, context, message) => {
    expect(() => assess(subject(), context)).toThrow(message);
  });
});
