import { copyFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeParserThread, type ProvenanceRecord } from '../../main/provenance';
import { ingestFolder } from '../../main/services/ingest/folder-ingest';
import { forgetPreviews, previewIdentity, previewedRecord, rememberPreview } from '../../main/services/ingest/previewed-provenance';
import { captureProvenance } from '../../main/services/ingest/provenance-capture';
import { ok } from '../support/context';
import { A1111_PROMPT, a1111Png, ingestWorld, truncatedPng, write } from './fixtures';
import { sharedC2paFixture } from '../provenance/helpers/paths';

afterAll(closeParserThread);
afterEach(forgetPreviews);

/** A record no reader would produce for these files, so a test can tell a reused preview from a fresh read. */
function marked(prompt: string): ProvenanceRecord {
  return {
    c2pa: null, iptc: null, exif: null, comfy: null, errors: [],
    a1111: { prompt, negativePrompt: null, steps: null, sampler: null, cfgScale: null, seed: null, size: null, model: null, modelHash: null, params: {}, raw: prompt },
    summary: { toolHints: [], aiGenerated: true, prompt },
  };
}

describe('provenance read for the log dialog is not read again when the same files are logged', () => {
  it('keeps what the desktop preview read (readFileProvenance) for that exact file', async () => {
    const { api, dir } = await ingestWorld();
    const path = write(dir, 'webui.png', await a1111Png());
    const preview = ok(await api.readFileProvenance({ path }));
    const { path: _path, matchedTool: _tool, mismatches: _mismatches, ...record } = preview;
    expect(await previewedRecord(path)).toEqual(record);
  });

  it('logging uses the previewed record while the file is unchanged', async () => {
    const { ctx, dir } = await ingestWorld();
    const path = write(dir, 'webui.png', await a1111Png());
    rememberPreview(path, await previewIdentity(path), marked('read when it was dropped'));
    const { assets } = await ingestFolder(ctx, { production: 'SHOW1', tool: 'LocalSD', by: 'ana', prompt: '', notes: '', episode: '', recursive: false, paths: [path] });
    expect(assets[0]).toMatchObject({ prompt: 'read when it was dropped' });
  });

  it('reads the file again once it has changed, even with the same size', async () => {
    const { dir } = await ingestWorld();
    const path = write(dir, 'webui.png', await a1111Png());
    rememberPreview(path, await previewIdentity(path), marked('stale'));
    const later = new Date(statSync(path).mtimeMs + 5000);
    utimesSync(path, later, later);
    expect((await captureProvenance(path)).a1111?.prompt).toBe(A1111_PROMPT);
    expect(await previewedRecord(path)).toBeNull();
  });

  it('reads again when a sidecar manifest appears beside the file, and whenever the file is previewed again', async () => {
    const { api, dir } = await ingestWorld();
    const path = write(dir, 'webui.png', await a1111Png());
    rememberPreview(path, await previewIdentity(path), marked('before the sidecar'));
    copyFileSync(sharedC2paFixture('amazon-titan-g1.png'), join(dir, 'webui.c2pa'));
    expect(await previewedRecord(path)).toBeNull();

    rememberPreview(path, await previewIdentity(path), marked('stale'));
    const again = ok(await api.readFileProvenance({ path }));
    expect(again.a1111?.prompt).toBe(A1111_PROMPT);
    expect((await previewedRecord(path))?.a1111?.prompt).toBe(A1111_PROMPT);
  });

  it('forgets a preview after 15 minutes and never keeps a read that reported a problem', async () => {
    const { dir } = await ingestWorld();
    const path = write(dir, 'webui.png', await a1111Png());
    rememberPreview(path, await previewIdentity(path), marked('old'), Date.now() - 16 * 60 * 1000);
    expect(await previewedRecord(path)).toBeNull();

    const broken = write(dir, 'broken.png', await truncatedPng());
    const record = await captureProvenance(broken);
    expect(record.errors.length).toBeGreaterThan(0);
    rememberPreview(broken, await previewIdentity(broken), record);
    expect(await previewedRecord(broken)).toBeNull();
  });

  it('hands out copies: changing a returned record does not change the kept one', async () => {
    const { dir } = await ingestWorld();
    const path = write(dir, 'webui.png', await a1111Png());
    rememberPreview(path, await previewIdentity(path), marked('kept'));
    const first = await previewedRecord(path);
    first!.summary.prompt = 'changed';
    expect((await previewedRecord(path))?.summary.prompt).toBe('kept');
  });
});
