import { describe, expect, it } from 'vitest';
import { assess } from '../../main/compliance/assess';
import type { Facts, ToolTerms } from '../../main/compliance/facts';
import { PRINCIPLES, evaluatePrinciples } from '../../main/compliance/principles';
import type { Answer, AssessContext, PrincipleId, Subject } from '../../main/compliance/types';
import { approved, consent, ctx, denied, findingFor, subject, tool } from './fixtures';

type Case = [label: string, subject: Subject, context: AssessContext, answer: Answer, fact: string];

const local = tool();
const cloudTrainer = tool({ name: 'CloudGen', hosting: 'public-cloud', trainsOnInputs: 'yes' });
const keeper = tool({ name: 'Keeper', retainsData: 'yes' });
const vague = tool({ name: 'Vague', trainsOnInputs: 'unsure' });

const withTools = (...tools: ToolTerms[]) => subject({}, { tools });
const talentUse = (facts: Partial<Facts>) => subject({ talent: ['Alice Smith'], ...facts });

const cases: Record<PrincipleId, Case[]> = {
  P1: [
    ['unowned material ruled out', subject({ unownedMaterial: 'no' }), ctx(), 'yes', 'unownedMaterial=no'],
    ['recreates unowned material', subject({ unownedMaterial: 'yes' }), ctx(), 'no', 'unownedMaterial=yes'],
    ['third-party IP fed in', subject({ unownedMaterial: 'no', inputs: ['third-party-ip'] }), ctx(), 'no', 'inputs=third-party-ip'],
    ['unsure but IP fed in is a plain no', subject({ unownedMaterial: 'unsure', inputs: ['third-party-ip'] }), ctx(), 'no', 'inputs=third-party-ip'],
    ['both', subject({ unownedMaterial: 'yes', inputs: ['third-party-ip'] }), ctx(), 'no', 'unownedMaterial=yes; inputs=third-party-ip'],
    ['nobody knows', subject({ unownedMaterial: 'unsure' }), ctx(), 'unsure', 'unownedMaterial=unsure'],
  ],
  P2: [
    ['tool neither trains nor keeps', withTools(local), ctx(), 'yes', 'tools: none trains on or retains data'],
    ['tool trains on inputs', withTools(cloudTrainer), ctx(), 'no', 'tools: CloudGen trainsOnInputs=yes'],
    ['tool keeps data', withTools(keeper), ctx(), 'no', 'tools: Keeper retainsData=yes'],
    ['one bad tool in a chain', withTools(local, keeper), ctx(), 'no', 'tools: Keeper retainsData=yes'],
    ['a no outweighs an unsure', withTools(vague, cloudTrainer), ctx(), 'no', 'tools: CloudGen trainsOnInputs=yes'],
    ['training unknown', withTools(local, vague), ctx(), 'unsure', 'tools: Vague trainsOnInputs=unsure'],
    ['retention unknown', withTools(tool({ name: 'R', retainsData: 'unsure' })), ctx(), 'unsure', 'tools: R retainsData=unsure'],
    ['no tool listed is not a pass', withTools(), ctx(), 'unsure', 'tools=none listed'],
  ],
  P3: [
    ['local tool', withTools(local), ctx(), 'yes', 'tools: all local or under a Netflix enterprise agreement'],
    ['enterprise cloud under agreement', withTools(tool({ hosting: 'enterprise-cloud', enterprise: 'yes' })), ctx(), 'yes', 'tools: all local or under a Netflix enterprise agreement'],
    ['public cloud under agreement', withTools(tool({ hosting: 'public-cloud', enterprise: 'yes' })), ctx(), 'yes', 'tools: all local or under a Netflix enterprise agreement'],
    ['public cloud without agreement', withTools(local, cloudTrainer), ctx(), 'no', 'tools: CloudGen hosting=public-cloud, enterprise=no'],
    ['enterprise cloud without agreement', withTools(tool({ name: 'E', hosting: 'enterprise-cloud' })), ctx(), 'unsure', 'tools: E hosting=enterprise-cloud, enterprise=no'],
    ['hosting unknown', withTools(local, tool({ name: 'U', hosting: 'unsure' })), ctx(), 'unsure', 'tools: U hosting=unsure, enterprise=no'],
    ['no tool listed is not a pass', withTools(), ctx(), 'unsure', 'tools=none listed'],
  ],
  P4: [
    ['temporary', subject({}, { classification: 'temporary' }), ctx(), 'yes', 'classification=temporary'],
    ['deliverable', subject({}, { classification: 'deliverable' }), ctx(), 'no', 'classification=deliverable'],
  ],
  P5: [
    ['no talent or union output', subject({ outputs: ['key-creative'] }), ctx(), 'yes', 'outputs: no talent performance or union-covered work'],
    ['talent likeness in alone is not a P5 case', talentUse({ inputs: ['talent-likeness'] }), ctx(), 'yes', 'outputs: no talent performance or union-covered work'],
    ['customary alteration needs no consent', talentUse({ outputs: ['performance-alteration'] }), ctx(), 'yes', 'outputs: no talent performance or union-covered work'],
    ['replica with consent', talentUse({ outputs: ['digital-replica'] }), ctx({ consents: [consent()] }), 'yes', 'consent on file for digital-replica'],
    ['replica without consent', talentUse({ outputs: ['digital-replica'] }), ctx(), 'no', 'outputs=digital-replica: no digital-replica consent on file for Alice Smith'],
    ['replica, nobody named', subject({ outputs: ['digital-replica'] }), ctx({ consents: [consent()] }), 'no', 'outputs=digital-replica: no talent named'],
    [
      'replica exception does not stand in for consent',
      talentUse({ outputs: ['digital-replica'], replicaException: 'as-performed' }),
      ctx(),
      'no',
      'outputs=digital-replica: no digital-replica consent on file for Alice Smith',
    ],
    ['synthetic voice without consent', talentUse({ outputs: ['synthetic-voice'] }), ctx({ consents: [consent()] }), 'no', 'outputs=synthetic-voice: no synthetic-voice consent on file for Alice Smith'],
    [
      'significant alteration with consent',
      talentUse({ outputs: ['performance-alteration'], alteration: 'significant' }),
      ctx({ consents: [consent({ kinds: ['performance-alteration'] })] }),
      'yes',
      'consent on file for performance-alteration',
    ],
    [
      'significant alteration without consent',
      talentUse({ outputs: ['performance-alteration'], alteration: 'significant' }),
      ctx(),
      'no',
      'outputs=performance-alteration: no performance-alteration consent on file for Alice Smith',
    ],
    [
      'two kinds, consent for one',
      talentUse({ outputs: ['digital-replica', 'synthetic-voice'] }),
      ctx({ consents: [consent({ kinds: ['synthetic-voice'] })] }),
      'no',
      'outputs=digital-replica: no digital-replica consent on file for Alice Smith',
    ],
    [
      'two talents, consent from one',
      subject({ outputs: ['digital-replica'], talent: ['Alice Smith', 'Bob Jones'] }),
      ctx({ consents: [consent()] }),
      'no',
      'outputs=digital-replica: no digital-replica consent on file for Bob Jones',
    ],
    ['union work with an approval naming W-ETHICS-UNION', subject({ outputs: ['replaces-union-work'] }), ctx({ approvals: [approved(1, ['W-ETHICS-UNION'])] }), 'yes', 'consent on file for replaces-union-work'],
    ['union work with a denied approval', subject({ outputs: ['replaces-union-work'] }), ctx({ approvals: [denied(1, ['W-ETHICS-UNION'])] }), 'no', 'outputs=replaces-union-work: no talent named'],
    ['union work with an approval of another rule', subject({ outputs: ['replaces-union-work'] }), ctx({ approvals: [approved(1, ['W-FINAL'])] }), 'no', 'outputs=replaces-union-work: no talent named'],
    [
      'union work with consent from the named performer',
      talentUse({ outputs: ['replaces-union-work'] }),
      ctx({ consents: [consent({ kinds: ['replaces-union-work'] })] }),
      'yes',
      'consent on file for replaces-union-work',
    ],
  ],
};

