import { describe, expect, it } from 'vitest';
import { ok } from '../support/context';
import { SAFE, snapshot, world } from './helpers';

const outcomeOf = async (w: Awaited<ReturnType<typeof world>>, id: number) => ok(await w.api.getAsset({ id })).outcome;
const listed = async (w: Awaited<ReturnType<typeof world>>, outcome: string) =>
  ok(await w.api.listAssets({ outcome } as never)).rows.map((r) => r.id);

describe('outcome is stored and kept up to date in the same change', () => {
  it('new assets are assessed on logging; unknown facts are unsure, never silently fine', async () => {
    const w = await world();
    const unsure = await w.log('a.png');
    expect(await outcomeOf(w, unsure)).toBe('escalate');
    const detail = ok(await w.api.getAsset({ id: unsure }));
    expect(detail.facts).toMatchObject({ onScreen: 'unsure', unownedMaterial: 'unsure', inputs: [], outputs: [] });
    expect(detail.toolChain).toEqual(['LocalSD']);
    expect(detail.plannedUse).toBeNull();
    expect(detail.assessment.findings.map((f) => f.rule)).toEqual(['P1']);
    const safe = await w.log('b.png', { facts: SAFE });
    expect(await outcomeOf(w, safe)).toBe('disclose');
    expect(await listed(w, 'disclose')).toEqual([safe]);
    expect(await listed(w, 'escalate')).toEqual([unsure]);
  });

  it('a fact change re-judges at once and records each changed fact in the history', async () => {
    const w = await world();
    const id = await w.log('a.png', { facts: SAFE });
    const changed = ok(await w.api.setFacts({ id, facts: { outputs: ['digital-replica'], talent: ['Alice Smith'] }, by: 'lead', reason: 'double' }));
    expect(changed.outcome).toBe('blocked');
    expect(changed.assessment.findings.find((f) => f.rule === 'W-TALENT-REPLICA')).toMatchObject({ severity: 'blocked', fact: 'outputs=digital-replica' });
    expect(changed.history.filter((e) => e.action === 'facts').map((e) => [e.field, e.from, e.to, e.by])).toEqual([
      ['facts.outputs', '', 'digital-replica', 'lead'], ['facts.talent', '', 'Alice Smith', 'lead'],
    ]);
    expect(await listed(w, 'blocked')).toEqual([id]);
    // An exception brings it back to escalate; emptying the outputs clears the talent rules.
    expect(ok(await w.api.setFacts({ id, facts: { replicaException: 'unrecognizable' } })).outcome).toBe('escalate');
    expect(ok(await w.api.setFacts({ id, facts: { outputs: [] } })).outcome).toBe('disclose');
  });

  it('classification changes re-judge (W-FINAL, P4)', async () => {
    const w = await world();
    const id = await w.log('a.png', { facts: SAFE });
    ok(await w.api.markAsset({ id, classification: 'deliverable', reason: 'final comp' }));
    const a = ok(await w.api.getAsset({ id }));
    expect(a.outcome).toBe('escalate');
    expect(a.assessment.findings.map((f) => f.rule)).toEqual(['W-FINAL', 'P4']);
  });

  it("a tool's terms re-judge every asset and planned use that uses it, in its chain or as primary tool", async () => {
    const w = await world();
    const primary = await w.log('a.png', { facts: SAFE });
    ok(await w.api.addTool({ name: 'Upscaler', hosting: 'local', trainsOnInputs: 'no', retainsData: 'no' }));
    const chained = await w.log('b.png', { facts: SAFE, tool: 'Upscaler', tools: ['Upscaler', 'LocalSD'] });
    const elsewhere = await w.log('c.png', { facts: SAFE, tool: 'Upscaler' });
    const use = ok(await w.api.addPlannedUse({ production: 'SHOW1', title: 'Moodboards', preset: 'ideation', facts: SAFE, tools: ['LocalSD'] }));
    expect(use.outcome).toBe('disclose');
    const tool = ok(await w.api.listTools({})).find((t) => t.name === 'LocalSD')!;
    expect([await outcomeOf(w, primary), await outcomeOf(w, chained), await outcomeOf(w, elsewhere)]).toEqual(['disclose', 'disclose', 'disclose']);
    ok(await w.api.editTool({ ...tool, trainsOnInputs: 'yes' }));
    expect(await outcomeOf(w, primary)).toBe('escalate');
    expect(ok(await w.api.getAsset({ id: primary })).assessment.findings.map((f) => f.rule)).toEqual(['P2']);
    expect(await outcomeOf(w, chained)).toBe('escalate');
    expect(ok(await w.api.getAsset({ id: chained })).toolChain).toEqual(['Upscaler', 'LocalSD']);
    expect(ok(await w.api.getPlannedUse({ id: use.id })).outcome).toBe('escalate');
    expect(await outcomeOf(w, elsewhere)).toBe('disclose');
    ok(await w.api.editTool({ ...tool, trainsOnInputs: 'no' }));
    expect([await outcomeOf(w, primary), await outcomeOf(w, chained)]).toEqual(['disclose', 'disclose']);
  });

  it('a consent re-judges the talent subjects of its production only', async () => {
    const w = await world();
    const alice = await w.log('alice.png', { facts: { ...SAFE, outputs: ['digital-replica'], talent: ['Alice Smith'] } });
    const bob = await w.log('bob.png', { facts: { ...SAFE, outputs: ['digital-replica'], talent: ['Bob Jones'] } });
    ok(await w.api.addProduction({ code: 'SHOW2', title: 'Other', contactEmail: 'x@netflix.com' }));
    ok(await w.api.addConsent({ talent: 'Alice Smith', production: 'SHOW2', kinds: ['digital-replica'], scope: 'wrong show', signed: '2025-09-01', evidence: { path: w.evidence('c0.pdf') } }));
    expect(await outcomeOf(w, alice)).toBe('blocked');
    const consent = ok(await w.api.addConsent({
      talent: 'alice smith', production: 'SHOW1', kinds: ['digital-replica', 'synthetic-voice'], scope: 'Digital double, ep. 1-3',
      signed: '2025-09-01', expires: '2026-09-01', evidence: { path: w.evidence('consent.pdf') },
    }));
    expect(consent).toMatchObject({ talent: 'alice smith', production: 'SHOW1', kinds: ['digital-replica', 'synthetic-voice'], inForce: true });
    expect(await outcomeOf(w, alice)).toBe('escalate');
    expect(await outcomeOf(w, bob)).toBe('blocked');
    expect(ok(await w.api.listConsents({ production: 'SHOW1' })).map((c) => c.id)).toEqual([consent.id]);
    expect(ok(await w.api.listConsents({ talent: 'ALICE SMITH' }))).toHaveLength(2);
  });

  it('an approval covers its rules (cleared); a superseding denial covers nothing and is shown', async () => {
    const w = await world();
    const id = await w.log('a.png', { facts: SAFE, classification: 'deliverable' });
    const approval = ok(await w.api.addApproval({
      assets: [id], rules: ['w-final', 'P4'], decision: 'approved', approver: 'Dana Reyes', date: '2025-09-10', reference: 'NF-123',
      evidence: { path: w.evidence('ok.eml') },
    }));
    expect(approval).toMatchObject({ rules: ['W-FINAL', 'P4'], assets: [id], uses: [], current: true, supersedes: null, decision: 'approved' });
    expect(await outcomeOf(w, id)).toBe('cleared');
    expect(ok(await w.api.getAsset({ id })).assessment.findings.every((f) => f.coveredBy.includes(approval.id))).toBe(true);
    expect(await listed(w, 'cleared')).toEqual([id]);

    const denial = ok(await w.api.addApproval({
      assets: [id], rules: ['W-FINAL', 'P4'], decision: 'denied', approver: 'Dana Reyes', date: '2025-09-12', reference: 'NF-124',
      evidence: { path: w.evidence('no.eml') }, supersedes: approval.id,
    }));
    const a = ok(await w.api.getAsset({ id }));
    expect(a.outcome).toBe('escalate');
    expect(a.assessment.findings.map((f) => [f.rule, f.coveredBy, f.deniedBy])).toEqual([['W-FINAL', [], [denial.id]], ['P4', [], [denial.id]]]);
    expect(a.approvals.map((x) => [x.id, x.decision, x.current, x.supersededBy])).toEqual([
      [approval.id, 'approved', false, denial.id], [denial.id, 'denied', true, null],
    ]);
    expect(a.history.filter((e) => e.action === 'approval')).toHaveLength(2);
    expect(await w.api.addApproval({
      assets: [id], all: true, decision: 'approved', approver: 'D', date: '2025-09-12', reference: 'x', evidence: { path: w.evidence('x.eml') }, supersedes: approval.id,
    })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/already superseded by approval/) } });
  });

  it('"all" records the rule ids open right now, and is refused when nothing is open', async () => {
    const w = await world();
    const a = await w.log('a.png', { facts: { onScreen: 'prominent', inputs: ['netflix-material'] }, classification: 'deliverable' });
    const b = await w.log('b.png', { facts: { ...SAFE, outputs: ['key-creative'] } });
    const rec = ok(await w.api.addApproval({
      assets: [a, b], all: true, decision: 'approved', approver: 'Dana', date: '2025-09-10', reference: 'NF-9', evidence: { path: w.evidence('all.eml') },
    }));
    expect(rec.rules).toEqual(['W-FINAL', 'W-DATA-NFLX', 'W-CREATIVE-KEY', 'P1', 'P4']);
    expect([await outcomeOf(w, a), await outcomeOf(w, b)]).toEqual(['cleared', 'cleared']);
    const before = snapshot(w.ctx);
    const again = await w.api.addApproval({
      assets: [a], all: true, decision: 'approved', approver: 'Dana', date: '2025-09-10', reference: 'NF-10', evidence: { path: w.evidence('again.eml') },
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/Nothing to approve/) } });
    expect(snapshot(w.ctx)).toBe(before);
  });

  it('approvals of planned uses re-judge the use, not its assets', async () => {
    const w = await world();
    const use = ok(await w.api.addPlannedUse({ production: 'SHOW1', title: 'Key art', preset: 'key-visual', facts: SAFE, tools: ['LocalSD'] }));
    expect(use.outcome).toBe('escalate');
    const asset = await w.log('k.png', { use: use.id });
    ok(await w.api.addApproval({ uses: [use.id], all: true, decision: 'approved', approver: 'Dana', date: '2025-09-10', reference: 'R', evidence: { path: w.evidence('u.eml') } }));
    expect(ok(await w.api.getPlannedUse({ id: use.id })).outcome).toBe('cleared');
    expect(await outcomeOf(w, asset)).toBe('escalate');
    expect(ok(await w.api.listApprovals({ use: use.id }))).toHaveLength(1);
    expect(ok(await w.api.listApprovals({ asset }))).toHaveLength(0);
  });
});
