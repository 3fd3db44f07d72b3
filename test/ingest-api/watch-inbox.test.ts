import { appendFileSync, copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeParserThread } from '../../main/provenance';
import { FileReadError, createHashPool, type HashPool } from '../../main/ingest';
import { SETTLED_BY_SCAN, catchUpWatch } from '../../main/services/ingest/catch-up';
import { removeGoneDrafts } from '../../main/services/ingest/gone-drafts';
import { ingestFolder } from '../../main/services/ingest/folder-ingest';
import { createLimiter } from '../../main/services/ingest/limiter';
import { getWatchFolder } from '../../db/watch-folders';
import { ok, seedCatalog, tempDir, testClient, testContext } from '../support/context';
import { a1111Png, comfyPng, copyTitan, framePng, ingestWorld, rendersAndSidecarPair, write } from './fixtures';

afterAll(closeParserThread);

function countingEnv(ctx: Awaited<ReturnType<typeof ingestWorld>>['ctx']) {
  const real = createHashPool({ concurrency: 2 });
  const hashed: string[] = [];
  const pool: Pick<HashPool, 'hash'> = { hash: (path, o) => { hashed.push(path); return real.hash(path, o); } };
  return { env: { ctx, pool, readLimit: createLimiter(4) }, hashed, close: () => real.close() };
}

