import { describe, expect, it } from 'vitest';
import { assess } from '../../main/compliance/assess';
import { REPLICA_EXCEPTION, type Facts } from '../../main/compliance/facts';
import type { AssessContext, ConsentRef, Severity, Subject } from '../../main/compliance/types';
import { OTHER_PRODUCTION, TODAY, consent, ctx, findingFor, subject, tool } from './fixtures';

const severityOf = (s: Subject, context: AssessContext, rule: string): Severity => findingFor(assess(s, context), rule).severity;

const replica = (facts: Partial<Facts> = {}) => subject({ outputs: ['digital-replica'], talent: ['Alice Smith'], ...facts });
const alteration = (facts: Partial<Facts> = {}) =>
  subject({ outputs: ['performance-alteration'], alteration: 'significant', talent: ['Alice Smith'], ...facts });

describe('W-TALENT-REPLICA severity', () => {
  it.each(REPLICA_EXCEPTION.map((e) => [e, e === 'none' ? 'blocked' : 'escalate'] as const))(
    'without consent, replicaException=%s -> %s',
    (exception, expected) => {
      expect(severityOf(replica({ replicaException: exception }), ctx(), 'W-TALENT-REPLICA')).toBe(expected);
    },
  );

  it('with consent on file it still needs written approval (escalate)', () => {
    expect(severityOf(replica(), ctx({ consents: [consent()] }), 'W-TALENT-REPLICA')).toBe('escalate');
  });

  const consentCases: [label: string, consents: ConsentRef[], expected: Severity][] = [
    ['consent signed earlier, no expiry', [consent({ signed: '2024-12-01', expires: null })], 'escalate'],
    ['consent signed today', [consent({ signed: TODAY })], 'escalate'],
    ['consent signed after today', [consent({ signed: '2025-09-16' })], 'blocked'],
    ['consent expiring today', [consent({ expires: TODAY })], 'escalate'],
    ['expired consent', [consent({ expires: '2025-09-14' })], 'blocked'],
    ['consent for another production', [consent({ productionId: OTHER_PRODUCTION })], 'blocked'],
    ['consent of another kind', [consent({ kinds: ['synthetic-voice', 'performance-alteration'] })], 'blocked'],
    ['consent of another talent', [consent({ talent: 'Alicia Smith' })], 'blocked'],
    ['talent name matched ignoring case and spaces', [consent({ talent: '  alice SMITH ' })], 'escalate'],
    ['an expired consent next to a valid one', [consent({ expires: '2025-01-01' }), consent({ signed: '2025-02-01' })], 'escalate'],
  ];
  it.each(consentCases)('%s -> %s', (_label, consents, expected) => {
    expect(severityOf(replica(), ctx({ consents }), 'W-TALENT-REPLICA')).toBe(expected);
  });

  it('a talent name on the subject is matched after trimming too', () => {
    expect(severityOf(replica({ talent: [' ALICE smith  '] }), ctx({ consents: [consent()] }), 'W-TALENT-REPLICA')).toBe('escalate');
  });

  it('needs consent from every named talent: one of two missing is blocked', () => {
    const two = replica({ talent: ['Alice Smith', 'Bob Jones'] });
    expect(severityOf(two, ctx({ consents: [consent()] }), 'W-TALENT-REPLICA')).toBe('blocked');
    expect(severityOf(two, ctx({ consents: [consent(), consent({ talent: 'Bob Jones' })] }), 'W-TALENT-REPLICA')).toBe('escalate');
  });

  it('is blocked when no talent is named, even with consents on file', () => {
    expect(severityOf(replica({ talent: [] }), ctx({ consents: [consent()] }), 'W-TALENT-REPLICA')).toBe('blocked');
  });

  // Decision: an exception cannot be judged for nobody, so naming no talent stays blocked whatever the exception.
  it.each(['as-performed', 'unsafe-action', 'unrecognizable'] as const)('is blocked with no talent named even when replicaException=%s', (exception) => {
    expect(severityOf(replica({ talent: [], replicaException: exception }), ctx(), 'W-TALENT-REPLICA')).toBe('blocked');
  });

  it('needs a consent of each kind at stake: replica and voice', () => {
    const both = replica({ outputs: ['digital-replica', 'synthetic-voice'] });
    expect(severityOf(both, ctx({ consents: [consent()] }), 'W-TALENT-REPLICA')).toBe('blocked');
    expect(severityOf(both, ctx({ consents: [consent({ kinds: ['digital-replica', 'synthetic-voice'] })] }), 'W-TALENT-REPLICA')).toBe('escalate');
  });

  it('a synthetic voice needs a synthetic-voice consent', () => {
    const voice = replica({ outputs: ['synthetic-voice'] });
    expect(severityOf(voice, ctx({ consents: [consent()] }), 'W-TALENT-REPLICA')).toBe('blocked');
    expect(severityOf(voice, ctx({ consents: [consent({ kinds: ['synthetic-voice'] })] }), 'W-TALENT-REPLICA')).toBe('escalate');
  });

  it('a talent likeness fed in is covered by a digital-replica consent', () => {
    const likeness = subject({ inputs: ['talent-likeness'], talent: ['Alice Smith'] });
    expect(severityOf(likeness, ctx(), 'W-TALENT-REPLICA')).toBe('blocked');
    expect(severityOf(likeness, ctx({ consents: [consent({ kinds: ['synthetic-voice'] })] }), 'W-TALENT-REPLICA')).toBe('blocked');
    expect(severityOf(likeness, ctx({ consents: [consent()] }), 'W-TALENT-REPLICA')).toBe('escalate');
  });
});

