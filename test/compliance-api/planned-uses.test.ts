import { describe, expect, it } from 'vitest';
import { ok } from '../support/context';
import { SAFE, snapshot, world } from './helpers';

describe('planned uses', () => {
  it('start from a preset, tools and explicit facts, and are assessed and listed', async () => {
    const w = await world();
    const use = ok(await w.api.addPlannedUse({
      production: 'SHOW1', title: 'Stadium crowd', department: 'Comp', preset: 'crowd-replacement', tools: ['CloudGen'], facts: { unownedMaterial: 'no' },
    }));
    expect(use).toMatchObject({
      production: 'SHOW1', title: 'Stadium crowd', department: 'Comp', preset: 'crowd-replacement', classification: 'deliverable', tools: ['CloudGen'],
      facts: { onScreen: 'incidental', inputs: ['netflix-material'], outputs: ['replaces-union-work'], unownedMaterial: 'no' }, outcome: 'blocked', assets: 0,
    });
    const assessed = ok(await w.api.assessPlannedUse({ id: use.id }));
    expect(assessed.findings.find((f) => f.rule === 'W-DATA-NFLX')).toMatchObject({ severity: 'blocked' });
    expect(Object.keys(assessed.principles)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    const changed = ok(await w.api.setPlannedUseFacts({ id: use.id, tools: ['LocalSD'], classification: 'temporary', reason: 'tests only' }));
    expect(changed.outcome).toBe('escalate');
    expect(changed.history.map((e) => [e.action, e.field])).toEqual([['added', null], ['facts', 'tools'], ['classified', 'classification']]);
    expect(ok(await w.api.listPlannedUses({ production: 'SHOW1' })).map((u) => u.id)).toEqual([use.id]);
  });

  it('lend their facts, tools and classification to assets logged against them; explicit flags override', async () => {
    const w = await world();
    const use = ok(await w.api.addPlannedUse({ production: 'SHOW1', title: 'De-age Alice', preset: 'de-ageing', tools: ['CloudGen'], facts: { talent: ['Alice Smith'] } }));
    const inherited = ok(await w.api.getAsset({ id: await w.log('a.exr', { use: use.id }) }));
    expect(inherited).toMatchObject({
      plannedUseId: use.id, plannedUse: { id: use.id, title: 'De-age Alice' }, classification: 'deliverable', toolChain: ['LocalSD', 'CloudGen'],
      facts: { inputs: ['netflix-material', 'talent-likeness'], outputs: ['performance-alteration'], alteration: 'significant', talent: ['Alice Smith'] },
    });
    const overridden = ok(await w.api.getAsset({ id: await w.log('b.exr', {
      use: use.id, classification: 'temporary', tools: ['LocalSD'], facts: { inputs: [], outputs: [], talent: [], unownedMaterial: 'no' },
    }) }));
    expect(overridden).toMatchObject({ classification: 'temporary', toolChain: ['LocalSD'], outcome: 'disclose', facts: { alteration: 'significant', inputs: [] } });
    expect(ok(await w.api.getPlannedUse({ id: use.id })).assets).toBe(2);
  });

  it('refuse unknown presets, tools, ids and uses of another production, writing nothing', async () => {
    const w = await world();
    ok(await w.api.addProduction({ code: 'SHOW2', title: 'Other', contactEmail: 'x@netflix.com' }));
    const other = ok(await w.api.addPlannedUse({ production: 'SHOW2', title: 'Elsewhere', facts: SAFE }));
    const before = snapshot(w.ctx);
    expect(await w.api.addPlannedUse({ production: 'SHOW1', title: 'X', preset: 'nope' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/Unknown planned-use preset "nope"/) } });
    expect(await w.api.addPlannedUse({ production: 'SHOW1', title: 'X', tools: ['Nope', 'Gone'] })).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/"Nope", "Gone"/) } });
    expect(await w.api.addPlannedUse({ production: 'SHOW1', title: 'X', facts: { onScreen: 'maybe' } as never })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await w.api.setPlannedUseFacts({ id: 999, facts: SAFE })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const path = w.evidence('x.png');
    for (const use of [other.id, 999]) {
      expect((await w.api.logAssets({ files: [{ path }], production: 'SHOW1', tool: 'LocalSD', use })).ok).toBe(false);
    }
    expect(await w.api.logAssets({ files: [{ path }], production: 'SHOW1', tool: 'LocalSD', use: other.id })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/belongs to production SHOW2, not SHOW1/) } });
    expect(snapshot(w.ctx)).toBe(before);
  });
});
