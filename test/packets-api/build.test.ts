import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setSetting } from '../../db/settings';
import { verifyPacket } from '../../main/packet';
import { ok } from '../support/context';
import { fileSha, manifestOf, packetCount, sha, world } from './fixture';

describe('buildPacket', () => {
  it('builds a signed draft with every asset in scope, its compliance, tools, consents and approvals', async () => {
    const w = await world();
    const out = join(w.dir, 'copy.zip');
    const p = ok(await w.api.buildPacket({ production: 'HL', out, by: 'Tom Avery' }));
    expect(p).toMatchObject({ production: 'HL', state: 'draft', assets: 4, episode: null, supersedes: null, createdBy: 'Tom Avery', approvedAt: null });
    expect(p.path).toBe(join(w.dir, 'packets', `${p.uuid}.zip`));
    expect(fileSha(p.path)).toBe(p.sha256);
    expect(fileSha(out)).toBe(p.sha256);
    expect(statSync(p.path).size).toBe(p.size);
    expect(p.messageId).toBe(`<packet-${p.uuid}@genlog.local>`);
    expect(await verifyPacket(p.path)).toEqual({ valid: true, problems: [] });

    const m = await manifestOf(p.path);
    expect(m.packetId).toBe(p.uuid);
    expect(m.production).toEqual({ code: 'HL', title: 'Harbour Lights', vendor: 'Northlight VFX', netflixContact: { name: 'Dana Whitfield', email: 'dana.whitfield@netflix.com' } });
    expect(m.approvedBy).toBeNull();
    expect(m.scope).toEqual({ episodes: [], since: null, until: null });
    const byId = new Map(m.assets.map((a) => [a.id, a]));
    expect(byId.get(String(w.ids.moodboard))).toMatchObject({ outcome: 'disclose', onScreen: 'none', episode: '101', artist: 'Priya Natarajan', prompt: 'foggy harbour at dawn' });
    const poster = byId.get(String(w.ids.poster))!;
    expect(poster.outcome).toBe('cleared');
    expect(poster.approvals).toHaveLength(1);
    expect(poster.findings.find((f) => f.rule === 'W-FINAL')?.coveredBy).toEqual(poster.approvals);
    const replica = byId.get(String(w.ids.replica))!;
    expect(replica.outcome).toBe('blocked');
    expect(replica.tools.map((t) => t.name)).toEqual(['Firefly', 'FaceForge']);
    expect(replica.findings.map((f) => f.rule)).toContain('W-TALENT-REPLICA');
    expect(m.counts).toEqual({ disclose: 2, escalate: 0, blocked: 1, cleared: 1 });
    expect(m.toolDisclosure.map((t) => [t.name, t.usedBy.length, t.dataTerms])).toEqual([
      ['FaceForge', 1, null], ['Firefly', 4, 'Enterprise terms: no training on customer content.'],
    ]);
    expect(m.consents).toEqual([expect.objectContaining({ talent: 'Ada Stone', kinds: ['digital-replica'], evidenceSha256: fileSha(w.consentFile) })]);
    expect(JSON.stringify(m)).not.toContain('signed consent of Ada Stone');
    expect(m.approvals).toEqual([expect.objectContaining({ decision: 'approved', approver: 'Dana Whitfield', evidenceSha256: fileSha(w.approvalFile), rules: ['W-FINAL', 'P4'], supersedes: null })]);
    expect(m.plannedUses).toEqual([expect.objectContaining({ title: 'Moodboards for the harbour', assets: [String(w.ids.moodboard)] })]);

    const detail = ok(await w.api.getPacket({ id: p.id }));
    expect(detail.file).toBe('intact');
    expect(detail.history.map((e) => [e.action, e.to, e.by])).toEqual([['built', 'draft', 'Tom Avery']]);
    expect(detail.manifest?.attention).toEqual([{ id: String(w.ids.replica), fileName: 'HL_101_anchor_replica.mov', outcome: 'blocked', openRules: expect.arrayContaining(['W-TALENT-REPLICA']) }]);
    expect(w.ctx.db.prepare('SELECT asset_id FROM packet_assets WHERE packet_id = ? ORDER BY asset_id').all(p.id).map((r) => (r as { asset_id: number }).asset_id))
      .toEqual(Object.values(w.ids).sort((a, b) => a - b));
    const pdf = ok(await w.api.getPacketPdf({ id: p.uuid }));
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(ok(await w.api.listPackets({ production: 'HL' })).map((x) => x.id)).toEqual([p.id]);
  });

  it('narrows to one episode and a date range; retired assets are left out', async () => {
    const w = await world();
    ok(await w.api.retireAsset({ id: w.ids.moodboard, reason: 'superseded by v2' }));
    const ep = ok(await w.api.buildPacket({ production: 'HL', episode: '101' }));
    expect(ep.assets).toBe(2);
    expect((await manifestOf(ep.path)).scope.episodes).toEqual(['101']);
    w.clock.advance(3 * 86_400_000);
    ok(await w.api.logAssets({ files: [{ path: w.file('late.png') }], production: 'HL', tool: 'Firefly', by: 'ana', episode: '102' }));
    const dated = ok(await w.api.buildPacket({ production: 'HL', since: '2026-03-12', until: '2026-03-13' }));
    expect(dated).toMatchObject({ assets: 1, since: '2026-03-12', until: '2026-03-13' });
    expect((await manifestOf(dated.path)).assets.map((a) => a.fileName)).toEqual(['late.png']);
  });

  it('refuses bad input, an empty scope and an over-size packet, recording and writing nothing', async () => {
    const w = await world();
    const refused = async (input: Record<string, unknown>, message: RegExp) => {
      const r = await w.api.buildPacket(input as never);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(message);
    };
    await refused({ production: 'NOPE' }, /No production with code "NOPE"/);
    await refused({ production: 'HL', episode: '999' }, /Episode\/reel "999" is not in production HL/);
    await refused({ production: 'HL', since: '2026-02-30' }, /not a real calendar date/);
    await refused({ production: 'HL', since: '2026-03-05', until: '2026-03-01' }, /since 2026-03-05 is after until 2026-03-01/);
    await refused({ production: 'HL', until: '2026-01-01' }, /Nothing to disclose/);
    await refused({ production: 'HL', out: join(w.dir, 'no-such-folder', 'p.zip') }, /does not exist/);
    setSetting(w.ctx.db, 'packet.sizeCapBytes', '2000');
    await refused({ production: 'HL' }, /over the 2\.0 KiB limit.*Split it: build one packet per episode, or cover a shorter date range/);
    expect(packetCount(w.ctx)).toBe(0);
    expect(existsSync(join(w.dir, 'packets')) ? readdirSync(join(w.dir, 'packets')) : []).toEqual([]);
    expect(ok(await w.api.listPackets({}))).toEqual([]);
  });

  it('rebuilds a draft in place from the log as it is now', async () => {
    const w = await world();
    const first = ok(await w.api.buildPacket({ production: 'HL' }));
    const before = readFileSync(first.path);
    w.clock.advance(60_000);
    ok(await w.api.logAssets({ files: [{ path: w.file('new.png') }], production: 'HL', tool: 'Firefly', by: 'ana' }));
    const again = ok(await w.api.rebuildPacket({ id: first.id, by: 'Tom Avery' }));
    expect(again).toMatchObject({ id: first.id, uuid: first.uuid, path: first.path, state: 'draft', assets: 5 });
    expect(again.sha256).not.toBe(first.sha256);
    expect(fileSha(again.path)).toBe(again.sha256);
    expect(sha(before)).toBe(first.sha256);
    expect((await manifestOf(again.path)).assets).toHaveLength(5);
    expect(ok(await w.api.getPacket({ id: first.id })).history.map((e) => e.action)).toEqual(['built', 'rebuilt']);
    expect(readdirSync(join(w.dir, 'packets'))).toEqual([`${first.uuid}.zip`]);
  });
});
