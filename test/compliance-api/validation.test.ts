import { describe, expect, it } from 'vitest';
import { ok } from '../support/context';
import { SAFE, snapshot, world } from './helpers';

describe('bad input is refused with a clear message and writes nothing', () => {
  it('consents: kinds, real dates, signing in the past, expiry after signing, production', async () => {
    const w = await world('2025-09-15T12:00:00Z');
    const before = snapshot(w.ctx);
    const base = { talent: 'Alice', production: 'SHOW1', kinds: ['digital-replica'], scope: 'double', signed: '2025-09-01', evidence: { path: w.evidence('c.pdf') } };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ kinds: ['digital-replica', 'hologram'] }, /Unknown consent kind "hologram" \(allowed: digital-replica, synthetic-voice/],
      [{ signed: '2025-02-30' }, /signed date "2025-02-30" is not a date/],
      [{ signed: '2025-09-16' }, /signed date 2025-09-16 is in the future/],
      [{ expires: '31/12/2026' }, /expiry date "31\/12\/2026" is not a date/],
      [{ expires: '2025-09-01' }, /expiry date 2025-09-01 must be after the signed date 2025-09-01/],
      [{ production: 'NOPE' }, /No production with code "NOPE"/],
      [{ talent: '  ' }, /talent/],
    ];
    for (const [change, message] of cases) {
      const r = await w.api.addConsent({ ...base, ...change } as never);
      expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(message) } });
    }
    expect(snapshot(w.ctx)).toBe(before);
  });

  it('approvals: subjects, rules, decision, dates, supersedes', async () => {
    const w = await world('2025-09-15T12:00:00Z');
    const a = await w.log('a.png', { classification: 'deliverable' });
    ok(await w.api.addProduction({ code: 'SHOW2', title: 'Other', contactEmail: 'x@netflix.com' }));
    const [other] = ok(await w.api.logAssets({ files: [{ path: w.evidence('o.png') }], production: 'SHOW2', tool: 'LocalSD' }));
    const use = ok(await w.api.addPlannedUse({ production: 'SHOW1', title: 'U', facts: SAFE }));
    const before = snapshot(w.ctx);
    const base = { assets: [a], rules: ['W-FINAL'], decision: 'approved', approver: 'Dana', date: '2025-09-10', reference: 'R', evidence: { path: w.evidence('e.eml') } };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ rules: ['W-FINAL', 'W-NOPE'] }, /Unknown rule id "W-NOPE"/],
      [{ rules: undefined }, /Name the rule ids/],
      [{ all: true }, /either rule ids or "all"/],
      [{ decision: 'maybe' }, /decision must be one of approved, denied/],
      [{ date: '2025-13-01' }, /approval date "2025-13-01" is not a date/],
      [{ date: '2025-09-16' }, /in the future/],
      [{ assets: [a, 999] }, /No asset with id 999/],
      [{ assets: [a, other!.id] }, /One approval covers one production; these belong to SHOW1, SHOW2/],
      [{ uses: [use.id] }, /either assets or planned uses/],
      [{ assets: undefined, uses: [999] }, /No planned use with id 999/],
      [{ assets: undefined }, /either assets or planned uses/],
      [{ supersedes: 42 }, /No approval with id 42/],
      [{ approver: ' ' }, /approver/],
      [{ evidence: {} }, /evidence must be/],
    ];
    for (const [change, message] of cases) {
      const r = await w.api.addApproval({ ...base, ...change } as never);
      expect(r, JSON.stringify(change)).toMatchObject({ ok: false, error: { message: expect.stringMatching(message) } });
    }
    expect(snapshot(w.ctx)).toBe(before);
  });

  it('facts: unknown values and keys, unknown tools, an empty chain, retired assets', async () => {
    const w = await world();
    const id = await w.log('a.png');
    const retired = await w.log('b.png');
    ok(await w.api.retireAsset({ id: retired, reason: 'x' }));
    const before = snapshot(w.ctx);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ facts: { inputs: ['netflix-material', 'gossip'] } }, /facts\.inputs/],
      [{ facts: { onscreen: 'none' } }, /onscreen/],
      [{ tools: ['LocalSD', 'Nope'] }, /No AI tool named "Nope"/],
      [{ tools: [] }, /at least one tool/],
      [{ id: 999, facts: SAFE }, /No asset with id 999/],
      [{ id: retired, facts: SAFE }, /retired/],
    ];
    for (const [change, message] of cases) {
      const r = await w.api.setFacts({ id, ...change } as never);
      expect(r, JSON.stringify(change)).toMatchObject({ ok: false, error: { message: expect.stringMatching(message) } });
    }
    expect(snapshot(w.ctx)).toBe(before);
  });

  it('a chain without the primary tool makes its first tool the primary one; editing the tool keeps the chain', async () => {
    const w = await world();
    const id = await w.log('a.png', { facts: SAFE });
    const moved = ok(await w.api.setFacts({ id, tools: ['CloudGen'] }));
    expect(moved).toMatchObject({ tool: 'CloudGen', toolChain: ['CloudGen'], outcome: 'escalate' });
    expect(moved.history.filter((e) => e.field === 'tool' || e.field === 'tools').map((e) => [e.field, e.from, e.to])).toEqual([
      ['tool', 'LocalSD', 'CloudGen'], ['tools', 'LocalSD', 'CloudGen'],
    ]);
    ok(await w.api.setFacts({ id, tools: ['CloudGen', 'LocalSD'] }));
    const edited = ok(await w.api.editAsset({ id, changes: { tool: 'LocalSD' } }));
    expect(edited.tool).toBe('LocalSD');
    const after = ok(await w.api.getAsset({ id }));
    expect(after.toolChain).toEqual(['LocalSD']);
    expect(after.outcome).toBe('disclose');
  });
});