describe('W-TALENT-ALTER severity', () => {
  it('a customary alteration is no finding at all', () => {
    const a = assess(alteration({ alteration: 'customary' }), ctx());
    expect(a.findings.map((f) => f.rule)).toEqual([]);
    expect(a.outcome).toBe('disclose');
  });

  it('a significant alteration without consent is blocked', () => {
    expect(severityOf(alteration(), ctx(), 'W-TALENT-ALTER')).toBe('blocked');
  });

  it('a significant alteration with a performance-alteration consent escalates', () => {
    expect(severityOf(alteration(), ctx({ consents: [consent({ kinds: ['performance-alteration'] })] }), 'W-TALENT-ALTER')).toBe('escalate');
  });

  it('a digital-replica consent does not cover an alteration', () => {
    expect(severityOf(alteration(), ctx({ consents: [consent()] }), 'W-TALENT-ALTER')).toBe('blocked');
  });

  it.each(REPLICA_EXCEPTION.map((e) => [e, e === 'none' ? 'blocked' : 'escalate'] as const))(
    'without consent, replicaException=%s -> %s',
    (exception, expected) => {
      expect(severityOf(alteration({ replicaException: exception }), ctx(), 'W-TALENT-ALTER')).toBe(expected);
    },
  );

  it('is blocked when no talent is named', () => {
    expect(severityOf(alteration({ talent: [] }), ctx(), 'W-TALENT-ALTER')).toBe('blocked');
  });

  it('expired or other-production consent does not count', () => {
    const kinds: ConsentRef['kinds'] = ['performance-alteration'];
    expect(severityOf(alteration(), ctx({ consents: [consent({ kinds, expires: '2025-06-30' })] }), 'W-TALENT-ALTER')).toBe('blocked');
    expect(severityOf(alteration(), ctx({ consents: [consent({ kinds, productionId: OTHER_PRODUCTION })] }), 'W-TALENT-ALTER')).toBe('blocked');
  });
});

describe('W-DATA-NFLX / W-DATA-PERSONAL severity', () => {
  const trainer = tool({ name: 'CloudGen', hosting: 'public-cloud', trainsOnInputs: 'yes' });
  const enterprise = tool({ name: 'StudioAI', hosting: 'enterprise-cloud', enterprise: 'yes', trainsOnInputs: 'no', retainsData: 'no' });
  const unknown = tool({ name: 'Vague', trainsOnInputs: 'unsure' });

  const cases = [
    ['a tool that trains on inputs', [trainer], 'blocked'],
    ['an enterprise tool that does not train', [enterprise], 'escalate'],
    ['a tool whose training is unknown', [unknown], 'escalate'],
    ['a chain with one training tool', [enterprise, trainer], 'blocked'],
  ] as const;

  describe.each(['W-DATA-NFLX', 'W-DATA-PERSONAL'] as const)('%s', (rule) => {
    const input = rule === 'W-DATA-NFLX' ? 'netflix-material' : 'personal-data';
    it.each(cases)('with %s -> %s', (_label, tools, expected) => {
      expect(severityOf(subject({ inputs: [input] }, { tools: [...tools] }), ctx(), rule)).toBe(expected);
    });
  });

  it('a training tool does not block rules about other inputs', () => {
    const a = assess(subject({ inputs: ['rights-holder-training', 'public-figure'] }, { tools: [trainer] }), ctx());
    expect(findingFor(a, 'W-DATA-TRAIN').severity).toBe('escalate');
    expect(findingFor(a, 'W-CREATIVE-REF').severity).toBe('escalate');
    expect(a.outcome).toBe('escalate');
  });

  it('the enterprise tool that does not train leaves only the data finding', () => {
    const a = assess(subject({ inputs: ['netflix-material'] }, { tools: [enterprise] }), ctx());
    expect(a.findings.map((f) => [f.rule, f.severity])).toEqual([['W-DATA-NFLX', 'escalate']]);
    expect(a.outcome).toBe('escalate');
  });
});
