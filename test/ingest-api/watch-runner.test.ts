import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, mkdirSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { basename, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeParserThread } from '../../main/provenance';
import { FileReadError, createHashPool, type HashPool } from '../../main/ingest';
import { startWatchRunner, type WatchEvent, type WatchRunner } from '../../main/services/ingest/watch-runner';
import { describeEvent } from '../../main/cli/commands/ingest-commands';
import { failedLook, lockReleased, seenFinished, settledSinceLastLook, succeededLook, type ActiveWatch } from '../../main/services/ingest/active-watch';
import { createContext } from '../../main/app-context';
import type { ApiContext } from '../../main/api/context';
import { ok, testClient } from '../support/context';
import { comfyPng, framePng, ingestWorld, rendersAndSidecarPair, sparseFile, write } from './fixtures';

afterAll(closeParserThread);

const FAST = { stabilityMs: 400, pollMs: 50, settleMs: 300 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A file that arrived while nothing watched, a minute ago: one modified moments before a watch starts may still be being written. */
function arrivedEarlier(...paths: string[]): void {
  const minuteAgo = new Date(Date.now() - 60_000);
  for (const path of paths) utimesSync(path, minuteAgo, minuteAgo);
}

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

let running: WatchRunner | undefined;

/** Watches `folder` for SHOW1 with LocalSD, starts the runner with `options`, and waits for its catch-up scan. */
async function watchedAndCaughtUp(ctx: ApiContext, folder: string, options: Parameters<typeof startWatchRunner>[1]) {
  ok(await testClient(ctx).addWatchFolder({ path: folder, production: 'SHOW1', tool: 'LocalSD' }));
  const events: WatchEvent[] = [];
  const runner = await startWatchRunner(ctx, options, (e) => events.push(e));
  running = runner;
  await until(() => events.find((e) => e.type === 'caught-up'), 'the catch-up scan');
  return { events, runner };
}

/** The running watcher stops hearing about `folder` (events lost, as under load): only its rescans see it now. */
function loseEventsOf(folder: string): void {
  (running as unknown as { active: Map<number, { watcher: { unwatch(p: string): void } }> }).active.forEach((a) => a.watcher.unwatch(folder));
}

/** A watched empty folder (rechecks every 100 ms) whose drafts wait 20 ms for the lock `other` is about to take. */
async function watchFacingALock() {
  const { ctx, api, dir } = await ingestWorld();
  const renders = join(dir, 'renders');
  mkdirSync(renders);
  const { events } = await watchedAndCaughtUp(ctx, renders, { ...FAST, recheckMs: 100, rescanMs: 0 });
  ctx.db.pragma('busy_timeout = 20');
  return { api, renders, events, other: new Database(ctx.dbPath) };
}

/** An empty render folder watched by a running runner (stopped after each test), its catch-up scan done. */
async function watchedEmptyFolder() {
  const { ctx, api, dir } = await ingestWorld();
  const renders = join(dir, 'renders');
  mkdirSync(renders);
  ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'LocalSD' }));
  const events: WatchEvent[] = [];
  running = await startWatchRunner(ctx, FAST, (e) => events.push(e));
  await until(() => events.find((e) => e.type === 'caught-up'), 'the catch-up scan');
  return { ctx, api, renders, events };
}
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describe('watch runner', () => {
  it('catches up on start, then drafts a new file only once it is completely written', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    arrivedEarlier(write(renders, 'before.png', await comfyPng()));
    ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'LocalSD' }));
    const events: WatchEvent[] = [];
    running = await startWatchRunner(ctx, FAST, (e) => events.push(e));
    await until(() => events.find((e) => e.type === 'caught-up'), 'the catch-up scan');
    expect(ok(await api.listInbox({})).rows.map((i) => i.fileName)).toEqual(['before.png']);

    const path = join(renders, 'slow.exr');
    const chunks = Array.from({ length: 5 }, (_, i) => Buffer.alloc(64 * 1024, i + 1));
    writeFileSync(path, chunks[0]!);
    for (const chunk of chunks.slice(1)) {
      await sleep(150);
      appendFileSync(path, chunk);
      expect(ok(await api.listInbox({})).total).toBe(1); // still being written: not in the inbox yet
    }
    const found = await until(() => events.find((e) => e.type === 'found' && e.item.fileName === 'slow.exr'), 'slow.exr in the inbox');
    const whole = Buffer.concat(chunks);
    expect(found).toMatchObject({ item: { size: whole.length, sha256: createHash('sha256').update(whole).digest('hex'), status: 'pending', mediaType: 'image' } });
    expect(ok(await api.listInbox({})).total).toBe(2);
  });

  it('takes a pending draft out of the inbox when its file is deleted, and a renamed render is drafted under its new name only', async () => {
    const { api, renders, events } = await watchedEmptyFolder();
    write(renders, 'mistake.png', await framePng(1));
    write(renders, 'hero.png.tmp', await framePng(2));
    const mistake = await until(() => events.find((e) => e.type === 'found' && e.item.fileName === 'mistake.png'), 'mistake.png in the inbox');
    const tmp = await until(() => events.find((e) => e.type === 'found' && e.item.fileName === 'hero.png.tmp'), 'hero.png.tmp in the inbox');
    rmSync(join(renders, 'mistake.png'));
    renameSync(join(renders, 'hero.png.tmp'), join(renders, 'hero.png'));
    await until(() => events.find((e) => e.type === 'found' && e.item.fileName === 'hero.png'), 'hero.png in the inbox');
    const gone = await until(() => {
      const ids = events.flatMap((e) => (e.type === 'gone' ? e.items.map((g) => g.id) : []));
      return ids.length === 2 ? ids.sort() : undefined;
    }, 'both drafts to be taken out');
    expect(gone).toEqual([mistake.type === 'found' ? mistake.item.id : 0, tmp.type === 'found' ? tmp.item.id : 0].sort());
    expect(ok(await api.listInbox({})).rows.map((i) => i.fileName)).toEqual(['hero.png']);
  });

  it('picks up a folder another GenLog adds or resumes while it runs, with a catch-up scan, and reports a missing one once', async () => {
    const { ctx, dir } = await ingestWorld();
    const events: WatchEvent[] = [];
    running = await startWatchRunner(ctx, { ...FAST, recheckMs: 100 }, (e) => events.push(e));
    // Another process: its own connection to the same database, so this runner hears of nothing but the database.
    const other = createContext({ dbPath: ctx.dbPath, transport: 'cli', actor: 'render-node' });
    const otherApi = testClient(other);
    try {
      const renders = join(dir, 'renders');
      write(renders, 'while_away.png', await comfyPng());
      const w = ok(await otherApi.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'LocalSD' }));
      await until(() => events.find((e) => e.type === 'found' && e.item.fileName === 'while_away.png'), 'the added folder to be caught up');

      ok(await otherApi.enableWatchFolder({ id: w.id, enabled: false }));
      await until(() => (running?.watching().includes(w.id) ? undefined : true), 'the paused folder to be let go');
      write(renders, 'while_paused.png', await comfyPng());
      ok(await otherApi.enableWatchFolder({ id: w.id, enabled: true }));
      await until(() => events.find((e) => e.type === 'found' && e.item.fileName === 'while_paused.png'), 'the resumed folder to be caught up');

      const gone = join(dir, 'gone');
      mkdirSync(gone);
      ok(await otherApi.addWatchFolder({ path: gone, production: 'SHOW1' }));
      rmSync(gone, { recursive: true });
      await sleep(600);
      expect(events.filter((e) => e.type === 'error' && /missing or not a folder/.test(e.message))).toHaveLength(1);
    } finally {
      other.db.close();
    }
  });

  it('watches a folder again after it was deleted or moved away and made anew, with a catch-up scan', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    write(renders, 'first.png', await comfyPng());
    const w = ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'LocalSD' }));
    const events: WatchEvent[] = [];
    running = await startWatchRunner(ctx, { ...FAST, recheckMs: 100 }, (e) => events.push(e));
    await until(() => events.find((e) => e.type === 'caught-up'), 'the catch-up scan');

    renameSync(renders, join(dir, 'renders.old'));
    await until(() => events.find((e) => e.type === 'unwatched' && e.watchId === w.id && e.reason === 'gone'), 'the folder to be let go');
    mkdirSync(renders);
    write(renders, 'second.png', await comfyPng());
    await until(() => events.find((e) => e.type === 'found' && e.item.fileName === 'second.png'), 'the new folder to be caught up');
    // And watched, not only scanned: a file written now arrives too.
    write(renders, 'third.png', await comfyPng());
    await until(() => events.find((e) => e.type === 'found' && e.item.fileName === 'third.png'), 'a file in the new folder');
    expect(running.watching()).toEqual([w.id]);

    // Deleted and made again at once: on ext4 the new folder gets the inode just freed.
    const goneBefore = events.filter((e) => e.type === 'unwatched').length;
    rmSync(renders, { recursive: true });
    mkdirSync(renders);
    await until(() => (events.filter((e) => e.type === 'unwatched').length > goneBefore ? true : undefined), 'the deleted folder to be let go');
    write(renders, 'fourth.png', await comfyPng());
    await until(() => events.find((e) => e.type === 'found' && e.item.fileName === 'fourth.png'), 'a file in the folder made again');
  });

  it('a file being written when the watch starts is not drafted half-written by the catch-up, but once, when finished', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    mkdirSync(renders);
    const rendering = join(renders, 'rendering.exr');
    writeFileSync(rendering, Buffer.alloc(1000, 1));
    ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'LocalSD' }));
    const events: WatchEvent[] = [];
    running = await startWatchRunner(ctx, { ...FAST, stabilityMs: 3000, recheckMs: 200 }, (e) => events.push(e));
    const caughtUp = await until(() => events.find((e) => e.type === 'caught-up'), 'the catch-up scan');
    // The render goes on a little after the watch started.
    for (let i = 0; i < 4; i++) {
      await sleep(250);
      appendFileSync(rendering, Buffer.alloc(1000, 2));
    }
    expect(caughtUp).toMatchObject({ result: { found: [], stillWriting: 1 } });
    expect(describeEvent(caughtUp)).toContain(', 1 still being written (drafted once finished).');
    const found = await until(() => events.find((e) => e.type === 'found'), 'the finished file to be drafted');
    expect(found).toMatchObject({ item: { fileName: 'rendering.exr', size: 5000 } });
    await sleep(1000);
    expect(events.filter((e) => e.type === 'found')).toHaveLength(1);
  });

  it('a file finished moments before the watch started, with no write after, is drafted at the second look', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    mkdirSync(renders);
    write(renders, 'just-done.png', await framePng(5));
    ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'LocalSD' }));
    const events: WatchEvent[] = [];
    running = await startWatchRunner(ctx, { ...FAST, stabilityMs: 1500, recheckMs: 200, rescanMs: 0 }, (e) => events.push(e));
    expect(await until(() => events.find((e) => e.type === 'caught-up'), 'the catch-up scan')).toMatchObject({ result: { found: [], stillWriting: 1 } });
    expect(await until(() => events.find((e) => e.type === 'found'), 'the second look to draft it')).toMatchObject({ item: { fileName: 'just-done.png' } });
  });

  it('lands frames rendered together as one sequence draft, and frames arriving later join it', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    write(renders, 'readme.txt', 'x');
    ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', include: ['*.png'] }));
    const events: WatchEvent[] = [];
    running = await startWatchRunner(ctx, FAST, (e) => events.push(e));
    await until(() => events.find((e) => e.type === 'caught-up'), 'the catch-up scan');
    for (let f = 1001; f <= 1004; f++) {
      write(renders, `sh040/sh040_v002.${f}.png`, await framePng(f));
      await sleep(60);
    }
    const first = await until(async () => ok(await api.listInbox({})).rows.find((i) => i.frameCount === 4), 'the sequence draft');
    expect(first).toMatchObject({ fileName: 'sh040_v002.####.png', frameRange: { first: 1001, last: 1004 }, frameCount: 4 });
    expect(ok(await api.listInbox({})).total).toBe(1);

    for (let f = 1005; f <= 1006; f++) write(renders, `sh040/sh040_v002.${f}.png`, await framePng(f));
    const grown = await until(async () => ok(await api.listInbox({})).rows.find((i) => i.frameCount === 6), 'the grown sequence draft');
    expect(grown.frameRange).toEqual({ first: 1001, last: 1006 });
    expect(ok(await api.listInbox({ status: 'all' })).total).toBe(1); // the 4-frame draft was replaced, not kept beside it
    // …and the new draft says which one it replaced, so an id read before is not a mystery.
    expect(events.find((e) => e.type === 'found' && e.item.id === grown.id)).toMatchObject({ replaces: [first.id], readAgain: false });
    expect(describeEvent(events.find((e) => e.type === 'found' && e.item.id === grown.id)!)).toMatch(new RegExp(`; replaces #${first.id}, which held some of its files\\.\\n$`));
    expect(ok(await api.getInboxItem({ id: grown.id })).frames.map((f) => f.frame)).toEqual([1001, 1002, 1003, 1004, 1005, 1006]);
  });

  it('drafts forty files landing at once without a listener warning on stderr', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', onWarning);
    try {
      const { api, renders } = await watchedEmptyFolder();
      for (let i = 0; i < 40; i++) write(renders, `var_${i}.bin`, `variation ${i}`);
      await until(async () => (ok(await api.listInbox({})).total === 40 ? true : undefined), 'forty drafts');
      await sleep(50);
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('a frame of a waiting sequence deleted: the frames still there wait as a new draft, the lost one named missing', async () => {
    const { api, renders, events } = await watchedEmptyFolder();
    for (let f = 1001; f <= 1003; f++) write(renders, `pd.${f}.png`, await framePng(60 + f));
    const first = await until(async () => ok(await api.listInbox({})).rows.find((i) => i.frameCount === 3), 'the sequence draft');
    rmSync(join(renders, 'pd.1002.png'));
    const gone = await until(() => events.find((e) => e.type === 'gone'), 'the draft to be taken out');
    expect(gone).toMatchObject({ items: [{ id: first.id, path: join(renders, 'pd.####.png'), framesGone: [1002] }] });
    const left = await until(async () => ok(await api.listInbox({})).rows.find((i) => i.frameCount === 2), 'the frames still there as a draft');
    expect(left).toMatchObject({ kind: 'sequence', fileName: 'pd.####.png', frameRange: { first: 1001, last: 1003 } });
    expect(ok(await api.listInbox({ status: 'all' })).total).toBe(1);
    // It can be confirmed, unlike the draft that named the deleted frame.
    expect(ok(await api.confirmInbox({ id: left.id })).asset).toMatchObject({ frameRange: { first: 1001, last: 1003 } });
  });

  it('a sequence with a frame that cannot be read yet is drafted whole once it can, saying so once meanwhile', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    mkdirSync(renders);
    ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'LocalSD' }));
    // The render farm writes frame 2 with permissions the artist's account lacks, and fixes them later.
    let locked = true;
    const real = createHashPool({ concurrency: 2 });
    const hashed: string[] = [];
    const pool: Pick<HashPool, 'hash'> = {
      hash: (path, o) => {
        hashed.push(basename(path));
        // Worded differently on each attempt, as a file still growing is ("N bytes before, M read").
        const attempt = hashed.filter((n) => n === 'k.0002.png').length;
        return locked && path.endsWith('k.0002.png')
          ? Promise.reject(new FileReadError(path, undefined, `it changed while being read (${attempt} bytes before, ${attempt + 1} bytes read)`))
          : real.hash(path, o);
      },
    };
    const events: WatchEvent[] = [];
    try {
      running = await startWatchRunner(ctx, { ...FAST, recheckMs: 200, pool }, (e) => events.push(e));
      await until(() => events.find((e) => e.type === 'caught-up'), 'the catch-up scan');
      for (let f = 1; f <= 3; f++) write(renders, `k.000${f}.png`, await framePng(f));
      await until(() => events.find((e) => e.type === 'error' && /k\.0002\.png.*changed while being read/.test(e.message)), 'the locked frame to be reported');
      // Several rechecks retry it.
      await until(() => (hashed.filter((n) => n === 'k.0002.png').length > 2 ? true : undefined), 'two retries of the locked frame');
      expect(events.filter((e) => e.type === 'error')).toHaveLength(1);
      expect(ok(await api.listInbox({})).total).toBe(0);
      const retriesBefore = hashed.length;
      locked = false;
      const found = await until(() => events.find((e) => e.type === 'found'), 'the whole sequence to be drafted');
      expect(found).toMatchObject({ item: { fileName: 'k.####.png', kind: 'sequence', frameRange: { first: 1, last: 3 } } });
      expect(ok(await api.listInbox({})).total).toBe(1);
      // Frames 1 and 3 were read once, when they arrived; retries read only the locked frame.
      expect(hashed.filter((n) => n !== 'k.0002.png').sort()).toEqual(['k.0001.png', 'k.0003.png']);
      expect(hashed.length).toBeGreaterThan(retriesBefore);
    } finally {
      await running?.stop();
      running = undefined;
      await real.close();
    }
  });

  it('a file that stays unreadable is retried less and less often, and at once when a new file lands in its folder', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    mkdirSync(renders);
    ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'LocalSD' }));
    const real = createHashPool({ concurrency: 1 });
    const failedAt: number[] = [];
    const readAt = new Map<string, number>();
    let locked = true;
    const pool: Pick<HashPool, 'hash'> = {
      hash: (path, o) => {
        if (path.endsWith('locked.png') && locked) {
          failedAt.push(Date.now());
          return Promise.reject(new FileReadError(path, 'EACCES', 'permission denied'));
        }
        readAt.set(basename(path), Date.now());
        return real.hash(path, o);
      },
    };
    const events: WatchEvent[] = [];
    const recheckMs = 50;
    try {
      running = await startWatchRunner(ctx, { ...FAST, settleMs: 20, recheckMs, pool }, (e) => events.push(e));
      await until(() => events.find((e) => e.type === 'caught-up'), 'the catch-up scan');
      write(renders, 'locked.png', await framePng(1));
      await until(() => (failedAt.length > 0 ? true : undefined), 'the locked file to be tried');
      await sleep(2500);
      // A retry at every recheck would be about 35 attempts in 2.5 s; after 0, 1, 3, 7 … skipped rechecks, about 6.
      expect(failedAt.length).toBeGreaterThanOrEqual(3);
      expect(failedAt.length).toBeLessThanOrEqual(9);
      const gaps = failedAt.slice(1).map((t, i) => t - (failedAt[i] as number));
      expect(gaps[gaps.length - 1]).toBeGreaterThan(gaps[0] as number);
      expect(events.filter((e) => e.type === 'error')).toHaveLength(1);
      // Its next turn is at least 2^(attempts-1) rechecks away: a new render landing beside it brings it along now.
      await until(() => (failedAt.length >= 6 ? true : undefined), 'six attempts', 20_000);
      const nextTurnAt = (failedAt.at(-1) as number) + 2 ** (failedAt.length - 1) * recheckMs;
      locked = false;
      write(renders, 'other.png', await framePng(2));
      await until(async () => (ok(await api.listInbox({})).total === 2 ? true : undefined), 'both files drafted');
      expect(Math.abs((readAt.get('locked.png') as number) - (readAt.get('other.png') as number))).toBeLessThan(200);
      expect(readAt.get('locked.png')).toBeLessThan(nextTurnAt);
    } finally {
      await running?.stop();
      running = undefined;
      await real.close();
    }
  });

  it('while the queue is busy with a long read, a file waiting to be retried is queued once, not once per recheck', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    const plates = join(dir, 'plates');
    mkdirSync(renders);
    mkdirSync(plates);
    ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'LocalSD' }));
    const real = createHashPool({ concurrency: 1 });
    let attempts = 0;
    let readingHuge = false;
    const pool: Pick<HashPool, 'hash'> = {
      hash: (path, o) => {
        if (path.endsWith('locked.png')) {
          attempts++;
          return Promise.reject(new FileReadError(path, 'EACCES', 'permission denied'));
        }
        if (path.endsWith('plate.mov')) readingHuge = true;
        return real.hash(path, o);
      },
    };
    const events: WatchEvent[] = [];
    try {
      running = await startWatchRunner(ctx, { ...FAST, recheckMs: 100, pool }, (e) => events.push(e));
      await until(() => events.find((e) => e.type === 'caught-up'), 'the catch-up scan');
      write(renders, 'locked.png', await framePng(1));
      await until(() => (attempts > 0 ? true : undefined), 'the locked file to be tried');
      // A second folder whose catch-up reads a huge file holds the queue for seconds, with rechecks every 100 ms.
      sparseFile(plates, 'plate.mov', 2 * 1024 * 1024 * 1024);
      ok(await api.addWatchFolder({ path: plates, production: 'SHOW1', tool: 'LocalSD' }));
      await until(() => (readingHuge ? true : undefined), 'the huge file to be read');
      const before = attempts;
      await until(() => (events.filter((e) => e.type === 'caught-up').length === 2 ? true : undefined), 'the huge file to be read to its end', 60_000);
      await sleep(FAST.settleMs);
      // Queued once while the queue was busy (each recheck would otherwise have queued the folder again: a dozen).
      expect(attempts - before).toBeLessThanOrEqual(4);
    } finally {
      await running?.stop();
      running = undefined;
      await real.close();
    }
  });

  it('stops at once while a huge file is being read, drafting nothing half-read and reporting no error', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    mkdirSync(renders);
    // Tens of seconds of hashing: stop() must not wait for it.
    sparseFile(renders, 'plate_huge.mov', 32 * 1024 * 1024 * 1024);
    ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'LocalSD' }));
    let reading = false;
    const real = createHashPool({ concurrency: 1 });
    const pool: Pick<HashPool, 'hash'> = { hash: (path, o) => { reading = true; return real.hash(path, o); } };
    const events: WatchEvent[] = [];
    try {
      running = await startWatchRunner(ctx, { ...FAST, pool }, (e) => events.push(e));
      await until(() => (reading ? true : undefined), 'the huge file to be read');
      await sleep(200);
      const started = Date.now();
      await running.stop();
      running = undefined;
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(events.filter((e) => e.type === 'error')).toEqual([]);
      expect(ok(await api.listInbox({})).total).toBe(0);
    } finally {
      await real.close();
    }
  });

  it('starts watching a folder added through the API while it runs, and stops watching a removed one', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const events: WatchEvent[] = [];
    running = await startWatchRunner(ctx, FAST, (e) => events.push(e));
    expect(running.watching()).toEqual([]);
    const renders = join(dir, 'late');
    write(renders, 'keep.txt', 'x');
    const w = ok(await api.addWatchFolder({ path: renders, production: 'SHOW1' }));
    await until(() => (running?.watching().includes(w.id) ? true : undefined), 'the new watch to start');
    ok(await api.removeWatchFolder({ id: w.id }));
    await until(() => (running?.watching().length === 0 ? true : undefined), 'the removed watch to stop');
    expect(events.filter((e) => e.type === 'error')).toEqual([]);
  });
  it('a watch folder with links back into it (two to ".", one to "..") is watched, not walked without end, and drafts only its own files', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    arrivedEarlier(write(renders, 'c.png', await framePng(1)));
    write(dir, 'outside.png', await framePng(2));
    symlinkSync('.', join(renders, 'l1'));
    symlinkSync('.', join(renders, 'l2'));
    symlinkSync('..', join(renders, 'up'));
    const { events } = await watchedAndCaughtUp(ctx, renders, { ...FAST, rescanMs: 0 });
    write(renders, 'new.png', await framePng(3));
    await until(async () => ok(await api.listInbox({})).rows.find((i) => i.fileName === 'new.png'), 'the new file drafted');
    expect(ok(await api.listInbox({})).rows.map((i) => i.path).sort()).toEqual([join(renders, 'c.png'), join(renders, 'new.png')]);
    // Said once each, by the catch-up scan, in words: no raw "ELOOP: too many symbolic links" lines.
    expect(events.filter((e) => e.type === 'error').map((e) => (e.type === 'error' ? e.message : '')).sort()).toEqual([
      `${join(renders, 'l1')}: symbolic link to a folder already scanned (a loop or a second link)`,
      `${join(renders, 'l2')}: symbolic link to a folder already scanned (a loop or a second link)`,
      `${join(renders, 'up')}: symbolic link to a folder holding the one being scanned (a loop: it leads out and back in)`,
    ]);
  });

  it('a C2PA sidecar written after its image was drafted has the draft read again with it, and is never a draft itself', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const { renders, asset, sidecar } = rendersAndSidecarPair(dir);
    const { events } = await watchedAndCaughtUp(ctx, renders, { ...FAST, rescanMs: 0 });
    copyFileSync(asset, join(renders, 'icon.jpg'));
    const first = await until(async () => ok(await api.listInbox({})).rows.find((i) => i.fileName === 'icon.jpg'), 'the image drafted');
    expect(first.provenance?.c2pa ?? null).toBeNull();
    copyFileSync(sidecar, join(renders, 'icon.jpg.c2pa'));
    const again = await until(async () => ok(await api.listInbox({})).rows.find((i) => i.fileName === 'icon.jpg' && i.provenance?.c2pa), 'the draft read again with its sidecar');
    expect(again.provenance?.c2pa).toMatchObject({ state: 'untrusted' });
    const found = events.find((e) => e.type === 'found' && e.item.id === again.id)!;
    expect(found).toMatchObject({ replaces: [first.id], readAgain: true });
    expect(describeEvent(found)).toMatch(new RegExp(`; replaces #${first.id}, the same file read again\\.\\n$`));
    const rows = ok(await api.listInbox({ status: 'all' })).rows;
    expect(rows.filter((i) => i.status === 'pending').map((i) => i.fileName)).toEqual(['icon.jpg']);
    expect(events.filter((e) => e.type === 'error')).toEqual([]);
  });

  it('a draft that fails on a database lock is not the end of its files: they are drafted at a recheck once the lock is gone, however busy the watch', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    mkdirSync(join(renders, 'render'), { recursive: true });
    const { events } = await watchedAndCaughtUp(ctx, renders, { ...FAST, recheckMs: 200, rescanMs: 0 });
    ctx.db.pragma('busy_timeout = 50');
    const other = new Database(ctx.dbPath);
    // Another folder of the watch keeps receiving frames (a render), so the watch is never quiet: they wait no longer.
    let frame = 1001;
    const render = () => writeFileSync(join(renders, 'render', `sh010.${frame++}.exr`), Buffer.alloc(64, frame));
    let rendering: NodeJS.Timeout | undefined;
    try {
      other.exec('BEGIN IMMEDIATE');
      for (let i = 1; i <= 3; i++) write(renders, `locked_${i}.png`, await framePng(i));
      const failed = await until(() => events.find((e) => e.type === 'error'), 'the draft to fail on the lock');
      expect(failed).toMatchObject({ message: expect.stringMatching(/database is locked; the 3 files that changed in .*renders are drafted in a few seconds, once the database can be written/) });
      rendering = setInterval(render, 100);
      await sleep(1000); // the render's frames are noticed and wait to be drafted
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    try {
      await until(async () => (ok(await api.listInbox({})).rows.filter((i) => i.fileName.startsWith('locked_')).length === 3 ? true : undefined), 'the three files in the inbox after the lock');
    } finally {
      clearInterval(rendering);
    }
    expect(ok(await api.listInbox({})).rows.map((i) => i.fileName).filter((n) => n.startsWith('locked_')).sort()).toEqual(['locked_1.png', 'locked_2.png', 'locked_3.png']);
  });

  it('while drafts keep failing, the folder is tried less and less often, and drafted soon once the database can be written', async () => {
    const { api, renders, events, other } = await watchFacingALock();
    try {
      other.exec('BEGIN IMMEDIATE');
      write(renders, 'locked.png', await framePng(1));
      await until(() => events.find((e) => e.type === 'error'), 'the draft to fail on the lock');
      await sleep(3500);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    // A try at every recheck would be 35 failures; waits of 0.1, 0.2, 0.4 ... 1.6 s make about six.
    const failures = events.filter((e) => e.type === 'error');
    expect(failures.length).toBeGreaterThanOrEqual(3);
    expect(failures.length).toBeLessThanOrEqual(8);
    await until(async () => (ok(await api.listInbox({})).rows.some((i) => i.fileName === 'locked.png') ? true : undefined), 'the file in the inbox after the lock');
  });

  it('a folder waiting out a long wait after failing on a lock is drafted at the first recheck once the lock is released', async () => {
    const { api, renders, events, other } = await watchFacingALock();
    let releasedAt: number;
    try {
      other.exec('BEGIN IMMEDIATE');
      write(renders, 'locked.png', await framePng(1));
      // Six failures in a row: the next try is 3.2 s away.
      await until(() => (events.filter((e) => e.type === 'error').length >= 6 ? true : undefined), 'six failed drafts', 15_000);
      const last = events.filter((e) => e.type === 'error').at(-1);
      expect(last).toMatchObject({ message: expect.stringContaining('in a few seconds at the latest (sooner once the lock is released)') });
    } finally {
      other.exec('ROLLBACK');
      other.close();
      releasedAt = Date.now();
    }
    await until(async () => (ok(await api.listInbox({})).rows.some((i) => i.fileName === 'locked.png') ? true : undefined), 'the file in the inbox after the lock');
    expect(Date.now() - releasedAt).toBeLessThan(1500);
  });

  it('says when a failed folder is tried again: a recheck, then twice as long each time, at most a minute', () => {
    const a = { failures: 0, retryAt: 0, rescanDue: false } as unknown as ActiveWatch;
    const said = Array.from({ length: 6 }, () => failedLook(a, 5000, undefined, 0));
    expect(said).toEqual(['in a few seconds', 'in 10 s', 'in 20 s', 'in 40 s', 'in 60 s', 'in 60 s']);
    expect(a).toMatchObject({ failures: 6, retryAt: 60_000, rescanDue: true });
    succeededLook(a);
    expect(failedLook(a, 5000, undefined, 0)).toBe('in a few seconds');
  });

  it('files a draft failed on count as finished at the rescan that retries them, so it drafts them without a second look', () => {
    const fresh = () => ({ lastLook: { at: 0, seen: new Map() } }) as unknown as ActiveWatch;
    const file = { path: '/renders/a.png', size: 100, mtimeMs: Date.now() - 60_000 };
    const first = fresh();
    expect(settledSinceLastLook(first, 2000).settled(file)).toBe(false); // seen once: looked at again later
    const failed = fresh();
    seenFinished(failed, [file], 2000);
    expect(settledSinceLastLook(failed, 2000).settled(file)).toBe(true);
    const changed = fresh();
    seenFinished(changed, [file], 2000);
    expect(settledSinceLastLook(changed, 2000).settled({ ...file, size: 200 })).toBe(false);
  });

  it('a failure on another program\'s lock says it is tried sooner once the lock goes, and lockReleased brings the try forward', () => {
    const a = { failures: 0, retryAt: 0, rescanDue: false } as unknown as ActiveWatch;
    const locked = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const wrapped = new Error('Drafting failed', { cause: locked });
    expect(failedLook(a, 5000, locked, 0)).toBe('in a few seconds');
    expect(failedLook(a, 5000, wrapped, 0)).toBe('in 10 s at the latest (sooner once the lock is released)');
    expect(a).toMatchObject({ waitsOnLock: true, retryAt: 10_000 });
    lockReleased(a, 2000);
    expect(a).toMatchObject({ waitsOnLock: false, retryAt: 2000, rescanDue: true });
    expect(failedLook(a, 5000, new Error('disk full'), 0)).toBe('in 20 s');
    expect(a.waitsOnLock).toBe(false);
  });

  it('rescans each folder now and then, drafting a file whose event never came, but not one still being written', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    mkdirSync(renders);
    ok(await api.addWatchFolder({ path: renders, production: 'SHOW1', tool: 'LocalSD', exclude: ['*.tmp'] }));
    const events: WatchEvent[] = [];
    running = await startWatchRunner(ctx, { ...FAST, recheckMs: 200, rescanMs: 1000 }, (e) => events.push(e));
    await until(() => events.find((e) => e.type === 'caught-up'), 'the catch-up scan');
    // A file whose event was lost, as under a busy machine: written under an excluded name, renamed while the watcher
    // is stopped from seeing it (its events are dropped here by the filter, then the rename is made to look old).
    const missed = write(renders, 'missed.png.tmp', await framePng(1));
    const old = new Date(Date.now() - 60_000);
    utimesSync(missed, old, old);
    loseEventsOf(renders);
    renameSync(missed, join(renders, 'missed.png'));
    // Still being written (modified within the stability time at every rescan): left to its events or a later rescan.
    const writing = write(renders, 'writing.png', await framePng(2));
    const soon = new Date(Date.now() + 60_000);
    utimesSync(writing, soon, soon);
    const found = await until(() => events.find((e) => e.type === 'found' && e.item.fileName === 'missed.png'), 'the rescan to draft missed.png', 5000);
    expect(found).toMatchObject({ item: { status: 'pending' } });
    expect(ok(await api.listInbox({})).rows.map((i) => i.fileName)).toEqual(['missed.png']);
    expect(events.filter((e) => e.type === 'error')).toEqual([]);
  });

  it('a rescan drafts a file only once two rescans saw it unchanged: a share whose clock is behind makes a file still being written look old', async () => {
    const { ctx, api, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    mkdirSync(renders);
    // A stability time well above the pause between writes, so a loaded machine's late write does not end the file.
    const { events } = await watchedAndCaughtUp(ctx, renders, { ...FAST, stabilityMs: 1000, recheckMs: 100, rescanMs: 300 });
    // Its events are lost (as under load), so only rescans see it; every write leaves a modification time a minute old.
    loseEventsOf(renders);
    const slow = join(renders, 'slow.png');
    const png = await framePng(3);
    const old = new Date(Date.now() - 60_000);
    for (let i = 0; i < 12; i++) {
      appendFileSync(slow, png.subarray(Math.floor((i * png.length) / 12), Math.floor(((i + 1) * png.length) / 12)));
      utimesSync(slow, old, old);
      await sleep(150);
    }
    expect(events.filter((e) => e.type === 'found')).toEqual([]);
    const found = await until(() => events.find((e) => e.type === 'found' && e.item.fileName === 'slow.png'), 'a rescan to draft slow.png', 5000);
    expect(found).toMatchObject({ item: { size: png.length, sha256: createHash('sha256').update(png).digest('hex') } });
    expect(ok(await api.listInbox({})).rows.map((i) => i.fileName)).toEqual(['slow.png']);
  });

  it('a rescan that finds a frame of a waiting sequence draft gone drafts the frames left at once, saying so once', async () => {
    const { ctx, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    for (let f = 1001; f <= 1004; f++) arrivedEarlier(write(renders, `sh070.${f}.png`, await framePng(f)));
    const { events } = await watchedAndCaughtUp(ctx, renders, { ...FAST, recheckMs: 100, rescanMs: 300 });
    // The deletion is seen by a rescan only (its event lost, as under load).
    loseEventsOf(renders);
    rmSync(join(renders, 'sh070.1003.png'));
    const redrafted = await until(() => events.find((e) => e.type === 'found' && e.item.frameCount === 3), 'the frames left drafted again', 5000);
    expect(redrafted).toMatchObject({ item: { fileName: 'sh070.####.png' } });
    await sleep(1200); // several more rescans
    expect(events.filter((e) => e.type === 'gone')).toHaveLength(1);
  });

  it('with no file events at all, a render writing frames is rescanned about once per rescan period, not at every recheck', async () => {
    const { ctx, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    mkdirSync(renders);
    const { events } = await watchedAndCaughtUp(ctx, renders, { ...FAST, recheckMs: 100, rescanMs: 1500 });
    loseEventsOf(renders);
    const started = Date.now();
    for (let f = 1001; Date.now() - started < 3200; f++) {
      write(renders, `sh080.${f}.png`, await framePng(f));
      await sleep(150);
    }
    // A look drafts what has settled since the one before, replacing the draft; a periodic look and its second look
    // in the 3 s: at most two drafts (a look at every recheck made four or more).
    const drafts = events.filter((e) => e.type === 'found').length;
    expect(drafts).toBeGreaterThan(0);
    expect(drafts).toBeLessThanOrEqual(2);
  });

  it('says what a scan passes over (a broken link) once, not again at every rescan', async () => {
    const { ctx, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    mkdirSync(renders);
    symlinkSync(join(renders, 'nowhere.png'), join(renders, 'broken.png'));
    const { events, runner } = await watchedAndCaughtUp(ctx, renders, { ...FAST, recheckMs: 100, rescanMs: 1000 });
    await sleep(2600); // two rescans or more
    await runner.idle();
    const broken = events.filter((e) => e.type === 'error' && e.message.includes('broken.png'));
    expect(broken).toHaveLength(1);
  });
  it('an idle rescan writes nothing to the database, so open windows have nothing to reload', async () => {
    const { ctx, dir } = await ingestWorld();
    const renders = join(dir, 'renders');
    mkdirSync(renders);
    arrivedEarlier(write(renders, 'plate.png', await framePng(1)));
    const { runner } = await watchedAndCaughtUp(ctx, renders, { ...FAST, recheckMs: 100, rescanMs: 500 });
    await runner.idle();
    const observer = new Database(ctx.dbPath, { readonly: true });
    try {
      const version = () => observer.pragma('data_version', { simple: true }) as number;
      const before = version();
      await sleep(1600); // two rescans or more
      await runner.idle();
      expect(version()).toBe(before);
    } finally {
      observer.close();
    }
  });
});