describe('watch folders', () => {
  it('adds, lists, pauses and removes watch folders, refusing what cannot work', async () => {
    const { api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    write(renders, 'keep.txt', 'x');
    const w = ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'ComfyUI', artist: 'ana', include: ['*.png', '*.exr'], exclude: ['cache/**'] }));
    expect(w).toMatchObject({ path: renders, production: 'SHOW1', tool: 'ComfyUI', artist: 'ana', classification: 'temporary', recursive: true, enabled: true, include: ['*.png', '*.exr'], exclude: ['cache/**'] });
    expect(await api.addWatchFolder({ path: renders, production: 'SHOW1' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await api.addWatchFolder({ path: join(renders, 'sub'), production: 'SHOW1' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/does not exist/) } });
    write(renders, 'sub/x.txt', 'x');
    expect(await api.addWatchFolder({ path: join(renders, 'sub'), production: 'SHOW1' })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/already watched by watch folder/) } });
    expect(await api.addWatchFolder({ path: join(renders, 'keep.txt'), production: 'SHOW1' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/is a file, not a folder/) } });
    // A link to the watched folder, or into it, is the same files: each would reach the inbox twice.
    symlinkSync(renders, join(dir, 'renders-link'));
    expect(await api.addWatchFolder({ path: join(dir, 'renders-link'), production: 'SHOW1', recursive: false }))
      .toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/renders-link is the same folder as watch folder \d+ \(.*renders\)/) } });
    symlinkSync(join(renders, 'sub'), join(dir, 'sub-link'));
    expect(await api.addWatchFolder({ path: join(dir, 'sub-link'), production: 'SHOW1' })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/already watched by watch folder/) } });
    expect(await api.addWatchFolder({ path: dir, production: 'NOPE' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // An exclude list that leaves out every file would make a watch that never drafts anything.
    for (const glob of ['**', '*', '**/*', '*.*']) {
      expect(await api.addWatchFolder({ path: dir, production: 'SHOW1', recursive: false, exclude: ['*.tmp', glob] }))
        .toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining(`"${glob}" leaves out every file`) } });
    }
    expect(ok(await api.enableWatchFolder({ id: w.id, enabled: false })).enabled).toBe(false);
    expect(ok(await api.listWatchFolders({}))).toHaveLength(1);
    expect(ok(await api.removeWatchFolder({ id: w.id })).id).toBe(w.id);
    expect(ok(await api.listWatchFolders({}))).toEqual([]);
    // Leaving out all but the names starting with one letter is not leaving out everything, whichever the letter.
    for (const [i, glob] of ['[!s]*', '[!q]*', '[!0-9]*'].entries()) {
      mkdirSync(join(dir, `kept${i}`));
      expect(ok(await api.addWatchFolder({ path: join(dir, `kept${i}`), production: 'SHOW1', exclude: [glob] })).exclude).toEqual([glob]);
    }
  });

  it('a C2PA sidecar written after its image was drafted, with no watcher running, is read when the draft is confirmed', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const { renders, asset, sidecar } = rendersAndSidecarPair(dir);
    copyFileSync(asset, join(renders, 'icon.jpg'));
    const w = ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'LocalSD' }));
    const { env, close } = countingEnv(ctx);
    try {
      const [draft] = (await catchUpWatch(env, getWatchFolder(ctx.db, w.id)!)).found;
      expect(draft?.provenance?.c2pa ?? null).toBeNull();
      copyFileSync(sidecar, join(renders, 'icon.jpg.c2pa'));
      const logged = ok(await api.confirmInbox({ id: draft!.id })).asset;
      const shown = ok(await api.getAsset({ id: logged.id }));
      expect(shown.provenance?.record?.c2pa).toMatchObject({ source: 'sidecar', validation: { state: 'untrusted' } });
      // Drafted with its sidecar, which is then removed while no watcher runs: logged without it.
      // In a folder of its own: a folder's sidecar names are kept for two seconds after it is listed.
      mkdirSync(join(renders, 'later'));
      // Other content (the icon is logged already): its sidecar no longer matches it, and says so.
      writeFileSync(join(renders, 'later', 'other.jpg'), Buffer.concat([readFileSync(asset), Buffer.from([0])]));
      copyFileSync(sidecar, join(renders, 'later', 'other.jpg.c2pa'));
      const [withSidecar] = (await catchUpWatch(env, getWatchFolder(ctx.db, w.id)!)).found;
      expect(withSidecar?.provenance?.c2pa).toMatchObject({ state: 'invalid' });
      rmSync(join(renders, 'later', 'other.jpg.c2pa'));
      const other = ok(await api.confirmInbox({ id: withSidecar!.id })).asset;
      expect(ok(await api.getAsset({ id: other.id })).provenance?.record?.c2pa ?? null).toBeNull();
    } finally {
      await close();
    }
  });

  it('a C2PA sidecar that came, changed or went while no watcher ran has its draft read again by the next scan, once', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const { renders, asset, sidecar } = rendersAndSidecarPair(dir);
    copyFileSync(asset, join(renders, 'icon.jpg'));
    const w = ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'LocalSD' }));
    const { env, hashed, close } = countingEnv(ctx);
    const scan = () => catchUpWatch(env, getWatchFolder(ctx.db, w.id)!);
    try {
      const [draft] = (await scan()).found;
      expect(draft?.provenance?.c2pa ?? null).toBeNull();
      // Copied with its old times kept (cp -p, rsync -t): still new to the draft.
      copyFileSync(sidecar, join(renders, 'icon.jpg.c2pa'));
      utimesSync(join(renders, 'icon.jpg.c2pa'), new Date(2020, 0, 1), new Date(2020, 0, 1));
      const came = await scan();
      expect(came.found).toMatchObject([{ fileName: 'icon.jpg', provenance: { c2pa: { state: 'untrusted' } } }]);
      expect(came.replaced).toEqual([{ id: draft!.id, by: came.found[0]!.id, sameFiles: true }]);
      expect(hashed.filter((p) => p.endsWith('icon.jpg'))).toHaveLength(1);
      // Nothing changed since: the next scans leave the draft as it is.
      expect((await scan()).found).toEqual([]);
      rmSync(join(renders, 'icon.jpg.c2pa'));
      const went = await scan();
      expect(went.found).toHaveLength(1);
      expect(went.found[0]!.provenance?.c2pa ?? null).toBeNull();
      expect(went.replaced).toMatchObject([{ id: came.found[0]!.id }]);
      expect((await scan()).found).toEqual([]);
      // A sidecar there when the file was drafted, damaged, gives nothing: it is not read again at every scan.
      writeFileSync(join(renders, 'broken.jpg.c2pa'), 'not a manifest');
      copyFileSync(asset, join(renders, 'broken.jpg'));
      expect((await scan()).found.map((i) => i.fileName)).toEqual(['broken.jpg']);
      expect((await scan()).found).toEqual([]);
      expect(ok(await api.listInbox({})).rows.map((i) => i.fileName).sort()).toEqual(['broken.jpg', 'icon.jpg']);
    } finally {
      await close();
    }
  });

  it('a file at a frame number a waiting draft holds, its extension spelled otherwise, is drafted on its own, not as that draft\'s frame', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    for (const [f, ext] of [[1, 'png'], [2, 'PNG'], [3, 'png'], [4, 'PNG']] as const) write(renders, `n.000${f}.${ext}`, await framePng(f));
    const w = ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'LocalSD' }));
    const { env, close } = countingEnv(ctx);
    try {
      const [sequence] = (await catchUpWatch(env, getWatchFolder(ctx.db, w.id)!)).found;
      expect(sequence).toMatchObject({ fileName: 'n.####.png', frameRange: { first: 1, last: 4 }, frameCount: 4 });
      write(renders, 'n.0001.PNG', await framePng(9));
      const next = await catchUpWatch(env, getWatchFolder(ctx.db, w.id)!);
      expect(next.found).toMatchObject([{ kind: 'file', fileName: 'n.0001.PNG', frameRange: null }]);
      expect(next.replaced).toEqual([]);
      expect(ok(await api.listInbox({})).rows.map((i) => i.fileName).sort()).toEqual(['n.####.png', 'n.0001.PNG']);
    } finally {
      await close();
    }
  });

  it('frames drafted after their first frame was confirmed on its own are noted as its sequence, not as a new one', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    write(renders, 'early/beauty.1001.exr', await framePng(1001));
    const w = ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'LocalSD' }));
    const { env, close } = countingEnv(ctx);
    try {
      const [first] = (await catchUpWatch(env, getWatchFolder(ctx.db, w.id)!)).found;
      const still = ok(await api.confirmInbox({ id: first!.id })).asset;
      for (const f of [1002, 1003, 1004]) write(renders, `early/beauty.${f}.exr`, await framePng(f));
      const [rest] = (await catchUpWatch(env, getWatchFolder(ctx.db, w.id)!)).found;
      expect(rest).toMatchObject({ fileName: 'beauty.####.exr', frameRange: { first: 1002, last: 1004 } });
      expect(rest!.prefill.notes).toBe(`Frames 1002–1004 of beauty.####.exr, which is already logged as asset #${still.id} (frame 1001).`);
      // Two frames after a first one confirmed on its own: one sequence draft with it, as logging the folder would be,
      // not two lone files (fewer than three new frames group only with the one in the log).
      write(renders, 'late/fx.1001.exr', await framePng(2001));
      const [one] = (await catchUpWatch(env, getWatchFolder(ctx.db, w.id)!)).found;
      const alone = ok(await api.confirmInbox({ id: one!.id })).asset;
      for (const f of [1002, 1003]) write(renders, `late/fx.${f}.exr`, await framePng(1000 + f));
      const two = await catchUpWatch(env, getWatchFolder(ctx.db, w.id)!);
      expect(two.found).toMatchObject([{ kind: 'sequence', fileName: 'fx.####.exr', frameRange: { first: 1002, last: 1003 }, frameCount: 2 }]);
      expect(two.found[0]!.prefill.notes).toBe(`Frames 1002 and 1003 of fx.####.exr, which is already logged as asset #${alone.id} (frame 1001).`);
      expect(two).toMatchObject({ alreadyLogged: 0 });
    } finally {
      await close();
    }
  });

  it('catch-up takes out of the inbox the pending drafts whose files are gone, never a decided one, nor any while the folder is away', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    write(renders, 'deleted.png', await framePng(1));
    write(renders, 'confirmed.png', await framePng(2));
    write(renders, 'kept.png', await framePng(3));
    for (let f = 1001; f <= 1003; f++) write(renders, `shot/sh030.${f}.png`, await framePng(f));
    const w = ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'LocalSD' }));
    const { env, close } = countingEnv(ctx);
    try {
      await catchUpWatch(env, getWatchFolder(ctx.db, w.id)!);
      const byName = new Map(ok(await api.listInbox({})).rows.map((i) => [i.fileName, i.id]));
      ok(await api.confirmInbox({ id: byName.get('confirmed.png')! }));
      // The whole folder away (a share not mounted): its drafts stay, the files may well come back.
      renameSync(renders, `${renders}-away`);
      await expect(removeGoneDrafts(ctx, w.id)).resolves.toEqual({ gone: [], redraft: new Map() });
      renameSync(`${renders}-away`, renders);
      for (const name of ['deleted.png', 'confirmed.png']) rmSync(join(renders, name));
      rmSync(join(renders, 'shot', 'sh030.1002.png'));
      // What a scan has just listed is taken as there (a rescan of thousands of drafted files does not stat each).
      await expect(removeGoneDrafts(ctx, w.id, { present: new Set([join(renders, 'deleted.png'), join(renders, 'shot', 'sh030.1002.png')]) }))
        .resolves.toEqual({ gone: [], redraft: new Map() });
      const again = await catchUpWatch(env, getWatchFolder(ctx.db, w.id)!);
      const sequence = join(renders, 'shot', 'sh030.####.png');
      expect(again.gone).toEqual([
        { id: byName.get('deleted.png'), path: join(renders, 'deleted.png') },
        { id: byName.get('sh030.####.png'), path: sequence, framesGone: [1002] },
      ]);
      const left = ok(await api.listInbox({ status: 'all' })).rows.map((i) => `${i.fileName}:${i.status}`).sort();
      // The sequence that lost a frame is drafted again with the frames there (it could not be confirmed as it was);
      // the confirmed file stays confirmed.
      expect(left).toEqual(['confirmed.png:confirmed', 'kept.png:pending', 'sh030.####.png:pending']);
      const [redrafted] = again.found;
      expect(redrafted).toMatchObject({ kind: 'sequence', path: sequence, frameRange: { first: 1001, last: 1003 }, frameCount: 2 });
      expect(redrafted!.id).not.toBe(byName.get('sh030.####.png'));
      expect(ok(await api.confirmInbox({ id: redrafted!.id })).asset).toMatchObject({ frameRange: { first: 1001, last: 1003 } });
      // An id taken out says why it may be gone.
      expect(await api.getInboxItem({ id: byName.get('deleted.png')! })).toMatchObject({
        ok: false, error: { code: 'not_found', message: expect.stringContaining('a waiting item is taken out when its files are deleted or renamed') },
      });
    } finally {
      await close();
    }
  });

  it('catch-up drafts what arrived while closed, never re-hashes unchanged files, skips content already logged', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    write(renders, 'ComfyUI_00001_.png', await comfyPng());
    for (let f = 1; f <= 3; f++) write(renders, `shot/sh020.${1000 + f}.png`, await framePng(f));
    const logged = write(renders, 'already.png', await a1111Png(8));
    ok(await api.logAssets({ files: [{ path: logged }], production: 'SHOW1', tool: 'LocalSD' }));
    write(renders, 'cache/skip.png', await a1111Png(9));
    const w = ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', artist: 'ana', exclude: ['cache'] }));
    const row = getWatchFolder(ctx.db, w.id)!;

    const first = countingEnv(ctx);
    const r1 = await catchUpWatch(first.env, row);
    expect(r1).toMatchObject({ filesScanned: 5, filesNew: 5 });
    expect(r1.found.map((i) => [i.kind, i.fileName]).sort()).toEqual([['file', 'ComfyUI_00001_.png'], ['sequence', 'sh020.####.png']]);
    // already.png was hashed when it was logged: the file index vouches for it, so it is not read again.
    expect(first.hashed.sort()).toEqual([join(renders, 'ComfyUI_00001_.png'), ...[1, 2, 3].map((f) => join(renders, `shot/sh020.${1000 + f}.png`))].sort());
    const comfy = r1.found.find((i) => i.kind === 'file')!;
    expect(comfy).toMatchObject({ status: 'pending', prefill: { production: 'SHOW1', artist: 'ana', matchedTool: 'ComfyUI', tool: null, prompt: expect.stringMatching(/glass bottle/) } });
    expect(r1.found.find((i) => i.kind === 'sequence')).toMatchObject({ frameRange: { first: 1001, last: 1003 }, frameCount: 3 });

    const titan = copyTitan(renders, 'titan.png');
    const second = countingEnv(ctx);
    const r2 = await catchUpWatch(second.env, getWatchFolder(ctx.db, w.id)!);
    expect(second.hashed).toEqual([titan]);
    expect(r2.found.map((i) => i.fileName)).toEqual(['titan.png']);
    expect(r2.found[0]?.prefill).toMatchObject({ matchedTool: 'Amazon Titan Image Generator', createdAt: '2024-09-25T08:29:07.629Z' });
    expect(getWatchFolder(ctx.db, w.id)?.last_scan_at).not.toBeNull();
    expect(ok(await api.listInbox({})).total).toBe(3);
    await Promise.all([first.close(), second.close()]);
  });

  it('confirms with edits through the normal logging path, dismisses (kept), and never offers a decided file again', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    write(renders, 'ComfyUI_00001_.png', await comfyPng());
    for (let f = 1; f <= 3; f++) write(renders, `sh030.${1000 + f}.png`, await framePng(10 + f));
    write(renders, 'plain.txt', 'no provenance');
    const w = ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', classification: 'deliverable' }));
    const env = countingEnv(ctx);
    await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!);
    const items = ok(await api.listInbox({})).rows;
    const byName = (n: string) => items.find((i) => i.fileName === n)!;
    // Each folder says how many of its drafts wait for a decision (the Watch folders screen and `watch list` show it).
    mkdirSync(join(dir, 'elsewhere'));
    const other = ok(await api.addWatchFolder({ path: join(dir, 'elsewhere'), production: 'SHOW1' }));
    expect(ok(await api.listWatchFolders({})).map((f) => [f.id, f.pendingDrafts]).sort()).toEqual([[w.id, 3], [other.id, 0]]);

    // A production renamed while drafts wait: they follow the new code (the watch folder does too).
    const show = ok(await api.listProductions({})).find((p) => p.code === 'SHOW1')!;
    ok(await api.editProduction({ id: show.id, code: 'SHOW9', title: show.title, contactEmail: show.contactEmail, episodes: show.episodes }));
    expect(ok(await api.getInboxItem({ id: byName('ComfyUI_00001_.png').id })).prefill.production).toBe('SHOW9');
    ok(await api.editProduction({ id: show.id, code: 'SHOW1', title: show.title, contactEmail: show.contactEmail, episodes: show.episodes }));

    const confirmed = ok(await api.confirmInbox({ id: byName('ComfyUI_00001_.png').id, prompt: 'bottle, final wording', by: 'ana' }));
    expect(confirmed.asset).toMatchObject({ tool: 'ComfyUI', prompt: 'bottle, final wording', classification: 'deliverable', createdBy: 'ana', duplicate: false });
    expect(confirmed.item).toMatchObject({ status: 'confirmed', assetId: confirmed.asset.id, decidedBy: 'ana' });
    expect(ok(await api.getAsset({ id: confirmed.asset.id })).provenance?.record.comfy?.checkpoints).toEqual(['v1-5-pruned-emaonly.safetensors']);
    expect(await api.confirmInbox({ id: byName('ComfyUI_00001_.png').id })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/already confirmed as asset/) } });

    const seqItem = byName('sh030.####.png');
    expect(await api.confirmInbox({ id: seqItem.id })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/needs a tool/) } });
    const seq = ok(await api.confirmInbox({ id: seqItem.id, tool: 'LocalSD', classification: 'temporary', facts: { onScreen: 'incidental' } }));
    // What confirm returns is the asset as stored, frame range included.
    expect(seq.asset.frameRange).toEqual({ first: 1001, last: 1003 });
    // The tool chosen at confirmation is the item's from then on (the folder had none).
    expect(ok(await api.getInboxItem({ id: seqItem.id }))).toMatchObject({ assetId: seq.asset.id, assetTool: 'LocalSD', assetProduction: 'SHOW1', prefill: { tool: null } });
    const seqDetail = ok(await api.getAsset({ id: seq.asset.id }));
    expect(seqDetail).toMatchObject({ classification: 'temporary', frameRange: { first: 1001, last: 1003 }, sha256: seqItem.sha256 });
    expect(seqDetail.frames).toHaveLength(3);

    const dismissed = ok(await api.dismissInbox({ id: byName('plain.txt').id, by: 'lead' }));
    expect(dismissed).toMatchObject({ status: 'dismissed', decidedBy: 'lead', assetId: null });
    expect(ok(await api.listInbox({ status: 'all' })).total).toBe(3);
    expect(ok(await api.listInbox({})).total).toBe(0);
    expect(ok(await api.enableWatchFolder({ id: w.id, enabled: true })).pendingDrafts).toBe(0);

    // A rescan finds nothing new; removing the watch keeps the history.
    expect((await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!)).found).toEqual([]);
    // Touched (same bytes, new modification time): still the file that was dismissed, not offered again.
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(renders, 'plain.txt'), later, later);
    expect(await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!)).toMatchObject({ found: [], alreadyDismissed: 1 });
    // Changed content is a new file version: offered again.
    appendFileSync(join(renders, 'plain.txt'), ' and more');
    expect((await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!)).found.map((i) => i.fileName)).toEqual(['plain.txt']);
    // Confirmed into another production than the folder's: the item names the asset's.
    ok(await api.addProduction({ code: 'SHOW2', title: 'The Other Show', contactEmail: 'bo@netflix.com' }));
    const moved = ok(await api.confirmInbox({ id: ok(await api.listInbox({})).rows[0]!.id, production: 'SHOW2', tool: 'LocalSD' }));
    expect(moved.item).toMatchObject({ assetProduction: 'SHOW2', prefill: { production: 'SHOW1' } });
    expect(ok(await api.getInboxItem({ id: moved.item.id })).assetProduction).toBe('SHOW2');
    ok(await api.removeWatchFolder({ id: w.id }));
    expect(ok(await api.listInbox({ status: 'all' })).rows.map((i) => i.watchId)).toEqual([null, null, null, null]);
    await env.close();
  });

  it('frames that arrive after their sequence was logged stay one sequence draft that names the logged asset', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    for (let f = 1; f <= 3; f++) write(renders, `sh040.${1000 + f}.png`, await framePng(20 + f));
    const w = ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'LocalSD' }));
    const env = countingEnv(ctx);
    await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!);
    const [draft] = ok(await api.listInbox({})).rows;
    const first = ok(await api.confirmInbox({ id: draft!.id }));
    expect(first.asset.frameRange).toEqual({ first: 1001, last: 1003 });

    // One straggler: a sequence draft of one frame (not a lone file), whose notes name the asset with the others.
    write(renders, 'sh040.1004.png', await framePng(24));
    const late = await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!);
    expect(late.found).toHaveLength(1);
    expect(late.found[0]).toMatchObject({ kind: 'sequence', fileName: 'sh040.####.png', frameRange: { first: 1004, last: 1004 }, frameCount: 1 });
    expect(late.found[0]?.prefill.notes).toBe(`Frame 1004 of sh040.####.png, which is already logged as asset #${first.asset.id} (frames 1001–1003).`);
    expect(late.found[0]?.prefill.framesInLog).toBeUndefined();

    // A second straggler and a re-rendered frame join the waiting draft: one draft, the re-render said as such.
    write(renders, 'sh040.1005.png', await framePng(25));
    write(renders, 'sh040.1002.png', await framePng(99));
    const more = await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!);
    expect(more.found).toHaveLength(1);
    const joined = more.found[0]!;
    expect(joined).toMatchObject({ kind: 'sequence', frameRange: { first: 1002, last: 1005 }, frameCount: 3 });
    // 1003 is between the late frames but in the logged asset: logged before, not missing.
    expect(joined.prefill.framesInLog).toEqual([1003]);
    expect(joined.prefill.notes).toBe(
      `Frames 1002, 1004 and 1005 of sh040.####.png, which is already logged as asset #${first.asset.id} (frames 1001–1003). Frame 1002 was logged before: a re-render.`,
    );
    expect(ok(await api.listInbox({})).total).toBe(1);

    // Confirmed, the late frames are an asset of their own, with the note in its notes; the first asset is untouched.
    const second = ok(await api.confirmInbox({ id: joined.id }));
    expect(second.asset).toMatchObject({ frameRange: { first: 1002, last: 1005 }, notes: joined.prefill.notes });
    expect(ok(await api.getAsset({ id: first.asset.id }))).toMatchObject({ frameRange: { first: 1001, last: 1003 }, sha256: first.asset.sha256 });
    await env.close();
  });

  it('late frames arriving one at a time join the waiting draft of late frames, replacing it, rather than each making a draft', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    for (let f = 1; f <= 3; f++) write(renders, `sh041.${1000 + f}.png`, await framePng(30 + f));
    const w = ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'LocalSD' }));
    const env = countingEnv(ctx);
    await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!);
    const first = ok(await api.confirmInbox({ id: ok(await api.listInbox({})).rows[0]!.id }));
    write(renders, 'sh041.1004.png', await framePng(34));
    const [one] = (await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!)).found;
    write(renders, 'sh041.1005.png', await framePng(35));
    const next = await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!);
    expect(next.found).toMatchObject([{ kind: 'sequence', frameRange: { first: 1004, last: 1005 }, frameCount: 2 }]);
    expect(next.replaced).toEqual([{ id: one!.id, by: next.found[0]!.id, sameFiles: false }]);
    expect(next.found[0]!.prefill.notes).toBe(`Frames 1004 and 1005 of sh041.####.png, which is already logged as asset #${first.asset.id} (frames 1001–1003).`);
    // A frame far from the waiting one is another render: it does not join it.
    write(renders, 'sh041.9000.png', await framePng(36));
    const far = await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!);
    expect(far.found).toMatchObject([{ kind: 'file', fileName: 'sh041.9000.png' }]);
    expect(ok(await api.listInbox({ status: 'pending' })).rows.map((i) => i.fileName).sort()).toEqual(['sh041.####.png', 'sh041.9000.png']);
    await env.close();
  });

  it('the frames left of a draft that lost one stay one sequence draft, counted as nothing new, when other files arrive', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    for (let f = 1001; f <= 1003; f++) write(renders, `shot/x.${f}.png`, await framePng(70 + f));
    const w = ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'LocalSD' }));
    const env = countingEnv(ctx);
    await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!);
    rmSync(join(renders, 'shot', 'x.1002.png'));
    const again = await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!);
    expect(again).toMatchObject({ filesScanned: 2, filesNew: 0, found: [{ kind: 'sequence', frameCount: 2, frameRange: { first: 1001, last: 1003 } }] });
    const leftover = again.found[0]!;
    write(renders, 'shot/other.png', await framePng(5));
    const more = await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!);
    expect(more.found.map((i) => i.fileName)).toEqual(['other.png']);
    expect(ok(await api.listInbox({})).rows.map((i) => [i.id, i.fileName, i.frameCount]).sort()).toEqual(
      [[leftover.id, 'x.####.png', 2], [more.found[0]!.id, 'other.png', 1]].sort(),
    );
    // A frame re-rendered while another went: the frame left as it was is nothing new, the re-rendered one is.
    write(renders, 'shot/x.1001.png', await framePng(9001));
    rmSync(join(renders, 'shot', 'x.1003.png'));
    const changed = await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!);
    expect(changed).toMatchObject({ filesScanned: 2, filesNew: 1, found: [{ fileName: 'x.####.png', frameCount: 1 }] });
    await env.close();
  });

  it('frames that arrive after their sequence draft was dismissed are one sequence draft naming the dismissed frames, not lone files', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    for (let f = 1; f <= 3; f++) write(renders, `sh060.${1000 + f}.png`, await framePng(40 + f));
    const w = ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'LocalSD' }));
    const env = countingEnv(ctx);
    const [draft] = (await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!)).found;
    ok(await api.dismissInbox({ id: draft!.id }));
    // A dismissed frame only touched is the content that was dismissed: not offered again, even as a late frame.
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(renders, 'sh060.1002.png'), later, later);
    expect(await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!)).toMatchObject({ found: [], alreadyDismissed: 1 });

    write(renders, 'sh060.1004.png', await framePng(44));
    const [late] = (await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!)).found;
    expect(late).toMatchObject({ kind: 'sequence', fileName: 'sh060.####.png', frameRange: { first: 1004, last: 1004 }, frameCount: 1 });
    expect(late?.prefill.notes).toBe(`Frame 1004 of sh060.####.png, whose frames 1001–1003 were dismissed (inbox item ${draft!.id}).`);

    // More stragglers and a re-rendered frame join the waiting draft; a dismissed frame in its range is not missing.
    write(renders, 'sh060.1006.png', await framePng(46));
    write(renders, 'sh060.1002.png', await framePng(92));
    const [joined] = (await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!)).found;
    expect(joined).toMatchObject({ kind: 'sequence', frameRange: { first: 1002, last: 1006 }, frameCount: 3, prefill: { framesDismissed: [1003] } });
    expect(joined?.prefill.notes).toBe(
      `Frames 1002, 1004 and 1006 of sh060.####.png, whose frames 1001–1003 were dismissed (inbox item ${draft!.id}). ` +
        'Frame 1002 was in the dismissed draft with other content: a re-render.',
    );
    expect(ok(await api.listInbox({})).rows.map((r) => r.id)).toEqual([joined!.id]);
    const asset = ok(await api.confirmInbox({ id: joined!.id })).asset;
    expect(asset).toMatchObject({ frameRange: { first: 1002, last: 1006 }, notes: joined!.prefill.notes });
    await env.close();
  });

  it('generated variations stay files of their own however many were logged before them, not late frames of a sequence', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    for (let n = 1; n <= 16; n++) write(renders, `Firefly_${n}.png`, await framePng(300 + n));
    const w = ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'LocalSD' }));
    const env = countingEnv(ctx);
    const first = await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!);
    expect(first.found.filter((i) => i.kind === 'file')).toHaveLength(16);
    for (const item of first.found) ok(await api.confirmInbox({ id: item.id }));
    for (let n = 17; n <= 20; n++) write(renders, `Firefly_${n}.png`, await framePng(300 + n));
    const scan = await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!);
    expect(scan.found.map((i) => [i.kind, i.fileName]).sort()).toEqual([17, 18, 19, 20].map((n) => ['file', `Firefly_${n}.png`]).sort());
    // The same when the 16 were logged with `genlog log` rather than from the inbox, and a catch-up (a restart) sees
    // them beside the new ones: 24 numbered stills would count as frames; the 16 in the log are not grouped again.
    const other = join(dir, 'other');
    for (let n = 1; n <= 16; n++) write(other, `Firefly_${n}.png`, await framePng(400 + n));
    await ingestFolder(ctx, { paths: [other], recursive: false, production: 'SHOW1', tool: 'LocalSD', by: 'ana', prompt: '', notes: '', episode: '' });
    for (let n = 17; n <= 24; n++) write(other, `Firefly_${n}.png`, await framePng(400 + n));
    const w2 = ok(await api.addWatchFolder({ path: other, production: 'SHOW1', tool: 'LocalSD' }));
    const restart = await catchUpWatch(env.env, getWatchFolder(ctx.db, w2.id)!);
    expect(restart.found.map((i) => i.kind)).toEqual(Array(8).fill('file'));
    expect(restart).toMatchObject({ filesScanned: 24, alreadyLogged: 16 });
    await env.close();
  });

  it('frames repeating a logged sequence (a loop render) are counted as already logged, each of them', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    const frames = [await framePng(51), await framePng(52), await framePng(53)];
    frames.forEach((bytes, i) => write(renders, `loop.${1001 + i}.png`, bytes));
    await ingestFolder(ctx, { paths: [renders], recursive: false, production: 'SHOW1', tool: 'LocalSD', by: 'ana', prompt: '', notes: '', episode: '' });
    frames.forEach((bytes, i) => write(renders, `loop.${1004 + i}.png`, bytes));
    const w = ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'LocalSD' }));
    const env = countingEnv(ctx);
    const scan = await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!);
    expect(scan).toMatchObject({ filesScanned: 6, found: [], alreadyLogged: 6 });
    await env.close();
  });

  it('a folder logged before it was watched: the catch-up drafts only its new and re-rendered frames, not the logged ones again', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    for (let f = 1; f <= 3; f++) write(renders, `sh050.${1000 + f}.png`, await framePng(30 + f));
    const [logged] = (await ingestFolder(ctx, { paths: [renders], recursive: false, production: 'SHOW1', tool: 'LocalSD', by: 'ana', prompt: '', notes: '', episode: '' })).assets;
    write(renders, 'sh050.1004.png', await framePng(34));
    write(renders, 'sh050.1002.png', await framePng(77)); // re-rendered
    const w = ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'LocalSD' }));
    const env = countingEnv(ctx);
    const scan = await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!);
    expect(scan).toMatchObject({ filesScanned: 4, alreadyLogged: 2 });
    expect(scan.found).toHaveLength(1);
    expect(scan.found[0]).toMatchObject({ kind: 'sequence', frameRange: { first: 1002, last: 1004 }, frameCount: 2 });
    expect(scan.found[0]?.prefill.notes).toBe(
      `Frames 1002 and 1004 of sh050.####.png, which is already logged as asset #${logged!.id} (frames 1001–1003). Frame 1002 was logged before: a re-render.`,
    );
    // Nothing new: the next scan drafts nothing and reads nothing again.
    const again = await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!);
    expect(again.found).toEqual([]);
    // The logged frames are listed again but counted as already logged, not as new or changed.
    expect(again).toMatchObject({ filesNew: 2, alreadyLogged: 2 });
    await env.close();
  });

  it('a watcher\'s rescans pass over files found already logged while they are unchanged, and late frames still join the logged sequence', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    for (let f = 1; f <= 3; f++) write(renders, `sh060.${1000 + f}.png`, await framePng(40 + f));
    write(renders, 'plate.png', await framePng(49));
    const [seq] = (await ingestFolder(ctx, { paths: [renders], recursive: false, production: 'SHOW1', tool: 'LocalSD', by: 'ana', prompt: '', notes: '', episode: '' })).assets
      .filter((a) => a.frameRange);
    const w = ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'LocalSD' }));
    const env = countingEnv(ctx);
    const quiet = new Set<string>();
    const rescan = () => catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!, { recordScan: false, quiet });
    expect(await rescan()).toMatchObject({ filesScanned: 4, filesNew: 4, alreadyLogged: 4, found: [] });
    // Unchanged since: not looked at again.
    expect(await rescan()).toMatchObject({ filesScanned: 4, filesNew: 0, alreadyLogged: 0, found: [] });
    // A late frame still joins the logged sequence, as its event would make it; a touched plate is looked at again.
    write(renders, 'sh060.1004.png', await framePng(44));
    const later = new Date(Date.now() + 5000);
    utimesSync(join(renders, 'plate.png'), later, later);
    const next = await rescan();
    expect(next).toMatchObject({ filesNew: 2, alreadyLogged: 1 });
    expect(next.found).toHaveLength(1);
    expect(next.found[0]?.prefill.notes).toBe(`Frame 1004 of sh060.####.png, which is already logged as asset #${seq!.id} (frames 1001–1003).`);
    // A file deleted is forgotten: written again with the same content and time, it is looked at again.
    const plate = readFileSync(join(renders, 'plate.png'));
    rmSync(join(renders, 'plate.png'));
    await rescan();
    write(renders, 'plate.png', plate);
    utimesSync(join(renders, 'plate.png'), later, later);
    expect(await rescan()).toMatchObject({ filesNew: 1, alreadyLogged: 1 });
    await env.close();
  });

  it('a waiting sequence draft stays while a new frame of it cannot be read (or the reading is stopped), then takes it in', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    for (let f = 1; f <= 3; f++) write(renders, `k.000${f}.png`, await framePng(60 + f));
    const w = ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'LocalSD' }));
    const real = createHashPool({ concurrency: 2 });
    let lockedFrame = true;
    const stopping = new AbortController();
    const pool: Pick<HashPool, 'hash'> = {
      hash: (path, o) => (lockedFrame && path.endsWith('k.0004.png') ? Promise.reject(new FileReadError(path, 'EACCES', 'permission denied')) : real.hash(path, o)),
    };
    const env = { ctx, pool, readLimit: createLimiter(4), signal: stopping.signal };
    try {
      const first = await catchUpWatch(env, getWatchFolder(ctx.db, w.id)!);
      expect(first.found.map((d) => d.frameRange)).toEqual([{ first: 1, last: 3 }]);
      write(renders, 'k.0004.png', await framePng(64));
      const locked = await catchUpWatch(env, getWatchFolder(ctx.db, w.id)!);
      expect(locked.errors).toEqual([expect.stringMatching(/k\.0004\.png.*permission denied/)]);
      expect(ok(await api.listInbox({})).rows.map((d) => [d.id, d.frameRange])).toEqual([[first.found[0]!.id, { first: 1, last: 3 }]]);
      // A watcher stopping while the frame is read leaves the waiting draft as it was too.
      lockedFrame = false;
      stopping.abort();
      await catchUpWatch(env, getWatchFolder(ctx.db, w.id)!);
      expect(ok(await api.listInbox({})).rows.map((d) => d.id)).toEqual([first.found[0]!.id]);
      const readable = await catchUpWatch({ ...env, signal: undefined }, getWatchFolder(ctx.db, w.id)!);
      expect(readable.found.map((d) => d.frameRange)).toEqual([{ first: 1, last: 4 }]);
      expect(ok(await api.listInbox({})).total).toBe(1);
      // The replaced draft's id says why it is gone; an id never handed out says only that there is none.
      expect(await api.confirmInbox({ id: first.found[0]!.id })).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/replaced by a new one, with a new id, when one of its files changes/) } });
      expect(await api.confirmInbox({ id: 9999 })).toMatchObject({ ok: false, error: { message: 'No inbox item with id 9999.' } });
    } finally {
      await real.close();
    }
  });

  it('an inbox item says when its C2PA manifest failed validation, in the list as well as the detail', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    const titan = readFileSync(copyTitan(dir, 'original.png'));
    titan.writeUInt8(titan.readUInt8(titan.length - 100) ^ 0xff, titan.length - 100); // image data changed after signing
    write(renders, 'titan_tampered.png', titan);
    const w = ok(await api.addWatchFolder({ path: renders, production: 'SHOW1' }));
    const env = countingEnv(ctx);
    await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!);
    const [item] = ok(await api.listInbox({})).rows;
    expect(item?.provenance?.c2pa).toMatchObject({ state: 'invalid', problems: expect.arrayContaining([expect.stringMatching(/changed after signing/)]) });
    await env.close();
  });

  it('drafts waiting while their files are logged another way (`genlog log`, a copy confirmed) are confirmed as those assets, in their production only', async () => {
    const { ctx, api, dir } = await ingestWorld();
    ok(await api.addProduction({ code: 'SHOW2', title: 'Other', contactEmail: 'amy@netflix.com' }));
    const renders = join(dir, 'renders');
    const copies = join(dir, 'copies');
    const elsewhere = join(dir, 'show2');
    for (let f = 1001; f <= 1003; f++) write(renders, `sh010.${f}.png`, await framePng(f));
    write(renders, 'still.png', await framePng(7));
    write(copies, 'still-copy.png', await framePng(7));
    write(copies, 'later.png', await framePng(8));
    write(elsewhere, 'still.png', await framePng(7));
    const ids: number[] = [];
    for (const [path, production] of [[renders, 'SHOW1'], [copies, 'SHOW1'], [elsewhere, 'SHOW2']] as const) ids.push(ok(await api.addWatchFolder({ path, production, tool: 'LocalSD' })).id);
    const { env, close } = countingEnv(ctx);
    try {
      for (const id of ids) await catchUpWatch(env, getWatchFolder(ctx.db, id)!);
      expect(ok(await api.listInbox({})).total).toBe(5);
      // The render folder logged from a render node's CLI while its drafts wait: they are decided by that log.
      const result = await ingestFolder(ctx, { paths: [renders], recursive: false, production: 'SHOW1', tool: 'LocalSD', by: 'node7', prompt: '', notes: '', episode: '' });
      expect(result.draftsSettled).toBe(3);
      const byName = new Map(ok(await api.listInbox({ status: 'all' })).rows.map((i) => [`${i.fileName}@${i.prefill.production}`, i]));
      const logged = new Map(result.assets.map((a) => [a.sha256, a.id]));
      for (const name of ['sh010.####.png@SHOW1', 'still.png@SHOW1', 'still-copy.png@SHOW1']) {
        const item = byName.get(name)!;
        expect(item, name).toMatchObject({ status: 'confirmed', decidedBy: 'node7', assetId: logged.get(item.sha256) });
      }
      // Another production's draft of the same content is that production's decision.
      expect(byName.get('still.png@SHOW2')).toMatchObject({ status: 'pending', assetId: null });
      expect(byName.get('later.png@SHOW1')).toMatchObject({ status: 'pending' });
      // A draft whose content was logged by a version of GenLog that left it waiting: logging something else does not
      // touch it (nor count it), the next scan decides it, saying that nobody did.
      ctx.db.prepare("UPDATE inbox SET status = 'pending', asset_id = NULL, decided_at = NULL, decided_by = NULL WHERE file_name = 'still-copy.png'").run();
      write(join(dir, 'other'), 'x.png', await framePng(99));
      expect((await ingestFolder(ctx, { paths: [join(dir, 'other')], recursive: false, production: 'SHOW1', tool: 'LocalSD', by: 'node7', prompt: '', notes: '', episode: '' })).draftsSettled).toBe(0);
      expect(ok(await api.listInbox({})).rows.map((i) => i.fileName)).toContain('still-copy.png');
      await catchUpWatch(env, getWatchFolder(ctx.db, ids[1]!)!);
      expect(ok(await api.listInbox({})).rows.map((i) => `${i.fileName}@${i.prefill.production}`).sort()).toEqual(['later.png@SHOW1', 'still.png@SHOW2']);
      expect(ok(await api.listInbox({ status: 'all' })).rows.find((i) => i.fileName === 'still-copy.png')).toMatchObject({ status: 'confirmed', decidedBy: SETTLED_BY_SCAN });
      // Two drafts of one content (a render copied into another watched folder): confirming one decides both.
      write(renders, 'later-again.png', await framePng(8));
      await catchUpWatch(env, getWatchFolder(ctx.db, ids[0]!)!);
      const later = ok(await api.listInbox({})).rows.find((i) => i.fileName === 'later.png')!;
      const confirmed = ok(await api.confirmInbox({ id: later.id, decidedBy: 'rita' }));
      expect(confirmed.item).toMatchObject({ status: 'confirmed', decidedBy: 'rita' });
      const again = ok(await api.listInbox({ status: 'all' })).rows.find((i) => i.fileName === 'later-again.png');
      expect(again).toMatchObject({ status: 'confirmed', assetId: confirmed.asset.id, decidedBy: 'rita' });
      // A file dropped on the app while its draft waits.
      const dropped = write(copies, 'dropped.png', await framePng(9));
      await catchUpWatch(env, getWatchFolder(ctx.db, ids[1]!)!);
      ok(await api.logAssets({ files: [{ path: dropped }], production: 'SHOW1', tool: 'LocalSD', by: 'ana' }));
      expect(ok(await api.listInbox({})).rows.map((i) => `${i.fileName}@${i.prefill.production}`)).toEqual(['still.png@SHOW2']);
      expect(ok(await api.listInbox({ status: 'all' })).rows.find((i) => i.fileName === 'dropped.png')).toMatchObject({ status: 'confirmed', decidedBy: 'ana' });
      // A draft left waiting whose asset was retired since: for a person to decide, not settled as that asset.
      const droppedAsset = ok(await api.listInbox({ status: 'all' })).rows.find((i) => i.fileName === 'dropped.png')!.assetId!;
      ok(await api.retireAsset({ id: droppedAsset, reason: 'wrong take', by: 'ana' }));
      ctx.db.prepare("UPDATE inbox SET status = 'pending', asset_id = NULL, decided_at = NULL, decided_by = NULL WHERE file_name = 'dropped.png'").run();
      await catchUpWatch(env, getWatchFolder(ctx.db, ids[1]!)!);
      expect(ok(await api.listInbox({})).rows.map((i) => i.fileName).sort()).toEqual(['dropped.png', 'still.png']);
    } finally {
      await close();
    }
  });

  it('confirming content already logged returns the existing asset, and a changed file cannot be confirmed', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    const a = write(renders, 'a.png', await a1111Png(11));
    const w = ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'LocalSD' }));
    const env = countingEnv(ctx);
    await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!);
    const [item] = ok(await api.listInbox({})).rows;
    const [logged] = ok(await api.logAssets({ files: [{ path: a }], production: 'SHOW1', tool: 'LocalSD', by: 'ana' }));
    // Logging the file decided its draft: it says by whom.
    expect(await api.confirmInbox({ id: item!.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(new RegExp(`already confirmed as asset ${logged!.id} on .* by ana`)) } });
    // A draft left waiting by an older GenLog: confirming it returns the asset already logged, not a second one.
    ctx.db.prepare("UPDATE inbox SET status = 'pending', asset_id = NULL, decided_at = NULL, decided_by = NULL").run();
    expect(ok(await api.confirmInbox({ id: item!.id })).asset).toMatchObject({ id: logged!.id, duplicate: true });

    const b = write(renders, 'b.png', await a1111Png(12));
    await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!);
    const [bItem] = ok(await api.listInbox({})).rows;
    appendFileSync(b, 'more bytes');
    expect(await api.confirmInbox({ id: bItem!.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/has changed since it was found; the new version arrives as a new inbox item/) } });
    // Once nothing watches the folder, nothing brings the new version: the message says how to log it instead.
    ok(await api.removeWatchFolder({ id: w.id }));
    expect(await api.confirmInbox({ id: bItem!.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/its folder is no longer watched, so log the new version/) } });
    await env.close();
  });
  it('records who decided apart from the artist, and a confirmation can drop the folder\'s planned use', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    write(renders, 'a.png', await a1111Png(21));
    write(renders, 'b.png', await a1111Png(22));
    const use = ok(await api.addPlannedUse({ production: 'SHOW1', title: 'Key art', preset: 'key-visual', tools: ['LocalSD'] }));
    const w = ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'LocalSD', artist: 'ana', use: use.id }));
    const env = countingEnv(ctx);
    await catchUpWatch(env.env, getWatchFolder(ctx.db, w.id)!);
    const [first, second] = ok(await api.listInbox({})).rows;

    const kept = ok(await api.confirmInbox({ id: first!.id }));
    expect(kept.asset).toMatchObject({ createdBy: 'ana', plannedUseId: use.id });
    expect(kept.item).toMatchObject({ decidedBy: 'tester' });

    const dropped = ok(await api.confirmInbox({ id: second!.id, use: null, decidedBy: 'Dana Lee' }));
    expect(dropped.asset).toMatchObject({ createdBy: 'ana', plannedUseId: null, classification: w.classification });
    expect(dropped.item).toMatchObject({ decidedBy: 'Dana Lee' });
    await env.close();
  });

  it('a pending draft names a tool added to the list after its file was found', async () => {
    const ctx = testContext();
    const api = testClient(ctx);
    await seedCatalog(api);
    const renders = tempDir('genlog-late-tool-');
    copyTitan(renders);
    ok(await api.addWatchFolder({ path: renders, production: 'SHOW1' }));
    ok(await api.scanWatchFolders({}));
    const [before] = ok(await api.listInbox({})).rows;
    expect(before?.prefill.matchedTool).toBeUndefined();
    ok(await api.addTool({ name: 'Amazon Titan Image Generator', hosting: 'public-cloud' }));
    expect(ok(await api.listInbox({})).rows[0]?.prefill.matchedTool).toBe('Amazon Titan Image Generator');
    expect(ok(await api.getInboxItem({ id: before!.id })).prefill.matchedTool).toBe('Amazon Titan Image Generator');
    ctx.db.close();
  });
});