describe.each(Object.entries(cases))('%s', (id, table) => {
  it.each(table)('%s -> %s', (_label, s, context, answer, fact) => {
    const result = evaluatePrinciples(s, context)[id as PrincipleId];
    expect(result).toEqual({ answer, fact });

    // The assessment reports the same answer, and a no/unsure answer is an escalating finding of its own.
    const a = assess(s, context);
    expect(a.principles[id as PrincipleId]).toBe(answer);
    const finding = a.findings.find((f) => f.rule === id);
    if (answer === 'yes') {
      expect(finding).toBeUndefined();
    } else {
      const row = PRINCIPLES.find((p) => p.id === id);
      expect(finding).toMatchObject({ severity: 'escalate', fact, explanation: row?.explanation[answer] });
    }
  });
});

describe('principle findings', () => {
  it('come after the written-approval findings, in P1..P5 order', () => {
    const a = assess(subject({ unownedMaterial: 'unsure' }, { classification: 'deliverable', tools: [] }), ctx());
    expect(a.findings.map((f) => f.rule)).toEqual(['W-FINAL', 'P1', 'P2', 'P3', 'P4']);
    expect(a.principles).toEqual({ P1: 'unsure', P2: 'unsure', P3: 'unsure', P4: 'no', P5: 'yes' });
  });

  it('say differently what is wrong and what is unknown', () => {
    const no = findingFor(assess(subject({ unownedMaterial: 'yes' }), ctx()), 'P1');
    const unsure = findingFor(assess(subject({ unownedMaterial: 'unsure' }), ctx()), 'P1');
    expect(no.explanation).not.toBe(unsure.explanation);
  });

  it.each(PRINCIPLES.map((p) => [p.id, p] as const))('%s says how to clear it', (id, row) => {
    expect(row.howToClear).toContain(id);
    expect(row.explanation.no).not.toContain('\n');
    expect(row.explanation.unsure).not.toContain('\n');
  });
});
