import { afterAll, describe, expect, it } from 'vitest';
import { closeParserThread } from '../../main/provenance';
import { ingestFolder } from '../../main/services/ingest/folder-ingest';
import { ok } from '../support/context';
import {
  A1111_PROMPT, COMFY_PROMPT, IPTC_PROMPT, a1111Png, captureJpeg, comfyPng, copyTitan, ingestWorld, iptcJpeg, truncatedPng, write,
} from './fixtures';

afterAll(closeParserThread);

const base = { production: 'SHOW1', by: 'ana', prompt: '', notes: '', episode: '', recursive: false };

describe('provenance prefills assets logged without typing', () => {
  it('fills prompt, tool, model and created time from A1111, ComfyUI, C2PA (Titan) and IPTC files', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const files = [
      write(dir, 'webui.png', await a1111Png()),
      write(dir, 'ComfyUI_00001_.png', await comfyPng()),
      copyTitan(dir),
      write(dir, 'firefly.jpg', await iptcJpeg()),
    ];
    const { assets, needTool } = await ingestFolder(ctx, { ...base, paths: files });
    expect(needTool).toEqual([]);
    const [webui, comfy, titan, firefly] = assets;
    expect(webui).toMatchObject({ tool: 'Automatic1111', prompt: A1111_PROMPT, notes: 'Model: realisticVisionV51_v51VAE', duplicate: false });
    expect(comfy).toMatchObject({ tool: 'ComfyUI', prompt: COMFY_PROMPT, notes: 'Model: v1-5-pruned-emaonly.safetensors' });
    expect(titan).toMatchObject({ tool: 'Amazon Titan Image Generator', createdAt: '2024-09-25T08:29:07.629Z' });
    expect(firefly).toMatchObject({ tool: 'Firefly', prompt: IPTC_PROMPT, createdAt: '2025-03-14T14:09:26.000Z' });

    const detail = ok(await api.getAsset({ id: titan!.id }));
    expect(detail.provenance).toMatchObject({ aiGenerated: true, digitalSourceType: 'trainedAlgorithmicMedia', mismatches: [], errors: [] });
    expect(detail.provenance?.record.c2pa?.validation.state).toBe('untrusted');
    expect(detail.provenance?.record.c2pa?.actions[0]?.softwareAgent).toBe('Titan Image Generator G1');
  });

  it('logAssets (files with a tool given) stores provenance and prefills only what the artist left empty', async () => {
    const { api, dir } = await ingestWorld();
    const [typed] = ok(await api.logAssets({ files: [{ path: write(dir, 'a.png', await a1111Png(1)) }], production: 'SHOW1', tool: 'LocalSD', prompt: 'my own words' }));
    expect(typed).toMatchObject({ tool: 'LocalSD', prompt: 'my own words', notes: 'Model: realisticVisionV51_v51VAE' });
    const [blank] = ok(await api.logAssets({ files: [{ path: write(dir, 'f.jpg', await iptcJpeg()) }], production: 'SHOW1', tool: 'LocalSD' }));
    expect(blank).toMatchObject({ tool: 'LocalSD', prompt: IPTC_PROMPT, createdAt: '2025-03-14T14:09:26.000Z' });
    const detail = ok(await api.getAsset({ id: blank!.id }));
    expect(detail.provenance?.record.iptc?.aiSystemUsed).toBe('Adobe Firefly');
    expect(detail.history.map((e) => e.action)).toEqual(['logged']);
  });

  it('logs a malformed file anyway and keeps the provenance error on the asset', async () => {
    const { api, dir } = await ingestWorld();
    const [asset] = ok(await api.logAssets({ files: [{ path: write(dir, 'broken.png', await truncatedPng()) }], production: 'SHOW1', tool: 'LocalSD' }));
    const detail = ok(await api.getAsset({ id: asset!.id }));
    expect(detail.provenance?.errors.length).toBeGreaterThan(0);
    expect(detail.provenance?.errors.join(' ')).toMatch(/chunk|truncat|end of the file/i);
    expect(detail.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records a mismatch when a digitalCapture file is logged as generated', async () => {
    const { api, dir } = await ingestWorld();
    const [asset] = ok(await api.logAssets({ files: [{ path: write(dir, 'plate.jpg', await captureJpeg()) }], production: 'SHOW1', tool: 'LocalSD' }));
    const detail = ok(await api.getAsset({ id: asset!.id }));
    expect(detail.provenance).toMatchObject({ aiGenerated: false, digitalSourceType: 'digitalCapture' });
    expect(detail.provenance?.mismatches).toEqual([expect.stringMatching(/digitalCapture.*logged as a generative-AI asset/)]);
  });

  it('leaves out files that name no listed tool when none is given, and says which', async () => {
    const { ctx, dir } = await ingestWorld();
    const plain = write(dir, 'plain.txt', 'no metadata here');
    const { assets, needTool } = await ingestFolder(ctx, { ...base, paths: [plain, write(dir, 'c.png', await comfyPng())] });
    expect(assets.map((a) => a.tool)).toEqual(['ComfyUI']);
    expect(needTool).toEqual([plain]);
  });

  it('reads a file on request: the record, the listed tool it names and mismatches', async () => {
    const { api, dir } = await ingestWorld();
    const read = ok(await api.readFileProvenance({ path: write(dir, 'plate.jpg', await captureJpeg()) }));
    expect(read).toMatchObject({ matchedTool: null, summary: { aiGenerated: false }, mismatches: [expect.stringMatching(/digitalCapture/)] });
    expect(ok(await api.readFileProvenance({ path: copyTitan(dir) })).matchedTool).toBe('Amazon Titan Image Generator');
    expect(await api.readFileProvenance({ path: `${dir}/missing.png` })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/does not exist/) } });
  });
});
