import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeParserThread } from '../../main/provenance';
import { ingestJobEnded } from '../../main/services/ingest/ingest-jobs';
import { ok } from '../support/context';
import { sparseFile, a1111Png, comfyPng, framePng, ingestWorld, write } from './fixtures';

afterAll(closeParserThread);

describe('ingest jobs through the API (what the UI and the CLI poll)', () => {
  it('starts a job, reports progress and returns the logged assets with their frame range', async () => {
    const { ctx, api, dir } = await ingestWorld();
    for (let f = 1; f <= 4; f++) write(dir, `plate_${String(f).padStart(4, '0')}.png`, await framePng(f));
    write(dir, 'ComfyUI_00002_.png', await comfyPng());
    const { jobId } = ok(await api.startIngest({ paths: [dir], production: 'SHOW1', by: 'ana' }));
    await ingestJobEnded(ctx, jobId);
    const done = ok(await api.getIngestJob({ jobId, includeAssets: true }));
    // The sequence names no tool and none was given: reported, not logged; the ComfyUI still names its tool.
    expect(done).toMatchObject({ state: 'done', logged: 1, duplicates: 0, needTool: [`${dir}/plate_####.png`], error: null });
    expect(done.progress).toMatchObject({ phase: 'done', filesTotal: 5, filesDone: 5, itemsTotal: 2 });
    expect(done.assets?.map((a) => [a.fileName, a.tool, a.frameRange])).toEqual([['ComfyUI_00002_.png', 'ComfyUI', null]]);

    const withTool = ok(await api.startIngest({ paths: [dir], production: 'SHOW1', tool: 'LocalSD', by: 'ana' }));
    await ingestJobEnded(ctx, withTool.jobId);
    const second = ok(await api.getIngestJob({ jobId: withTool.jobId, includeAssets: true }));
    expect(second).toMatchObject({ state: 'done', logged: 1, duplicates: 1 });
    expect(second.progress.filesReused).toBe(5); // the first job hashed every file, logged or not
    expect(second.assets?.find((a) => a.frameRange)).toMatchObject({ fileName: 'plate_####.png', frameRange: { first: 1, last: 4 }, tool: 'LocalSD' });
    expect(ok(await api.getIngestJob({ jobId })).assets).toBeUndefined();
  });

  it('checks the request before starting and says what is wrong', async () => {
    const { api, dir } = await ingestWorld();
    expect(await api.startIngest({ paths: [dir], production: 'NOPE' })).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/No production with code "NOPE"/) } });
    expect(await api.startIngest({ paths: [dir], production: 'SHOW1', tool: 'Nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await api.startIngest({ paths: [], production: 'SHOW1' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await api.getIngestJob({ jobId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('cancels a running job: nothing from the unfinished batch is logged; what the scan skipped is still reported', async () => {
    const { ctx, api, dir } = await ingestWorld();
    sparseFile(dir, 'huge.mov', 2 * 1024 * 1024 * 1024);
    write(dir, 'a.png', await a1111Png(2));
    symlinkSync(join(dir, 'gone.png'), join(dir, 'broken-link.png'));
    const { jobId } = ok(await api.startIngest({ paths: [dir], production: 'SHOW1', tool: 'LocalSD', by: 'ana' }));
    for (;;) {
      const s = ok(await api.getIngestJob({ jobId }));
      if (s.progress.bytesDone > 0 || s.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const cancelled = ok(await api.cancelIngest({ jobId }));
    expect(cancelled).toMatchObject({ state: 'cancelled', logged: 0, error: expect.stringMatching(/cancelled/) });
    expect(cancelled.skipped).toEqual([expect.objectContaining({ path: join(dir, 'broken-link.png') })]);
    expect(cancelled.notReached).toBe(2); // a.png and huge.mov: one batch, not committed
    await ingestJobEnded(ctx, jobId);
    expect(ok(await api.listAssets({})).total).toBe(0);
  });
  it('refuses a second job over files a running one is logging, lists the running one with its request, and allows other folders', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    mkdirSync(renders);
    sparseFile(renders, 'huge.mov', 2 * 1024 * 1024 * 1024);
    write(join(dir, 'other'), 'b.png', await a1111Png(3));
    const first = ok(await api.startIngest({ paths: [renders], production: 'SHOW1', tool: 'LocalSD', by: 'ana' }));
    expect(ok(await api.listIngestJobs({}))).toEqual([expect.objectContaining({
      jobId: first.jobId, state: 'running', paths: [renders], request: expect.objectContaining({ paths: [renders], production: 'SHOW1', tool: 'LocalSD' }),
    })]);
    symlinkSync(renders, join(dir, 'renders-link'));
    // The same folder, the folder holding it with its subfolders, a file in it, and the folder by another name.
    for (const [paths, recursive] of [[[renders], false], [[dir], true], [[join(renders, 'huge.mov')], false], [[join(dir, 'renders-link')], false]] as const) {
      expect(await api.startIngest({ paths: [...paths], recursive, production: 'SHOW1', tool: 'LocalSD' })).toMatchObject({
        ok: false, error: { code: 'conflict', message: expect.stringMatching(new RegExp(`^An ingest of ${renders} is already running .*Let it finish or cancel it`)) },
      });
    }
    // The folder holding it without subfolders reads none of its files.
    const parent = ok(await api.startIngest({ paths: [dir], production: 'SHOW1', tool: 'LocalSD' }));
    await ingestJobEnded(ctx, parent.jobId);
    const other = ok(await api.startIngest({ paths: [join(dir, 'other')], production: 'SHOW1', tool: 'LocalSD' }));
    await ingestJobEnded(ctx, other.jobId);
    expect(ok(await api.getIngestJob({ jobId: other.jobId }))).toMatchObject({ state: 'done', logged: 1 });
    ok(await api.cancelIngest({ jobId: first.jobId }));
    expect(ok(await api.listIngestJobs({}))).toEqual([]);
    const again = ok(await api.startIngest({ paths: [join(dir, 'other')], production: 'SHOW1', tool: 'LocalSD' }));
    await ingestJobEnded(ctx, again.jobId);
  });
});
