import { request } from 'node:http';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodTable } from '../../main/api/table';
import { startServer, type RunningServer } from '../../main/server/http-server';
import type { ReceivedMedia } from '../../main/server/media-upload';
import { ok, seedCatalog, tempDir, testClient, testContext } from '../support/context';
import { ownStagingDir } from '../../main/services/staged-files';
import { pngWith, tEXt } from '../provenance/helpers/png';

const repoRoot = resolve(import.meta.dirname, '../..');
const A1111 = readFileSync(join(repoRoot, 'test/fixtures/provenance/a1111-parameters.txt'), 'utf8');
const TITAN = resolve(repoRoot, 'test/fixtures/c2pa/amazon-titan-g1.png');

function upload(s: RunningServer, name: string, body: Buffer): Promise<{ status: number; json: { ok: boolean; value: ReceivedMedia } }> {
  return new Promise((done, fail) => {
    const req = request({
      host: '127.0.0.1', port: s.port, path: `/api/upload?name=${encodeURIComponent(name)}`, method: 'POST',
      headers: { host: `127.0.0.1:${s.port}`, authorization: `Bearer ${s.token}`, 'content-type': 'application/octet-stream' },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString()) }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

describe('browser uploads carry their provenance into the log', () => {
  const ctx = testContext();
  const api = testClient(ctx);
  const staticDir = tempDir();
  let s: RunningServer;
  let small: RunningServer;
  const staging = () => { try { return readdirSync(ownStagingDir(ctx.dataDir)); } catch { return []; } };

  beforeAll(async () => {
    await seedCatalog(api);
    ok(await api.addTool({ name: 'AUTOMATIC1111', hosting: 'local' }));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>GenLog</title>');
    s = await startServer({ ctx, table: methodTable, staticDir });
    small = await startServer({ ctx, table: methodTable, staticDir, maxProvenanceSpoolBytes: 1000 });
  });
  afterAll(async () => {
    await s.close();
    await small.close();
  });

  it('a server killed mid-upload leaves a copy no later start keeps: its folder goes when the next server starts', async () => {
    const staging = join(ctx.dataDir, 'staging');
    // Servers of this machine: one that died (a process that has ended) a while ago, one still running, and one whose
    // process is not here but which marked its folder as in use moments ago (another machine of the same name); one
    // of another machine, in use, and one unused for longer than the expiry time; loose files, fresh and old.
    const host = hostname().replace(/[^A-Za-z0-9._]/g, '_');
    const ended = spawnSync(process.execPath, ['-e', '0']).pid!;
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    const dirs = {
      dead: [join(staging, `${host}-${ended}`), minutesAgo(2)],
      live: [join(staging, `${host}-${process.ppid}`), minutesAgo(2)],
      sameName: [join(staging, `${host}-${ended + 100000}`), minutesAgo(0)],
      otherMachine: [join(staging, `render-node-7-${ended}`), minutesAgo(2)],
      abandoned: [join(staging, `render-node-8-${ended}`), minutesAgo(120)],
    } as const;
    for (const [d] of Object.values(dirs)) {
      mkdirSync(d, { recursive: true });
      writeFileSync(join(d, 'half.png'), 'partial upload');
    }
    for (const [d, at] of Object.values(dirs)) utimesSync(d, at, at);
    writeFileSync(join(staging, 'loose-fresh'), 'x');
    writeFileSync(join(staging, 'loose-old'), 'x');
    utimesSync(join(staging, 'loose-old'), minutesAgo(120), minutesAgo(120));
    const again = await startServer({ ctx, table: methodTable, staticDir });
    await again.close();
    expect(existsSync(dirs.dead[0])).toBe(false);
    expect(existsSync(dirs.abandoned[0])).toBe(false);
    for (const kept of [dirs.live, dirs.sameName, dirs.otherMachine]) expect(readdirSync(kept[0])).toEqual(['half.png']);
    expect(existsSync(join(staging, 'loose-fresh'))).toBe(true);
    expect(existsSync(join(staging, 'loose-old'))).toBe(false);
    for (const [d] of [dirs.live, dirs.sameName, dirs.otherMachine]) rmSync(d, { recursive: true });
    rmSync(join(staging, 'loose-fresh'));
  });

  it('reads an A1111 PNG on upload, answers what prefills the form, keeps no bytes, and stores the record on logging', async () => {
    const png = await pngWith([tEXt('parameters', A1111)]);
    const r = await upload(s, 'city_v001.png', png);
    expect(r.status).toBe(200);
    const v = r.json.value;
    expect(v).toMatchObject({ fileName: 'city_v001.png', size: png.length, sha256: createHash('sha256').update(png).digest('hex'), kept: false });
    expect(v.provenance!.summary.prompt).toMatch(/^masterpiece, best quality, \(cyberpunk city street/);
    expect(v.provenance!.summary.model).toBe('realisticVisionV51_v51VAE');
    expect(v.provenance!.a1111!.seed).toBe(3620491582);
    expect(v.provenance!.matchedTool).toBe('AUTOMATIC1111');
    expect(v.provenance!.summary.aiGenerated).toBe(true);
    expect(v.provenance!.mismatches).toEqual([]);
    expect(staging()).toEqual([]);

    const [asset] = ok(await api.logAssets({ files: [{ stagedId: v.stagedId }], production: 'SHOW1', tool: 'AUTOMATIC1111', by: 'Ana' }));
    expect(asset!.prompt).toBe(v.provenance!.summary.prompt);
    expect(asset!.notes).toBe('Model: realisticVisionV51_v51VAE');
    expect(asset!.path).toBe('');
    const detail = ok(await api.getAsset({ id: asset!.id }));
    expect(detail.provenance?.record.a1111?.model).toBe('realisticVisionV51_v51VAE');
    expect(detail.provenance?.aiGenerated).toBe(true);
    expect(detail.provenance?.errors).toEqual([]);
    // The bytes were there only during the upload: the thumbnail was made then, and the table can show it.
    const thumb = ok(await api.getThumbnail({ id: asset!.id }));
    expect(thumb.dataUrl).toMatch(/^data:image\/webp;base64,/);
  });

  it('stores the same record as logging the file by path (C2PA PNG from Amazon Titan)', async () => {
    const bytes = readFileSync(TITAN);
    const r = await upload(s, 'amazon-titan-g1.png', bytes);
    const v = r.json.value;
    expect(v.provenance!.c2pa!.validation.state).toBe('untrusted');
    expect(v.provenance!.c2pa!.signer).toBe('Amazon Web Services, Inc.');
    const [byUpload] = ok(await api.logAssets({ files: [{ stagedId: v.stagedId }], production: 'SHOW1', tool: 'Firefly' }));
    ok(await api.addProduction({ code: 'SHOW2', title: 'Other', contactEmail: 'a@netflix.com' }));
    const [byPath] = ok(await api.logAssets({ files: [{ path: TITAN }], production: 'SHOW2', tool: 'Firefly' }));
    const a = ok(await api.getAsset({ id: byUpload!.id })).provenance;
    const b = ok(await api.getAsset({ id: byPath!.id })).provenance;
    expect(a?.record).toEqual(b?.record);
    expect(a?.digitalSourceType).toBe('trainedAlgorithmicMedia');
    expect(byUpload!.createdAt).toBe(byPath!.createdAt);
  });

  it('does not copy files that carry no provenance, and says why a file too large to copy was not read', async () => {
    const r = await upload(s, 'notes.wav', Buffer.from('RIFF....WAVEfmt '));
    expect(r.json.value.provenance).toBeNull();
    const [wav] = ok(await api.logAssets({ files: [{ stagedId: r.json.value.stagedId }], production: 'SHOW1', tool: 'Firefly' }));
    expect(ok(await api.getAsset({ id: wav!.id })).provenance).toBeNull();
    expect(ok(await api.getThumbnail({ id: wav!.id })).reason).toMatch(/browser/);
    const big = await pngWith([tEXt('parameters', A1111)], { width: 64 });
    const over = await upload(small, 'big.png', Buffer.concat([big, Buffer.alloc(2000)]));
    expect(over.json.value.provenance!.errors[0]).toMatch(/larger than .* provenance was not read/);
    expect(over.json.value.size).toBe(big.length + 2000);
    expect(staging()).toEqual([]);
    const [asset] = ok(await api.logAssets({ files: [{ stagedId: over.json.value.stagedId }], production: 'SHOW1', tool: 'Firefly' }));
    expect(ok(await api.getAsset({ id: asset!.id })).provenance?.errors[0]).toMatch(/desktop app/);
  });

  it('records a truncated PNG as a provenance error and still logs the asset', async () => {
    const png = await pngWith([tEXt('parameters', A1111)]);
    const r = await upload(s, 'cut.png', png.subarray(0, 60));
    expect(r.json.value.provenance!.errors.length).toBeGreaterThan(0);
    const [asset] = ok(await api.logAssets({ files: [{ stagedId: r.json.value.stagedId }], production: 'SHOW1', tool: 'Firefly' }));
    expect(ok(await api.getAsset({ id: asset!.id })).provenance?.errors.length).toBeGreaterThan(0);
  });
});
