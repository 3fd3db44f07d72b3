import { chmodSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { METHOD_NAMES } from '../../main/api/method-names';
import { apiTable } from '../../main/api/table';
import { ok, seedCatalog, tempDir, testClient, testContext, writeFile } from '../support/context';

function setup() {
  const ctx = testContext();
  return { ctx, api: testClient(ctx), dir: tempDir() };
}

describe('API table', () => {
  it('lists exactly the methods the preload and HTTP clients are generated from', () => {
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(apiTable).sort());
  });

  it('refuses unknown methods and malformed payloads with an error envelope, not a throw', async () => {
    const { api, ctx } = setup();
    const { dispatch } = await import('../../main/api/dispatch');
    const { methodTable } = await import('../../main/api/table');
    expect(await dispatch(methodTable, ctx, 'dropTables', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await dispatch(methodTable, ctx, 'toString', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const bad = await api.addProduction({ code: 'bad code!', title: '', contactEmail: 'x' } as never);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/code: .*title: title is required.*contactEmail/);
    expect(ok(await api.listProductions({}))).toEqual([]);
  });
});

describe('productions and tools', () => {
  it('adds, lists and edits, refusing duplicates', async () => {
    const { api } = setup();
    await seedCatalog(api);
    const [p] = ok(await api.listProductions({}));
    expect(p).toMatchObject({ code: 'SHOW1', contactEmail: 'amy@netflix.com', vendor: 'Pixel Works', episodes: ['E101', 'E102'] });
    expect(await api.addProduction({ code: 'show1', title: 'Again', contactEmail: 'a@b.co' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const edited = ok(await api.editProduction({ id: p!.id, code: 'SHOW1', title: 'New title', contactEmail: 'bo@netflix.com', episodes: [] }));
    expect(edited.title).toBe('New title');
    const tool = ok(await api.addTool({ name: 'Midjourney' }));
    expect(tool).toMatchObject({ hosting: 'unsure', enterprise: 'no', trainsOnInputs: 'unsure', retainsData: 'unsure' });
    expect(await api.addTool({ name: 'midjourney' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await api.addTool({ name: 'X', hosting: 'mars' as never })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('logging assets', () => {
  it('hashes files, records size and media type, defaults to temporary, and writes a history event', async () => {
    const { api, dir } = setup();
    await seedCatalog(api);
    const content = Buffer.alloc(5 * 1024 * 1024 + 3, 7);
    const f = writeFile(dir, 'castle.exr', content);
    const [a] = ok(await api.logAssets({ files: [{ path: f }], production: 'SHOW1', tool: 'Firefly', by: 'ana', prompt: 'a castle', episode: 'E101' }));
    expect(a).toMatchObject({
      production: 'SHOW1', episode: 'E101', fileName: 'castle.exr', path: f, size: content.length, mediaType: 'image',
      classification: 'temporary', tool: 'Firefly', createdBy: 'ana', prompt: 'a castle', retired: false, duplicate: false,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
    const shown = ok(await api.getAsset({ id: a!.id }));
    expect(shown.history).toEqual([expect.objectContaining({ by: 'ana', action: 'logged' })]);
  });

  it('returns the existing asset when the same content is logged again in the same production', async () => {
    const { api, dir } = setup();
    await seedCatalog(api);
    const f1 = writeFile(dir, 'a.png', 'same bytes');
    const f2 = writeFile(dir, 'copy-of-a.png', 'same bytes');
    const [first] = ok(await api.logAssets({ files: [{ path: f1 }], production: 'SHOW1', tool: 'Firefly' }));
    const [again] = ok(await api.logAssets({ files: [{ path: f2 }], production: 'SHOW1', tool: 'Firefly' }));
    expect(again).toMatchObject({ id: first!.id, duplicate: true, fileName: 'a.png' });
    expect(ok(await api.listAssets({})).total).toBe(1);
    ok(await api.addProduction({ code: 'SHOW2', title: 'Other', contactEmail: 'x@netflix.com' }));
    const [other] = ok(await api.logAssets({ files: [{ path: f2 }], production: 'SHOW2', tool: 'Firefly' }));
    expect(other!.duplicate).toBe(false);
  });

  it('logs all files or none: one unreadable file leaves the log untouched', async () => {
    const { api, dir } = setup();
    await seedCatalog(api);
    const good = writeFile(dir, 'good.png', 'ok');
    const locked = writeFile(dir, 'locked.png', 'secret');
    chmodSync(locked, 0o000);
    const missing = `${dir}/missing.png`;
    for (const bad of [missing, dir]) {
      const r = await api.logAssets({ files: [{ path: good }, { path: bad }], production: 'SHOW1', tool: 'Firefly' });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toContain(bad);
    }
    if (process.getuid?.() !== 0) expect((await api.logAssets({ files: [{ path: locked }], production: 'SHOW1', tool: 'Firefly' })).ok).toBe(false);
    expect(ok(await api.listAssets({})).total).toBe(0);
  });

  it('refuses unknown productions, tools and episodes with a clear message', async () => {
    const { api, dir } = setup();
    await seedCatalog(api);
    const f = writeFile(dir, 'a.png', 'x');
    expect(await api.logAssets({ files: [{ path: f }], production: 'NOPE', tool: 'Firefly' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/No production with code "NOPE"/) } });
    expect(await api.logAssets({ files: [{ path: f }], production: 'SHOW1', tool: 'Dall-E' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/No AI tool named "Dall-E"/) } });
    expect(await api.logAssets({ files: [{ path: f }], production: 'SHOW1', tool: 'Firefly', episode: 'E999' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/E999.*E101, E102/) } });
  });
});

describe('changing assets', () => {
  async function logged() {
    const s = setup();
    await seedCatalog(s.api);
    ok(await s.api.addTool({ name: 'ComfyUI', hosting: 'local' }));
    const [a] = ok(await s.api.logAssets({ files: [{ path: writeFile(s.dir, 'a.png', 'a') }], production: 'SHOW1', tool: 'Firefly', by: 'ana', prompt: 'p1' }));
    return { ...s, id: a!.id };
  }

  it('re-tags with a required reason and records who, when, old and new', async () => {
    const { api, id } = await logged();
    expect(await api.markAsset({ id, classification: 'deliverable', reason: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    ok(await api.markAsset({ id, classification: 'deliverable', reason: 'client approved the look', by: 'bob' }));
    expect(await api.markAsset({ id, classification: 'deliverable', reason: 'again' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    ok(await api.markAsset({ id, classification: 'temporary', reason: 'back to temp' }));
    const h = ok(await api.getAsset({ id })).history;
    expect(h.slice(1)).toEqual([
      expect.objectContaining({ by: 'bob', action: 'classified', field: 'classification', from: 'temporary', to: 'deliverable', reason: 'client approved the look' }),
      expect.objectContaining({ by: 'tester', action: 'classified', from: 'deliverable', to: 'temporary', reason: 'back to temp' }),
    ]);
  });

  it('edits fields as one change with an event per field, and refuses bad edits without writing', async () => {
    const { api, id } = await logged();
    ok(await api.editAsset({ id, changes: { prompt: 'p2', notes: 'n', tool: 'ComfyUI', episode: 'E102' }, by: 'cy' }));
    const a = ok(await api.getAsset({ id }));
    expect(a).toMatchObject({ prompt: 'p2', notes: 'n', tool: 'ComfyUI', episode: 'E102' });
    expect(a.history.filter((e) => e.action === 'edited').map((e) => [e.field, e.from, e.to])).toEqual([
      ['episode', '', 'E102'], ['prompt', 'p1', 'p2'], ['notes', '', 'n'], ['tool', 'Firefly', 'ComfyUI'],
    ]);
    expect((await api.editAsset({ id, changes: { prompt: 'p3', tool: 'Nope' } })).ok).toBe(false);
    expect(ok(await api.getAsset({ id })).prompt).toBe('p2');
    expect(ok(await api.listAssets({ search: 'p2' })).total).toBe(1);
  });

  it('retires with a reason; retired assets stay listed, are frozen, and can be filtered', async () => {
    const { api, id } = await logged();
    ok(await api.retireAsset({ id, reason: 'wrong shot', by: 'bob' }));
    expect(await api.retireAsset({ id, reason: 'again' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await api.markAsset({ id, classification: 'deliverable', reason: 'x' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/retired/) } });
    expect(ok(await api.listAssets({})).rows[0]).toMatchObject({ id, retired: true, retiredReason: 'wrong shot' });
    expect(ok(await api.listAssets({ retired: 'exclude' })).total).toBe(0);
    expect(ok(await api.listAssets({ retired: 'only' })).total).toBe(1);
  });
});

describe('browsing', () => {
  it('filters by every field, searches text, sorts and pages', async () => {
    let t = Date.parse('2026-03-01T10:00:00Z');
    const ctx = testContext({ now: () => new Date((t += 86_400_000)) });
    const api = testClient(ctx);
    const dir = tempDir();
    await seedCatalog(api);
    ok(await api.addTool({ name: 'Runway', hosting: 'public-cloud' }));
    const log = async (name: string, tool: string, by: string, prompt: string, cls: 'temporary' | 'deliverable' = 'temporary') =>
      ok(await api.logAssets({ files: [{ path: writeFile(dir, name, name) }], production: 'SHOW1', tool, by, prompt, classification: cls }));
    await log('dragon.png', 'Firefly', 'ana', 'red dragon over harbour');
    const [crowd] = await log('crowd.mov', 'Runway', 'bob', 'stadium crowd', 'deliverable');
    const crowdDay = crowd!.createdAt.slice(0, 10);
    await log('voice.wav', 'Runway', 'ana', 'narrator voice');
    const names = async (q: Record<string, unknown>) => ok(await api.listAssets(q)).rows.map((r) => r.fileName);
    expect(await names({})).toEqual(['voice.wav', 'crowd.mov', 'dragon.png']);
    expect(await names({ sort: 'fileName', direction: 'asc' })).toEqual(['crowd.mov', 'dragon.png', 'voice.wav']);
    expect(await names({ classification: 'deliverable' })).toEqual(['crowd.mov']);
    expect(await names({ mediaType: 'audio' })).toEqual(['voice.wav']);
    expect(await names({ tool: 'Runway' })).toEqual(['voice.wav', 'crowd.mov']);
    expect(await names({ artist: 'ANA' })).toEqual(['voice.wav', 'dragon.png']);
    expect(await names({ from: crowdDay, to: crowdDay })).toEqual(['crowd.mov']);
    expect(await names({ search: 'harb' })).toEqual(['dragon.png']);
    expect(await names({ search: 'runway' })).toEqual(['voice.wav', 'crowd.mov']);
    expect(await names({ search: 'bob' })).toEqual(['crowd.mov']);
    expect(await names({ search: '"AND OR NEAR(' })).toEqual([]);
    expect(await names({ limit: 1, offset: 1 })).toEqual(['crowd.mov']);
    expect(await api.listAssets({ from: '2026-02-30' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not a real calendar date/) } });
    expect(await api.listAssets({ production: 'NOPE' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
