import { appendFileSync, existsSync, mkdirSync, rmSync, symlinkSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { deflateSync } from 'node:zlib';
import { pngChunk } from '../provenance/helpers/png';
import { afterAll, describe, expect, it } from 'vitest';
import { closeParserThread } from '../../main/provenance';
import { FileReadError, createHashPool, type HashPool } from '../../main/ingest';
import { createContext } from '../../main/app-context';
import { IngestStoppedError, ingestFolder } from '../../main/services/ingest/folder-ingest';
import type { IngestJobProgress } from '../../main/services/ingest/ingest-progress';
import { thumbnailsIdle } from '../../main/services/ingest/thumbnails';
import { ok, seedCatalog, tempDir, testClient } from '../support/context';
import { sparseFile, a1111Png, framePng, ingestWorld, write } from './fixtures';

afterAll(closeParserThread);

const base = { production: 'SHOW1', tool: 'LocalSD', by: 'ana', prompt: '', notes: '', episode: '', recursive: true };
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A pool that counts what it hashes (the real pool does the work). */
function countingPool(): { pool: Pick<HashPool, 'hash'>; hashed: string[]; close: () => Promise<void> } {
  const real = createHashPool({ concurrency: 2 });
  const hashed: string[] = [];
  return { pool: { hash: (path, o) => { hashed.push(path); return real.hash(path, o); } }, hashed, close: () => real.close() };
}

async function renderFolder(dir: string) {
  const frames: Buffer[] = [];
  for (let f = 1001; f <= 1005; f++) {
    const bytes = await framePng(f);
    frames.push(bytes);
    write(dir, `shots/sh010/sh010_comp_v001.${f}.png`, bytes);
  }
  write(dir, 'shots/sh010/notes.txt', 'client notes');
  write(dir, 'stills/hero.png', await a1111Png(3));
  return frames;
}

describe('folder ingest', () => {
  it('reads a sidecar manifest dropped beside its file as that file\'s provenance, not as an asset; a lone one named is logged', async () => {
    const { ctx, dir } = await ingestWorld();
    const named = [write(dir, 'drop/icon.png', await framePng(1)), write(dir, 'drop/ICON.c2pa', 'manifest'), write(dir, 'drop/lone.c2pa', 'manifest too')];
    const { assets, skipped } = await ingestFolder(ctx, { ...base, paths: named, recursive: false });
    expect(assets.map((a) => a.fileName).sort()).toEqual(['icon.png', 'lone.c2pa']);
    expect(skipped.map((s) => `${s.path}: ${s.reason}`)).toEqual([`${join(dir, 'drop/ICON.c2pa')}: C2PA sidecar manifest of ${join(dir, 'drop/icon.png')}: read as its provenance, not logged on its own`]);
  });

  it('logs an image sequence as one asset with its frame range, per-frame hashes and the sequence hash', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const frames = await renderFolder(dir);
    const progress: IngestJobProgress[] = [];
    const { assets, filesHashed } = await ingestFolder(ctx, { ...base, paths: [dir] }, { onProgress: (p) => progress.push(p) });
    expect(filesHashed).toBe(7);
    expect(assets.map((a) => a.fileName).sort()).toEqual(['hero.png', 'notes.txt', 'sh010_comp_v001.####.png']);
    const seq = assets.find((a) => a.fileName.includes('####'))!;
    expect(seq.path).toBe(join(dir, 'shots/sh010/sh010_comp_v001.####.png'));
    expect(seq.sha256).toBe(createHash('sha256').update(frames.map(sha).join('\n')).digest('hex'));
    expect(seq.size).toBe(frames.reduce((s, b) => s + b.length, 0));
    const detail = ok(await api.getAsset({ id: seq.id }));
    expect(detail.frameRange).toEqual({ first: 1001, last: 1005 });
    expect(detail.frames.map((f) => [f.frame, f.sha256])).toEqual(frames.map((b, i) => [1001 + i, sha(b)]));
    expect(detail.frames[0]?.fileName).toBe('sh010_comp_v001.1001.png');

    // Progress: files, bytes and an ETA, counting up to everything, ending in "done".
    expect(progress[0]).toMatchObject({ phase: 'hashing', filesTotal: 7, itemsTotal: 3 });
    const last = progress[progress.length - 1]!;
    expect(last).toMatchObject({ phase: 'done', filesDone: 7, itemsLogged: 3, etaSeconds: 0 });
    expect(last.bytesDone).toBe(last.bytesTotal);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.bytesDone).toBeGreaterThanOrEqual(progress[i - 1]!.bytesDone);
  });

  it('never re-reads a file unchanged since it was hashed, and hashes what changed', async () => {
    const { ctx, dir } = await ingestWorld();
    await renderFolder(dir);
    const first = countingPool();
    await ingestFolder(ctx, { ...base, paths: [dir] }, { pool: first.pool });
    expect(first.hashed).toHaveLength(7);
    write(dir, 'stills/new.png', await a1111Png(9));
    const second = countingPool();
    const again = await ingestFolder(ctx, { ...base, paths: [dir] }, { pool: second.pool });
    expect(second.hashed).toEqual([join(dir, 'stills/new.png')]);
    expect(again.filesReused).toBe(7);
    expect(again.assets.filter((a) => !a.duplicate).map((a) => a.fileName)).toEqual(['new.png']);
    expect(again.assets.filter((a) => a.duplicate)).toHaveLength(3);
    // Each entry names what was found: the sequence by its pattern (logged whole before), the files by their path.
    expect(again.assets.map((a) => [a.fileName, a.foundPath]).sort()).toEqual([
      ['hero.png', join(dir, 'stills/hero.png')], ['new.png', join(dir, 'stills/new.png')], ['notes.txt', join(dir, 'shots/sh010/notes.txt')],
      ['sh010_comp_v001.####.png', join(dir, 'shots/sh010/sh010_comp_v001.####.png')],
    ]);
    await Promise.all([first.close(), second.close()]);
  });

  it('a new generated variation beside sixteen logged ones is logged as a still of its own, not as a late frame of them', async () => {
    const { ctx, api, dir } = await ingestWorld();
    for (let i = 1; i <= 16; i++) write(dir, `gen/Firefly_${i}.png`, await framePng(i));
    const first = await ingestFolder(ctx, { ...base, paths: [join(dir, 'gen')] });
    expect(first.assets.filter((a) => !a.duplicate)).toHaveLength(16);
    write(dir, 'gen/Firefly_17.png', await framePng(17));
    const again = await ingestFolder(ctx, { ...base, paths: [join(dir, 'gen')] });
    const fresh = again.assets.filter((a) => !a.duplicate);
    expect(fresh.map((a) => a.fileName)).toEqual(['Firefly_17.png']);
    const detail = ok(await api.getAsset({ id: fresh[0]!.id }));
    expect(detail.frameRange).toBeNull();
    expect(detail.notes).toBe('');
    // The sixteen are found again, each as itself, in the order the folder lists them.
    expect(again.assets.filter((a) => a.duplicate).map((a) => a.fileName)).toEqual(Array.from({ length: 16 }, (_, i) => `Firefly_${i + 1}.png`));
    expect(ok(await api.listAssets({ search: 'Firefly_17' })).total).toBe(1);
  });

  it('logged again after more frames were rendered, only the new and re-rendered frames become an asset, naming the logged one', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const frames = await renderFolder(dir);
    const first = await ingestFolder(ctx, { ...base, paths: [dir] });
    const seq = first.assets.find((a) => a.fileName.includes('####'))!;
    write(dir, 'shots/sh010/sh010_comp_v001.1007.png', await framePng(1007));
    write(dir, 'shots/sh010/sh010_comp_v001.1003.png', await framePng(3003)); // re-rendered
    const again = await ingestFolder(ctx, { ...base, paths: [dir] });
    const late = again.assets.filter((a) => !a.duplicate);
    expect(late).toHaveLength(1);
    // The asset holding the frames logged before is listed too, found again, as a run logging nothing new lists it.
    expect(again.assets.filter((a) => a.duplicate && a.id === seq.id)).toEqual([expect.objectContaining({ id: seq.id, foundPath: seq.path })]);
    const detail = ok(await api.getAsset({ id: late[0]!.id }));
    expect(detail.frames.map((f) => f.frame)).toEqual([1003, 1007]);
    expect(detail.notes).toContain(`already logged as asset #${seq.id} (frames 1001–1005). Frame 1003 was logged before: a re-render.`);
    // 1004 and 1005 are in the log, 1006 is missing: only 1006 is reported as a gap.
    expect(again.gaps).toEqual([{ path: seq.path, missingFrames: [1006] }]);
    expect(ok(await api.getAsset({ id: seq.id })).frames.map((f) => f.sha256)).toEqual(frames.map(sha));

    // A third run finds every frame logged, across both assets: nothing new.
    const third = await ingestFolder(ctx, { ...base, paths: [dir] });
    expect(third.assets.filter((a) => !a.duplicate)).toEqual([]);
    expect(third.assets.filter((a) => a.fileName.includes('####')).map((a) => a.id).sort()).toEqual([seq.id, late[0]!.id].sort());
    expect(ok(await api.listAssets({})).total).toBe(4);
  });

  it('a first frame logged on its own, before the rest was rendered, is not logged again inside the sequence', async () => {
    const { ctx, api, dir } = await ingestWorld();
    write(dir, 'beauty/beauty.1001.exr', await framePng(1001));
    const [still] = (await ingestFolder(ctx, { ...base, paths: [join(dir, 'beauty')] })).assets;
    expect(still).toMatchObject({ fileName: 'beauty.1001.exr', frameRange: null });
    for (const f of [1002, 1003, 1004]) write(dir, `beauty/beauty.${f}.exr`, await framePng(f));
    const again = await ingestFolder(ctx, { ...base, paths: [join(dir, 'beauty')] });
    const [rest] = again.assets.filter((a) => !a.duplicate);
    expect(rest).toMatchObject({ fileName: 'beauty.####.exr', frameRange: { first: 1002, last: 1004 } });
    expect(ok(await api.getAsset({ id: rest!.id })).notes).toBe(`Frames 1002–1004 of beauty.####.exr, which is already logged as asset #${still!.id} (frame 1001).`);
    expect(again.gaps).toEqual([]);
    // Logged once more: every frame is in the log, across the two assets, each found as itself (neither is a copy).
    const third = await ingestFolder(ctx, { ...base, paths: [join(dir, 'beauty')] });
    expect(third.assets.filter((a) => !a.duplicate)).toEqual([]);
    expect(third.assets.map((a) => [a.id, a.foundPath === a.path]).sort()).toEqual([[still!.id, true], [rest!.id, true]].sort());
  });

  it('a touched frame is still the logged frame; one late frame joins its sequence, its gap is named, and typed notes keep the link', async () => {
    const { ctx, api, dir } = await ingestWorld();
    await renderFolder(dir);
    const seq = (await ingestFolder(ctx, { ...base, paths: [dir] })).assets.find((a) => a.fileName.includes('####'))!;
    // Copied without its times (or restored from a backup): same content, new mtime, so it is hashed again.
    utimesSync(join(dir, 'shots/sh010/sh010_comp_v001.1003.png'), new Date(2030, 0, 1), new Date(2030, 0, 1));
    const touched = await ingestFolder(ctx, { ...base, paths: [dir] });
    expect(touched.assets.filter((a) => !a.duplicate)).toEqual([]);
    expect(touched.assets.find((a) => a.id === seq.id)?.duplicate).toBe(true);

    write(dir, 'shots/sh010/sh010_comp_v001.1007.png', await framePng(1007));
    const late = await ingestFolder(ctx, { ...base, notes: 'batch two', paths: [dir] });
    const [added] = late.assets.filter((a) => !a.duplicate);
    expect(added).toMatchObject({ fileName: 'sh010_comp_v001.####.png', frameRange: { first: 1007, last: 1007 } });
    expect(late.gaps).toEqual([{ path: seq.path, missingFrames: [1006] }]);
    expect(ok(await api.getAsset({ id: added!.id })).notes).toBe(`batch two\nFrame 1007 of sh010_comp_v001.####.png, which is already logged as asset #${seq.id} (frames 1001–1005).`);

    // Given on its own, a late frame is still a frame of that sequence, not a separate file.
    const alone = write(dir, 'shots/sh010/sh010_comp_v001.1008.png', await framePng(1008));
    const [frame] = (await ingestFolder(ctx, { ...base, paths: [alone] })).assets;
    expect(frame).toMatchObject({ duplicate: false, fileName: 'sh010_comp_v001.####.png', frameRange: { first: 1008, last: 1008 } });
  });

  it('late frames of an unpadded sequence join it however many arrive; a far-off number is another file, not a late frame', async () => {
    const { ctx, dir } = await ingestWorld();
    const shots = join(dir, 'unpadded');
    for (let f = 1; f <= 20; f++) write(shots, `frame_${f}.png`, await framePng(100 + f));
    const [seq] = (await ingestFolder(ctx, { ...base, paths: [shots] })).assets;
    expect(seq).toMatchObject({ fileName: 'frame_#.png', frameRange: { first: 1, last: 20 } });
    const late = [];
    for (let f = 21; f <= 40; f++) late.push(write(shots, `frame_${f}.png`, await framePng(100 + f)));
    const [joined] = (await ingestFolder(ctx, { ...base, paths: late })).assets;
    expect(joined).toMatchObject({ fileName: 'frame_#.png', frameRange: { first: 21, last: 40 }, notes: expect.stringContaining(`asset #${seq!.id}`) });

    const plates = join(dir, 'plates');
    for (let f = 1001; f <= 1005; f++) write(plates, `plate.${f}.png`, await framePng(f));
    await ingestFolder(ctx, { ...base, paths: [plates] });
    const dated = write(plates, 'plate.20240115.png', await framePng(7));
    const [alone] = (await ingestFolder(ctx, { ...base, paths: [dated] })).assets;
    expect(alone).toMatchObject({ fileName: 'plate.20240115.png', frameRange: null, notes: '' });
  });

  it('frames whose extension differs in case are one sequence, no frame reported missing; a late one joins it', async () => {
    const { ctx, dir } = await ingestWorld();
    const shots = join(dir, 'farm');
    for (const [f, ext] of [[1, 'png'], [2, 'PNG'], [3, 'png'], [4, 'PNG']] as const) write(shots, `m.000${f}.${ext}`, await framePng(f));
    const first = await ingestFolder(ctx, { ...base, paths: [shots] });
    expect(first.assets.map((a) => [a.fileName, a.frameRange])).toEqual([['m.####.png', { first: 1, last: 4 }]]);
    expect(first.gaps).toEqual([]);
    const late = write(shots, 'm.0005.PNG', await framePng(5));
    const { assets: [joined], gaps } = await ingestFolder(ctx, { ...base, paths: [late] });
    expect(joined).toMatchObject({ fileName: 'm.####.png', frameRange: { first: 5, last: 5 }, notes: expect.stringContaining(`asset #${first.assets[0]!.id}`) });
    expect(gaps).toEqual([]);
    // A second file at a frame the sequence holds, spelled otherwise, is no re-render of that frame: it stays apart,
    // and the logged frames stay with their asset (the folder logged again re-logs none of them, and misses none).
    write(shots, 'm.0001.PNG', await framePng(77));
    const again = await ingestFolder(ctx, { ...base, paths: [shots] });
    expect(again.assets.filter((a) => !a.duplicate).map((a) => [a.fileName, a.frameRange, a.notes])).toEqual([['m.0001.PNG', null, '']]);
    expect(again.gaps).toEqual([]);
    expect(again.sameFrames).toEqual([{ paths: [join(shots, 'm.####.png'), join(shots, 'm.0001.PNG')], frames: [1] }]);
  });

  it('says which files or sequences hold the same frame numbers written with other padding, and logs each', async () => {
    const { ctx, dir } = await ingestWorld();
    const shots = join(dir, 'padding');
    for (const f of [1001, 1002, 1003]) write(shots, `shot.${f}.exr`, await framePng(f));
    for (const f of [1001, 1002]) write(shots, `shot.0${f}.exr`, await framePng(f + 50));
    const result = await ingestFolder(ctx, { ...base, paths: [shots] });
    expect(result.assets.map((a) => a.fileName).sort()).toEqual(['shot.####.exr', 'shot.01001.exr', 'shot.01002.exr']);
    expect(result.sameFrames).toEqual([
      { paths: [join(shots, 'shot.####.exr'), join(shots, 'shot.01001.exr')], frames: [1001] },
      { paths: [join(shots, 'shot.####.exr'), join(shots, 'shot.01002.exr')], frames: [1002] },
    ]);
  });

  it('late frames repeating a logged sequence (a loop render) come back as that asset, saying which frames were found', async () => {
    const { ctx, dir } = await ingestWorld();
    const shots = join(dir, 'loop');
    const frames = [await framePng(61), await framePng(62), await framePng(63)];
    frames.forEach((bytes, i) => write(shots, `loop.${1001 + i}.png`, bytes));
    const [first] = (await ingestFolder(ctx, { ...base, paths: [shots] })).assets;
    frames.forEach((bytes, i) => write(shots, `loop.${1004 + i}.png`, bytes));
    const again = await ingestFolder(ctx, { ...base, paths: [shots] });
    expect(again.assets).toEqual([expect.objectContaining({ id: first!.id, duplicate: true, frameRange: { first: 1001, last: 1003 }, foundFrames: { first: 1004, last: 1006 } })]);
    // A folder simply logged again finds the asset's own frames: nothing to say of them.
    rmSync(join(shots, 'loop.1004.png'));
    rmSync(join(shots, 'loop.1005.png'));
    rmSync(join(shots, 'loop.1006.png'));
    expect((await ingestFolder(ctx, { ...base, paths: [shots] })).assets[0]?.foundFrames).toBeUndefined();
  });

  it('frames far from every logged run are another render: no link to runs they lie between, no gap to them', async () => {
    const { ctx, dir } = await ingestWorld();
    const shots = join(dir, 'sim');
    for (const f of [1, 2, 3, 5000, 5001, 5002]) write(shots, `s.${String(f).padStart(4, '0')}.png`, await framePng(f));
    const [early, late] = (await ingestFolder(ctx, { ...base, paths: [shots] })).assets;
    expect([early?.frameRange, late?.frameRange]).toEqual([{ first: 1, last: 3 }, { first: 5000, last: 5002 }]);
    for (const f of [2500, 2501, 2502]) write(shots, `s.${f}.png`, await framePng(f));
    const middle = await ingestFolder(ctx, { ...base, paths: [shots] });
    const added = middle.assets.filter((a) => !a.duplicate);
    expect(added).toMatchObject([{ fileName: 's.####.png', frameRange: { first: 2500, last: 2502 }, notes: '' }]);
    expect(middle.gaps).toEqual([]);
    // Frames near one run link to that run only, and the gap named is the one between them.
    write(shots, 's.0005.png', await framePng(5));
    write(shots, 's.0006.png', await framePng(6));
    const near = await ingestFolder(ctx, { ...base, paths: [shots] });
    const joined = near.assets.filter((a) => !a.duplicate);
    expect(joined).toMatchObject([{ frameRange: { first: 5, last: 6 }, notes: `Frames 5 and 6 of s.####.png, which is already logged as asset #${early!.id} (frames 1–3).` }]);
    expect(near.gaps).toEqual([{ path: join(shots, 's.####.png'), missingFrames: [4] }]);
  });

  it('late frames of a long render name only the holes near them, not one a thousand frames back that was said when logged', async () => {
    const { ctx, dir } = await ingestWorld();
    const shots = join(dir, 'long');
    for (let f = 1; f <= 1103; f++) if (f !== 2) write(shots, `l.${String(f).padStart(4, '0')}.exr`, `frame ${f}`);
    const first = await ingestFolder(ctx, { ...base, paths: [shots] });
    expect(first.gaps).toEqual([{ path: join(shots, 'l.####.exr'), missingFrames: [2] }]);
    write(shots, 'l.1104.exr', 'frame 1104');
    const late = await ingestFolder(ctx, { ...base, paths: [shots] });
    expect(late.assets.filter((a) => !a.duplicate)).toMatchObject([{ frameRange: { first: 1104, last: 1104 } }]);
    expect(late.gaps).toEqual([]);
  });

  it('commits one batch per transaction: a failure that is not about one file (the hash worker dying) loses only its own batch', async () => {
    const { ctx, api, dir } = await ingestWorld();
    for (let i = 0; i < 6; i++) write(dir, `f${i}.txt`, `file ${i}`);
    const real = createHashPool({ concurrency: 2 });
    const pool: Pick<HashPool, 'hash'> = {
      hash: (path, o) => {
        if (path.endsWith('f4.txt')) return Promise.reject(new Error('The hash worker stopped unexpectedly'));
        if (path.endsWith('f1.txt')) return Promise.reject(new FileReadError(path, 'EACCES', 'permission denied'));
        return real.hash(path, o);
      },
    };
    const error = await ingestFolder(ctx, { ...base, paths: [dir] }, { batchSize: 2, pool }).then(() => null, (e: unknown) => e);
    await real.close();
    expect(error).toBeInstanceOf(IngestStoppedError);
    expect((error as Error).message).toMatch(/worker stopped unexpectedly.*3 asset\(s\) from batches finished before that stay logged/s);
    // What the finished batches could not read is still reported with them.
    expect((error as IngestStoppedError).partial.unreadable.map((u) => u.path)).toEqual([join(dir, 'f1.txt')]);
    expect(ok(await api.listAssets({})).rows.map((a) => a.fileName).sort()).toEqual(['f0.txt', 'f2.txt', 'f3.txt']);
    // No half-logged batch: f5 (same batch as f4) is not logged. If it was read whole before the stop, the index
    // keeps its true hash for the next run; it never holds a wrong one.
    const f5 = ctx.db.prepare("SELECT sha256 FROM file_index WHERE path LIKE '%f5.txt'").get() as { sha256: string } | undefined;
    expect([undefined, sha(Buffer.from('file 5'))]).toContain(f5?.sha256);
  });

  it('stopped by a failure, it still reports what its committed batches left out: files needing a tool, gaps, scan skips', async () => {
    const { ctx, dir } = await ingestWorld();
    const notes = write(dir, 'a-notes.txt', 'no tool named anywhere');
    for (const f of [1001, 1002, 1004]) write(dir, `b_shot.${f}.png`, await a1111Png(f - 1000));
    write(dir, 'c-later.txt', 'in the batch that fails');
    symlinkSync(join(dir, 'nowhere.png'), join(dir, 'd-broken.png'));
    const real = createHashPool({ concurrency: 2 });
    const pool: Pick<HashPool, 'hash'> = {
      hash: (path, o) => (path.endsWith('c-later.txt') ? Promise.reject(new Error('The hash worker stopped unexpectedly')) : real.hash(path, o)),
    };
    const { tool: _none, ...noTool } = base;
    const error = await ingestFolder(ctx, { ...noTool, paths: [dir] }, { batchSize: 2, pool }).then(() => null, (e: unknown) => e);
    await real.close();
    expect(error).toBeInstanceOf(IngestStoppedError);
    const { partial } = error as IngestStoppedError;
    expect(partial.assets.map((a) => [a.fileName, a.tool])).toEqual([['b_shot.####.png', 'Automatic1111']]);
    expect(partial.needTool).toEqual([notes]);
    expect(partial.gaps).toEqual([{ path: join(dir, 'b_shot.####.png'), missingFrames: [1003] }]);
    expect(partial.skipped.map((s) => s.path)).toEqual([join(dir, 'd-broken.png')]);
    expect(partial.notReached).toBe(1); // c-later.txt, in the batch that failed
  });

  it('stopped before a batch was committed, it does not count the files of that batch the log already holds unchanged', async () => {
    const { ctx, dir } = await ingestWorld();
    const logged = write(dir, 'x-logged.txt', 'logged before');
    await ingestFolder(ctx, { ...base, paths: [logged] });
    write(dir, 'c-later.txt', 'in the batch that fails');
    const real = createHashPool({ concurrency: 2 });
    const pool: Pick<HashPool, 'hash'> = {
      hash: (path, o) => (path.endsWith('c-later.txt') ? Promise.reject(new Error('The hash worker stopped unexpectedly')) : real.hash(path, o)),
    };
    const error = await ingestFolder(ctx, { ...base, paths: [dir] }, { batchSize: 2, pool }).then(() => null, (e: unknown) => e);
    await real.close();
    expect(error).toBeInstanceOf(IngestStoppedError);
    expect((error as IngestStoppedError).partial.notReached).toBe(1); // c-later.txt; x-logged.txt is in the log
  });

  it('a file that cannot be read is left out and named; everything else, in its batch too, is logged', async () => {
    const { ctx, api, dir } = await ingestWorld();
    for (let i = 0; i < 6; i++) write(dir, `f${i}.txt`, `file ${i}`);
    const real = createHashPool({ concurrency: 2 });
    // The disk refuses one file (as a permission error would); every other file is really hashed.
    const pool: Pick<HashPool, 'hash'> = {
      hash: (path, o) => (path.endsWith('f4.txt') ? Promise.reject(new FileReadError(path, 'EACCES', 'permission denied')) : real.hash(path, o)),
    };
    const result = await ingestFolder(ctx, { ...base, paths: [dir] }, { batchSize: 2, pool });
    await real.close();
    expect(result.unreadable).toEqual([{ path: join(dir, 'f4.txt'), reason: 'cannot be read: permission denied', files: [join(dir, 'f4.txt')] }]);
    expect(result.filesHashed).toBe(5);
    expect(ok(await api.listAssets({})).rows.map((a) => a.fileName).sort()).toEqual(['f0.txt', 'f1.txt', 'f2.txt', 'f3.txt', 'f5.txt']);
    expect(ctx.db.prepare("SELECT count(*) AS n FROM file_index WHERE path LIKE '%f4.txt'").get()).toEqual({ n: 0 });
  });

  it('a file deleted or rewritten after the folder was listed is named, not logged, and the run goes on', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const gone = write(dir, 'gone.txt', 'rendered then cleaned up');
    const growing = write(dir, 'growing.txt', 'half written');
    const goneLater = write(dir, 'gone-later.txt', 'cleaned up right after it was read');
    const nowFolder = write(dir, 'now-folder.png', 'replaced by a folder of the same name right after it was read');
    write(dir, 'kept.txt', 'stays');
    const real = createHashPool({ concurrency: 1 });
    // Real disk events at the moment the worker would read, or just after: no simulated error.
    const pool: Pick<HashPool, 'hash'> = {
      hash: async (path, o) => {
        if (path === gone) rmSync(gone);
        if (path === growing) appendFileSync(growing, ' and then some more');
        const hashed = await real.hash(path, o);
        if (path === goneLater) rmSync(goneLater);
        if (path === nowFolder) {
          rmSync(nowFolder);
          mkdirSync(nowFolder);
        }
        return hashed;
      },
    };
    const result = await ingestFolder(ctx, { ...base, paths: [dir] }, { pool });
    await real.close();
    expect(result.unreadable).toEqual([
      { path: goneLater, reason: 'cannot be read: it does not exist', files: [goneLater] },
      { path: gone, reason: 'cannot be read: it does not exist', files: [gone] },
      { path: growing, reason: expect.stringMatching(/^cannot be read: it changed while being read .*wait until it is completely written$/), files: [growing] },
      { path: nowFolder, reason: 'cannot be read: it is a folder, not a file', files: [nowFolder] },
    ]);
    expect(ok(await api.listAssets({})).rows.map((a) => a.fileName)).toEqual(['kept.txt']);
  });

  it('a sequence with a frame that cannot be read is not logged; its other frames are not read again once it can be', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const frames = await renderFolder(dir);
    const locked = join(dir, 'shots/sh010/sh010_comp_v001.1003.png');
    const refusing = countingPool();
    const first = await ingestFolder(ctx, { ...base, paths: [join(dir, 'shots')] }, {
      pool: { hash: (path, o) => (path === locked ? Promise.reject(new FileReadError(path, 'EIO', 'the disk reported an input/output error')) : refusing.pool.hash(path, o)) },
    });
    await refusing.close();
    expect(first.unreadable).toEqual([{
      path: join(dir, 'shots/sh010/sh010_comp_v001.####.png'),
      reason: 'frame sh010_comp_v001.1003.png cannot be read: the disk reported an input/output error; the sequence was not logged',
      files: [locked],
    }]);
    expect(first.assets.map((a) => a.fileName)).toEqual(['notes.txt']);

    const again = countingPool();
    const second = await ingestFolder(ctx, { ...base, paths: [join(dir, 'shots')] }, { pool: again.pool });
    await again.close();
    expect(again.hashed).toEqual([locked]);
    expect(second.unreadable).toEqual([]);
    const seq = second.assets.find((a) => a.fileName === 'sh010_comp_v001.####.png');
    expect(seq).toMatchObject({ duplicate: false, sha256: createHash('sha256').update(frames.map(sha).join('\n')).digest('hex') });
    expect(ok(await api.listAssets({})).total).toBe(2);
  });

  it('cancelled before the first batch commits, it logs nothing; files read whole are not read again by the next run', async () => {
    const { ctx, api, dir } = await ingestWorld();
    sparseFile(dir, 'huge.mov', 2 * 1024 * 1024 * 1024);
    const small = write(dir, 'small.png', await a1111Png(5));
    const controller = new AbortController();
    const first = countingPool();
    const run = ingestFolder(ctx, { ...base, paths: [dir] }, {
      signal: controller.signal,
      pool: first.pool,
      // Cancelled once the small file is hashed, while the huge one (seconds of reading) is on its way.
      onProgress: (p) => { if (p.filesDone >= 1) controller.abort(); },
    });
    const error = await run.then(() => null, (e: unknown) => e);
    await first.close();
    expect(error).toBeInstanceOf(IngestStoppedError);
    expect(error).toMatchObject({ cancelled: true, message: expect.stringMatching(/cancelled.*Nothing was logged/) });
    expect(ok(await api.listAssets({})).total).toBe(0);
    expect(ctx.db.prepare('SELECT count(*) AS n FROM provenance').get()).toEqual({ n: 0 });
    // The huge file was not read to its end: not in the index. The small one was: the next run does not read it.
    expect(ctx.db.prepare('SELECT path FROM file_index').all()).toEqual([{ path: small }]);
    const again = countingPool();
    sparseFile(dir, 'huge.mov', 1024); // re-rendered small, so the second run is quick
    await ingestFolder(ctx, { ...base, paths: [dir] }, { pool: again.pool });
    await again.close();
    expect(again.hashed).toEqual([join(dir, 'huge.mov')]);
  });

  it('keeps the hashes of files read while their batch is still being read, so a run killed outright does not read them again', async () => {
    const { ctx, dir } = await ingestWorld();
    const stills = [0, 1, 2].map((i) => write(dir, `s${i}.txt`, `still ${i}`));
    write(dir, 'stuck.mov', 'a file the disk is slow to give');
    const real = createHashPool({ concurrency: 2 });
    let release = () => {};
    const released = new Promise<void>((r) => { release = r; });
    // The last file hangs (a share gone slow) until the test lets it go: the batch cannot commit meanwhile.
    const pool: Pick<HashPool, 'hash'> = { hash: (path, o) => (path.endsWith('stuck.mov') ? released.then(() => real.hash(path, o)) : real.hash(path, o)) };
    // Kept after a while even though no other file arrives after the three (a timer, not the next hash).
    const run = ingestFolder(ctx, { ...base, paths: [dir] }, { pool, keepHashesEvery: { ms: 300, bytes: 1024 ** 3 } });
    const indexed = () => (ctx.db.prepare('SELECT path FROM file_index ORDER BY path').all() as { path: string }[]).map((r) => r.path);
    const deadline = Date.now() + 10_000;
    while (indexed().length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    // What a kill now would leave: the three files read, in the index; no asset yet.
    expect(indexed()).toEqual(stills);
    expect(ctx.db.prepare('SELECT count(*) AS n FROM assets').get()).toEqual({ n: 0 });
    release();
    expect((await run).assets).toHaveLength(4);
    await real.close();
  });

  it('stopped by another program holding the database\'s lock, it says so in words, not as SQLite\'s "database is locked"', async () => {
    const { ctx, dir } = await ingestWorld();
    write(dir, 's.txt', 'still');
    ctx.db.pragma('busy_timeout = 20');
    const other = new Database(ctx.dbPath);
    other.exec('BEGIN IMMEDIATE');
    try {
      const error = await ingestFolder(ctx, { ...base, paths: [dir] }).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(IngestStoppedError);
      expect((error as Error).message).toBe(`The database ${ctx.dbPath} is busy: another program (another GenLog, a backup or sync tool) held its write lock ` +
        'for longer than the 5 s GenLog waits (database is locked). Try again once that program is done. Nothing was logged.');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it('cancelled after every file was hashed but before the commit, it logs nothing and the next run reads nothing again', async () => {
    const { ctx, api, dir } = await ingestWorld();
    for (let i = 0; i < 3; i++) write(dir, `s${i}.txt`, `still ${i}`);
    const controller = new AbortController();
    const real = createHashPool({ concurrency: 1 });
    let hashed = 0;
    // The cancel arrives just after the last file is read, while the batch is on its way to the commit.
    const pool: Pick<HashPool, 'hash'> = { hash: (path, o) => real.hash(path, o).then((r) => { if (++hashed === 3) setImmediate(() => controller.abort()); return r; }) };
    const error = await ingestFolder(ctx, { ...base, paths: [dir] }, { signal: controller.signal, pool }).then(() => null, (e: unknown) => e);
    await real.close();
    expect(error).toMatchObject({ cancelled: true });
    expect(ok(await api.listAssets({})).total).toBe(0);
    const again = countingPool();
    await ingestFolder(ctx, { ...base, paths: [dir] }, { pool: again.pool });
    await again.close();
    expect(again.hashed).toEqual([]);
    expect(ok(await api.listAssets({})).total).toBe(3);
  });

  it('files named one by one with skipUnreadable: false are all or none, however many (one transaction)', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const named = Array.from({ length: 501 }, (_, i) => write(dir, `n${String(i).padStart(3, '0')}.txt`, `note ${i}`));
    const real = createHashPool({ concurrency: 2 });
    const pool: Pick<HashPool, 'hash'> = {
      hash: (path, o) => (path.endsWith('n500.txt') ? Promise.reject(new FileReadError(path, 'EACCES', 'permission denied')) : real.hash(path, o)),
    };
    const error = await ingestFolder(ctx, { ...base, paths: named, skipUnreadable: false }, { pool }).then(() => null, (e: unknown) => e);
    await real.close();
    expect((error as Error).message).toMatch(/n500\.txt.*permission denied\. Nothing was logged\./);
    expect(ok(await api.listAssets({})).total).toBe(0);
  });

  it('a named file gone since it was dropped is named as not read; the others are logged', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const kept = write(dir, 'kept.png', await a1111Png(8));
    const gone = join(dir, 'gone.png');
    const result = await ingestFolder(ctx, { ...base, paths: [kept, gone] });
    expect(result.unreadable).toEqual([{ path: gone, reason: 'cannot be read: it does not exist', files: [gone] }]);
    expect(ok(await api.listAssets({})).rows.map((a) => a.fileName)).toEqual(['kept.png']);
    // Named alone, it is still an error: there is nothing to log.
    await expect(ingestFolder(ctx, { ...base, paths: [gone] })).rejects.toThrow(`Cannot read "${gone}": it does not exist`);
  });

  it('every named path that cannot be read is named, not only the first, all or none or not', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const kept = write(dir, 'kept.png', await a1111Png(9));
    const [gone1, gone2] = [join(dir, 'gone1.png'), join(dir, 'gone2.png')];
    const listed = `Cannot read 2 of the paths named:\n  ${gone1}: it does not exist\n  ${gone2}: it does not exist`;
    await expect(ingestFolder(ctx, { ...base, paths: [kept, gone1, gone2], skipUnreadable: false }))
      .rejects.toThrow(`${listed}\nNothing was logged: the paths named are logged all or none.`);
    await expect(ingestFolder(ctx, { ...base, paths: [gone1, gone2] })).rejects.toThrow(listed);
    // A link whose target is gone says so, as it does inside a folder.
    const link = join(dir, 'link.png');
    symlinkSync(join(dir, 'moved_away.png'), link);
    await expect(ingestFolder(ctx, { ...base, paths: [link] })).rejects.toThrow(`Cannot read "${link}": it is a broken symbolic link (to ${join(dir, 'moved_away.png')})`);
    expect(ok(await api.listAssets({})).total).toBe(0);
  });

  it('makes WebP thumbnails for logged images after the commit and serves them as data: URLs', async () => {
    const { ctx, api, dir } = await ingestWorld();
    await renderFolder(dir);
    const { assets } = await ingestFolder(ctx, { ...base, paths: [dir] });
    await thumbnailsIdle(ctx);
    const hero = assets.find((a) => a.fileName === 'hero.png')!;
    const seq = assets.find((a) => a.fileName.includes('####'))!;
    for (const a of [hero, seq]) {
      expect(existsSync(join(ctx.dataDir, 'thumbnails', `${a.sha256}.webp`))).toBe(true);
      const thumb = ok(await api.getThumbnail({ id: a.id }));
      expect(thumb.dataUrl).toMatch(/^data:image\/webp;base64,/);
      expect(Buffer.from(thumb.dataUrl!.split(',')[1]!, 'base64').subarray(8, 12).toString()).toBe('WEBP');
    }
    expect(ok(await api.getAsset({ id: hero.id })).thumbnail).toBe(true);
    const notes = assets.find((a) => a.fileName === 'notes.txt')!;
    expect(ok(await api.getThumbnail({ id: notes.id }))).toMatchObject({ dataUrl: null, reason: expect.stringMatching(/No preview for \.txt/) });
  });

  it('gives a truncated image no blank preview, and a too-large one a reason naming its size', async () => {
    const dir = tempDir();
    const cli = createContext({ dbPath: join(dir, 'cli.db'), transport: 'cli', actor: 'ana' });
    const api = testClient(cli);
    await seedCatalog(api);
    const whole = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#aa3300' } }).png({ compressionLevel: 0 }).toBuffer();
    const cut = write(dir, 'cut.png', whole.subarray(0, whole.length >> 1));
    // 17,000 × 17,000 is over sharp's input limit (about 268 megapixels), refused from the header alone.
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(17_000, 0);
    ihdr.writeUInt32BE(17_000, 4);
    ihdr.writeUInt8(1, 8); // one bit per pixel, greyscale
    const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const huge = write(dir, 'huge.png', Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(Buffer.alloc(4096))), pngChunk('IEND', Buffer.alloc(0))]));
    const [c, h] = ok(await api.logAssets({ files: [{ path: cut }, { path: huge }], production: 'SHOW1', tool: 'Firefly' }));
    expect(ok(await api.getThumbnail({ id: c!.id }))).toMatchObject({ dataUrl: null, reason: expect.stringMatching(/^The image could not be decoded \(.+\): the file may be incomplete or damaged\./) });
    expect(ok(await api.getThumbnail({ id: h!.id }))).toMatchObject({ dataUrl: null, reason: expect.stringMatching(/^The image is too large to preview \(17000 × 17000 pixels\)/) });
    cli.db.close();
  });

  it('makes a missing thumbnail on request (CLI-logged assets), but not from a file that changed since it was logged', async () => {
    const dir = tempDir();
    const cli = createContext({ dbPath: join(dir, 'cli.db'), transport: 'cli', actor: 'ana' });
    const api = testClient(cli);
    await seedCatalog(api);
    const kept = write(dir, 'kept.png', await a1111Png(4));
    const moved = write(dir, 'moved.png', await a1111Png(5));
    const [a, b] = ok(await api.logAssets({ files: [{ path: kept }, { path: moved }], production: 'SHOW1', tool: 'Firefly' }));
    expect(ok(await api.getAsset({ id: a!.id })).thumbnail).toBe(false); // the CLI does not wait for thumbnails
    expect(ok(await api.getThumbnail({ id: a!.id })).dataUrl).toMatch(/^data:image\/webp;base64,/);
    expect(ok(await api.getAsset({ id: a!.id })).thumbnail).toBe(true);
    write(dir, 'moved.png', await a1111Png(6));
    expect(ok(await api.getThumbnail({ id: b!.id }))).toMatchObject({ dataUrl: null, reason: expect.stringMatching(/changed since it was logged/) });
    cli.db.close();
  });
});
