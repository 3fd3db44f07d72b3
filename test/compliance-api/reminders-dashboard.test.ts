import { describe, expect, it } from 'vitest';
import { ok } from '../support/context';
import { SAFE, world } from './helpers';

describe('stale temporaries, dashboard and approvals inbox', () => {
  it("lists temporary assets older than their production's review period, oldest first", async () => {
    const w = await world('2025-06-01T12:00:00Z');
    const old = await w.log('old.png');
    await w.log('final.png', { classification: 'deliverable' });
    const oldRetired = await w.log('gone.png');
    ok(await w.api.retireAsset({ id: oldRetired, reason: 'unused' }));
    w.time.addDays(20);
    const middle = await w.log('middle.png');
    w.time.addDays(15);
    await w.log('fresh.png');
    const stale = ok(await w.api.listStaleTemporaries({}));
    expect(stale.total).toBe(1);
    expect(stale.items.map((a) => [a.id, a.ageDays, a.staleDays])).toEqual([[old, 35, 30]]);
    w.time.addDays(16);
    expect(ok(await w.api.listStaleTemporaries({ production: 'SHOW1' })).items.map((a) => a.id)).toEqual([old, middle]);
    const p = ok(await w.api.listProductions({}))[0]!;
    expect(p.staleDays).toBe(30);
    ok(await w.api.editProduction({ ...p, staleDays: 40 }));
    expect(ok(await w.api.listStaleTemporaries({})).items.map((a) => a.id)).toEqual([old]);
    expect(await w.api.editProduction({ ...p, staleDays: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await w.api.listStaleTemporaries({ production: 'NOPE' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('counts by outcome, pending approvals, blocked items and stale temporaries per production', async () => {
    const w = await world('2025-08-01T12:00:00Z');
    await w.log('disclose.png', { facts: SAFE });
    const blocked = await w.log('blocked.png', { facts: { ...SAFE, outputs: ['synthetic-voice'] } });
    w.time.addDays(40);
    const escalated = await w.log('escalate.png', { facts: SAFE, classification: 'deliverable' });
    const retired = await w.log('retired.png', { facts: { ...SAFE, outputs: ['synthetic-voice'] } });
    ok(await w.api.retireAsset({ id: retired, reason: 'cut' }));
    w.time.addDays(1);
    ok(await w.api.addPlannedUse({ production: 'SHOW1', title: 'Voice', preset: 'synthetic-voice', facts: SAFE, tools: ['LocalSD'] }));
    const d = ok(await w.api.getDashboard({ production: 'SHOW1' }));
    expect(d.assets).toEqual({ disclose: 1, escalate: 1, blocked: 1, cleared: 0, unassessed: 0 });
    expect(d.uses).toEqual({ disclose: 0, escalate: 0, blocked: 1, cleared: 0, unassessed: 0 });
    expect(d.pendingApprovals).toEqual({ assets: 2, uses: 1, total: 3 });
    expect(d.blocked.total).toBe(2);
    expect(d.blocked.items.map((i) => [i.kind, i.title])).toEqual([['asset', 'blocked.png'], ['use', 'Voice']]);
    expect(d.staleTemporaries).toMatchObject({ staleDays: 30, total: 2 });

    const inbox = ok(await w.api.listApprovalInbox({ production: 'SHOW1' }));
    expect(inbox.total).toBe(3);
    expect(inbox.items.map((i) => [i.kind, i.title, i.outcome])).toEqual([
      ['asset', 'blocked.png', 'blocked'], ['asset', 'escalate.png', 'escalate'], ['use', 'Voice', 'blocked'],
    ]);
    expect(inbox.items[1]!.openFindings.map((f) => f.rule)).toEqual(['W-FINAL', 'P4']);
    ok(await w.api.addApproval({ assets: [escalated], rules: ['W-FINAL'], decision: 'approved', approver: 'D', date: '2025-09-01', reference: 'R', evidence: { path: w.evidence('a.eml') } }));
    const after = ok(await w.api.listApprovalInbox({ limit: 1, offset: 1 }));
    expect(after).toMatchObject({ total: 3, items: [{ title: 'escalate.png', openFindings: [{ rule: 'P4' }] }] });
    expect(ok(await w.api.listApprovalInbox({ outcomes: ['blocked'] })).items.map((i) => i.id)).toContain(blocked);
    expect(await w.api.getDashboard({ production: 'NOPE' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('the catalog gives the UI questions, presets and every rule id with its explanation', async () => {
    const w = await world();
    const c = ok(await w.api.getComplianceCatalog({}));
    expect(c.questions.map((q) => q.key)).toEqual(['onScreen', 'inputs', 'outputs', 'alteration', 'replicaException', 'talent', 'unownedMaterial']);
    expect(c.rules.map((r) => r.id)).toEqual(['W-FINAL', 'W-DATA-NFLX', 'W-DATA-PERSONAL', 'W-DATA-TRAIN', 'W-CREATIVE-KEY', 'W-CREATIVE-REF',
      'W-TALENT-REPLICA', 'W-TALENT-ALTER', 'W-ETHICS-REAL', 'W-ETHICS-UNION', 'P1', 'P2', 'P3', 'P4', 'P5']);
    expect(c.rules.every((r) => r.explanation.length > 10 && r.howToClear.length > 10)).toBe(true);
    expect(c.presets.map((p) => p.id)).toContain('crowd-replacement');
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });
});
