import { appendFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAIN_KEY_FILE, PROTECTED_KEY_FILE, verifyPacket } from '../../main/packet';
import { createContext } from '../../main/app-context';
import { ok, testClient } from '../support/context';
import { fileSha, manifestOf, world, xorProtector } from './fixture';

describe('approvePacket', () => {
  it('re-signs the reviewed draft with the approver, records its sha256 and queues it; it is frozen from then on', async () => {
    const w = await world();
    const draft = ok(await w.api.buildPacket({ production: 'HL' }));
    const draftManifest = await manifestOf(draft.path);
    w.clock.advance(3_600_000);
    const approved = ok(await w.api.approvePacket({ id: draft.id, by: 'Tom Avery' }));
    expect(approved).toMatchObject({ id: draft.id, state: 'queued', approvedBy: 'Tom Avery', approvedAt: '2026-03-10T11:00:00.000Z', assets: 4 });
    expect(approved.sha256).not.toBe(draft.sha256);
    expect(fileSha(approved.path)).toBe(approved.sha256);
    expect(statSync(approved.path).size).toBe(approved.size);
    const m = await manifestOf(approved.path);
    expect(m).toEqual({ ...draftManifest, approvedBy: 'Tom Avery', approvedAt: '2026-03-10T11:00:00.000Z' });
    expect(await verifyPacket(approved.path)).toEqual({ valid: true, problems: [] });
    expect(ok(await w.api.getPacket({ id: draft.id })).history.map((e) => [e.action, e.from, e.to, e.by])).toEqual([
      ['built', null, 'draft', 'tester'], ['approved', 'draft', 'approved', 'Tom Avery'], ['queued', 'approved', 'queued', 'Tom Avery'],
    ]);

    // Frozen: no rebuild, no second approval, the trigger refuses direct edits, later log changes never touch it.
    expect(await w.api.rebuildPacket({ id: draft.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/frozen.*supersede/) } });
    expect(await w.api.approvePacket({ id: draft.id, by: 'X' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(() => w.ctx.db.prepare("UPDATE packets SET counts = '{}' WHERE id = ?").run(draft.id)).toThrow(/frozen/);
    expect(() => w.ctx.db.prepare('DELETE FROM packet_assets WHERE packet_id = ?').run(draft.id)).toThrow(/frozen/);
    ok(await w.api.markAsset({ id: w.ids.moodboard, classification: 'deliverable', reason: 'now in the cut' }));
    ok(await w.api.retireAsset({ id: w.ids.ep2, reason: 'cut' }));
    const after = ok(await w.api.getPacket({ id: draft.id }));
    expect(after).toMatchObject({ sha256: approved.sha256, assets: 4, counts: approved.counts, file: 'intact' });
    expect(await manifestOf(approved.path)).toEqual(m);
  });

  it('refuses a draft whose file changed on disk since it was built', async () => {
    const w = await world();
    const draft = ok(await w.api.buildPacket({ production: 'HL' }));
    appendFileSync(draft.path, 'x');
    const r = await w.api.approvePacket({ id: draft.id, by: 'Tom' });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/changed on disk.*Rebuild the draft/) } });
    expect(ok(await w.api.getPacket({ id: draft.id }))).toMatchObject({ state: 'draft', file: 'changed', approvedAt: null, manifest: null });
  });
});

describe('supersede chain', () => {
  it('a new build of the same production and scope supersedes the latest approved one, never a draft or another scope', async () => {
    const w = await world();
    const a = ok(await w.api.buildPacket({ production: 'HL' }));
    ok(await w.api.approvePacket({ id: a.id, by: 'Tom' }));
    const b = ok(await w.api.buildPacket({ production: 'HL' }));
    const c = ok(await w.api.buildPacket({ production: 'HL' }));
    const ep = ok(await w.api.buildPacket({ production: 'HL', episode: '101' }));
    expect([b.supersedes, c.supersedes, ep.supersedes]).toEqual([a.id, a.id, null]);
    expect((await manifestOf(b.path)).supersedes).toBe(a.uuid);
    expect(ok(await w.api.getPacket({ id: a.id })).supersededBy).toBe(b.id);

    // c is approved first; b was built before that, so approving it as it is would hide c: it must be rebuilt.
    ok(await w.api.approvePacket({ id: c.id, by: 'Tom' }));
    expect(await w.api.approvePacket({ id: b.id, by: 'Tom' })).toMatchObject({
      ok: false, error: { code: 'conflict', message: expect.stringMatching(new RegExp(`Packet ${c.id} .* approved after this draft was built. Rebuild this draft \\(its Rebuild button\\) so it supersedes`)) },
    });
    const rebuilt = ok(await w.api.rebuildPacket({ id: b.id }));
    expect(rebuilt.supersedes).toBe(c.id);
    const final = ok(await w.api.approvePacket({ id: b.id, by: 'Tom' }));
    expect((await manifestOf(final.path)).supersedes).toBe(c.uuid);
  });
});

describe('facility key', () => {
  it('is a 0600 PEM file without a protector, and its fingerprint is in settings and every packet', async () => {
    const w = await world();
    const settings = ok(await w.api.getPacketSettings({}));
    expect(settings.facilityKey).toMatchObject({ fingerprint: expect.stringMatching(/^SHA256:[0-9a-f]{4}( [0-9a-f]{4}){15}$/), protected: false, problem: null });
    expect(statSync(join(w.dir, PLAIN_KEY_FILE)).mode & 0o777).toBe(0o600);
    const p = ok(await w.api.buildPacket({ production: 'HL' }));
    expect((await manifestOf(p.path)).signingKeyFingerprint).toBe(settings.facilityKey.fingerprint);
  });

  it('is encrypted by the protector in the app; a CLI without it is told to use the desktop app, writing nothing', async () => {
    const w = await world({ protector: xorProtector });
    const p = ok(await w.api.buildPacket({ production: 'HL' }));
    expect(existsSync(join(w.dir, PROTECTED_KEY_FILE))).toBe(true);
    expect(existsSync(join(w.dir, PLAIN_KEY_FILE))).toBe(false);
    expect(readFileSync(join(w.dir, PROTECTED_KEY_FILE), 'latin1')).not.toContain('PRIVATE KEY');
    expect(ok(await w.api.getPacketSettings({})).facilityKey).toMatchObject({ protected: true, problem: null });

    const cli = createContext({ dbPath: w.ctx.dbPath, transport: 'cli', actor: 'cli-user' });
    const api = testClient(cli);
    for (const r of [await api.buildPacket({ production: 'HL' }), await api.approvePacket({ id: p.id, by: 'Tom' })]) {
      expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/protected by the GenLog desktop app.*Build and approve packets in the desktop app/) } });
    }
    expect(ok(await api.getPacketSettings({})).facilityKey).toMatchObject({ fingerprint: null, protected: true });
    expect(ok(await api.listPackets({})).map((x) => [x.id, x.state])).toEqual([[p.id, 'draft']]);
    expect(existsSync(join(w.dir, PLAIN_KEY_FILE))).toBe(false);
    cli.db.close();
  });
});
