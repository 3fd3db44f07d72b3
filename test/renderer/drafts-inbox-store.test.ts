import { afterEach, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../main/api/context';
import { deletePendingInboxItem, insertInboxItem } from '../../db/inbox';
import { createCall } from '../../renderer/stores/call';
import { DRAFTS_PAGE, createDraftsInboxStore } from '../../renderer/stores/drafts-inbox-store';
import { createNotificationStore } from '../../renderer/stores/notifications';
import { testClient, testContext } from '../support/context';
import { inboxWorld } from './support/inbox-world';

/** A pending file draft per name, straight into the db (the store under test reads them through the real API). */
function addDrafts(ctx: ApiContext, names: string[], hashFill: string): void {
  names.forEach((name, i) => insertInboxItem(ctx.db, {
    watchId: null, kind: 'file', path: `/renders/${name}`, fileName: name, size: 1, mtimeMs: i + 1, sha256: (i + 1).toString(16).padStart(64, hashFill),
    mediaType: 'image', frames: null, provenance: null, prefill: '{}', foundAt: '2026-11-23T10:00:00.000Z',
  }));
}

function storeOn(ctx: ApiContext) {
  return createDraftsInboxStore(testClient(ctx), createCall(createNotificationStore()), { actor: () => 'ana', notify: () => undefined, assetsChanged: () => undefined });
}

/** The store with every notice it gives kept in `notices`. */
function storeSaying(ctx: ApiContext) {
  const notices: string[] = [];
  const store = createDraftsInboxStore(testClient(ctx), createCall(createNotificationStore()), { actor: () => 'ana', notify: (_k, m) => void notices.push(m), assetsChanged: () => undefined });
  return { store, notices };
}

describe('new files inbox store', () => {
  let ctx: ApiContext;
  afterEach(() => ctx.db.close());

  it('a refresh keeps every draft "Show more" had loaded, and still sees new ones', async () => {
    ctx = testContext({ actor: 'tester' });
    const draft = (n: number) => insertInboxItem(ctx.db, {
      watchId: null, kind: 'file', path: `/renders/f${n}.png`, fileName: `f${n}.png`, size: 1, mtimeMs: n, sha256: n.toString(16).padStart(64, '0'),
      mediaType: 'image', frames: null, provenance: null, prefill: '{}', foundAt: '2026-11-23T10:00:00.000Z',
    });
    for (let n = 1; n <= DRAFTS_PAGE + 20; n++) draft(n);
    const api = testClient(ctx);
    const store = createDraftsInboxStore(api, createCall(createNotificationStore()), { actor: () => 'ana', notify: () => undefined, assetsChanged: () => undefined });
    await store.getState().load();
    expect(store.getState().items).toHaveLength(DRAFTS_PAGE);
    await store.getState().load(true);
    expect(store.getState().items).toHaveLength(DRAFTS_PAGE + 20);

    draft(9999);
    await store.getState().load();
    expect(store.getState().items).toHaveLength(DRAFTS_PAGE + 21);
    expect(store.getState().items[0]?.fileName).toBe('f9999.png');
    expect(store.getState().total).toBe(DRAFTS_PAGE + 21);
  });

  it('past 5,000 drafts shown, a refresh still keeps them all and the selected one, and an unchanged draft keeps its row object', async () => {
    ctx = testContext({ actor: 'tester' });
    const names = Array.from({ length: 5600 }, (_, i) => `f${i}.png`);
    ctx.db.transaction(() => addDrafts(ctx, names, '0'))();
    const store = storeOn(ctx);
    await store.getState().load();
    while (store.getState().items.length < 5600) await store.getState().load(true);
    const last = store.getState().items[5599]!;
    await store.getState().select(last.id);
    const before = store.getState().items;
    await store.getState().load();
    const after = store.getState().items;
    expect(after).toHaveLength(5600);
    expect(store.getState().selectedId).toBe(last.id);
    // Nothing changed: the very same objects, so no row is drawn again.
    expect(after.every((d, i) => d === before[i])).toBe(true);
    // One changed (its tool named now): a new object for it only.
    ctx.db.prepare("UPDATE inbox SET prefill = '{\"tool\":\"Firefly\"}' WHERE id = ?").run(last.id);
    await store.getState().load();
    const changed = store.getState().items;
    expect(changed.filter((d, i) => d !== after[i]).map((d) => d.id)).toEqual([last.id]);
  });

  it('with every draft shown, drafts found since do not push the oldest (or the selected one) off the list', async () => {
    ctx = testContext({ actor: 'tester' });
    ctx.db.transaction(() => addDrafts(ctx, Array.from({ length: 2 * DRAFTS_PAGE }, (_, i) => `f${i}.png`), '0'))();
    const store = storeOn(ctx);
    await store.getState().load();
    await store.getState().load(true);
    expect(store.getState().items).toHaveLength(2 * DRAFTS_PAGE);
    const oldest = store.getState().items.at(-1)!;
    await store.getState().select(oldest.id);
    addDrafts(ctx, ['n1.png', 'n2.png', 'n3.png'], 'e');
    await store.getState().load();
    expect(store.getState().items).toHaveLength(2 * DRAFTS_PAGE + 3);
    expect(store.getState().items.at(-1)?.id).toBe(oldest.id);
    expect(store.getState().selectedId).toBe(oldest.id);
  });

  it('past 5,000, a draft decided between a refresh\'s two calls does not make another fall between them', async () => {
    ctx = testContext({ actor: 'tester' });
    ctx.db.transaction(() => addDrafts(ctx, Array.from({ length: 5600 }, (_, i) => `f${i}.png`), '0'))();
    const api = testClient(ctx);
    let decideAfterFirstCall = false;
    const client = new Proxy(api, {
      get: (target, name, receiver) => (name === 'listInbox'
        ? async (input: Parameters<typeof api.listInbox>[0]) => {
          const res = await target.listInbox(input);
          // Ten of the newest decided elsewhere (a CLI) once the first page has been read.
          if (decideAfterFirstCall && input.offset === 0) {
            decideAfterFirstCall = false;
            for (const row of ctx.db.prepare("SELECT id FROM inbox WHERE status = 'pending' ORDER BY id DESC LIMIT 10").all() as { id: number }[]) deletePendingInboxItem(ctx.db, row.id);
          }
          return res;
        }
        : Reflect.get(target, name, receiver)),
    });
    const store = createDraftsInboxStore(client, createCall(createNotificationStore()), { actor: () => 'ana', notify: () => undefined, assetsChanged: () => undefined });
    await store.getState().load();
    while (store.getState().items.length < 5600) await store.getState().load(true);
    decideAfterFirstCall = true;
    await store.getState().load();
    const shown = new Set(store.getState().items.map((d) => d.id));
    const waiting = (ctx.db.prepare("SELECT id FROM inbox WHERE status = 'pending'").all() as { id: number }[]).map((r) => r.id);
    expect(waiting.filter((id) => !shown.has(id))).toEqual([]);
  });

  it('an open draft replaced by a new one of the same files hands it what was typed; one decided elsewhere says what was typed was dropped', async () => {
    ctx = testContext({ actor: 'tester' });
    addDrafts(ctx, ['h1.png', 'h2.png'], 'c');
    const { store, notices } = storeSaying(ctx);
    await store.getState().load();
    const h1 = store.getState().items.find((d) => d.fileName === 'h1.png')!;
    await store.getState().select(h1.id);
    store.getState().keepEdits(h1.id, { production: 'SHOW1', tool: 'Firefly', prompt: 'typed', notes: 'typed notes', episode: '', classification: 'temporary', use: '' });
    // The watcher found h1.png written again: its draft is replaced by a new one (as inbox-drafts.ts does).
    deletePendingInboxItem(ctx.db, h1.id);
    addDrafts(ctx, ['h1.png'], 'd');
    await store.getState().load();
    const successor = store.getState().items.find((d) => d.fileName === 'h1.png')!;
    expect(successor.id).not.toBe(h1.id);
    expect(store.getState().selectedId).toBe(successor.id);
    expect(store.getState().unsavedEdits[successor.id]).toMatchObject({ prompt: 'typed', notes: 'typed notes' });
    expect(store.getState().unsavedEdits[h1.id]).toBeUndefined();
    expect(notices).toEqual([expect.stringMatching(/^h1\.png changed on disk .* is new file #\d+ now; what you typed was kept\.$/)]);

    // Dismissed from a CLI while open with typing in it: nothing selected, and said.
    const h2 = store.getState().items.find((d) => d.fileName === 'h2.png')!;
    await store.getState().select(h2.id);
    store.getState().keepEdits(h2.id, { production: 'SHOW1', tool: 'Firefly', prompt: 'more', notes: '', episode: '', classification: 'temporary', use: '' });
    await testClient(ctx).dismissInbox({ id: h2.id, by: 'cli-user' });
    await store.getState().load();
    expect(store.getState().selectedId).toBeNull();
    expect(notices[1]).toBe('h2.png left the inbox while open (decided elsewhere, or its files went); what you typed into it was not used.');
  });

  it('switching the status filter closes the open draft quietly and keeps what was typed into it', async () => {
    ctx = testContext({ actor: 'tester' });
    addDrafts(ctx, ['m1.png'], 'f');
    const { store, notices } = storeSaying(ctx);
    await store.getState().load();
    const m1 = store.getState().items[0]!;
    await store.getState().select(m1.id);
    store.getState().keepEdits(m1.id, { production: 'SHOW1', tool: 'Firefly', prompt: 'kept', notes: '', episode: '', classification: 'temporary', use: '' });
    store.getState().setStatus('confirmed');
    await store.getState().load();
    expect(store.getState().selectedId).toBeNull();
    store.getState().setStatus('pending');
    await store.getState().load();
    expect(store.getState().unsavedEdits[m1.id]).toMatchObject({ prompt: 'kept' });
    expect(notices).toEqual([]);
  });

  it('Dismiss selected counts a ticked draft decided elsewhere meanwhile as that, not as one that stays selected', async () => {
    ctx = testContext({ actor: 'tester' });
    addDrafts(ctx, ['k1.png', 'k2.png'], 'e');
    const { store, notices } = storeSaying(ctx);
    await store.getState().load();
    store.getState().pickAll(true);
    const k2 = store.getState().items.find((d) => d.fileName === 'k2.png')!;
    await testClient(ctx).dismissInbox({ id: k2.id, by: 'cli-user' });
    expect(await store.getState().dismissPicked()).toMatchObject({ dismissed: 1, failures: [] });
    expect(notices).toEqual([expect.stringMatching(/^Dismissed 1 file; .* 1 had been decided elsewhere meanwhile\.$/)]);
    expect(store.getState().picked).toEqual([]);
  });

  it('Dismiss selected reports how far it has got while it runs', async () => {
    ctx = testContext({ actor: 'tester' });
    addDrafts(ctx, ['g1.png', 'g2.png', 'g3.png'], 'b');
    const store = storeOn(ctx);
    await store.getState().load();
    store.getState().pickAll(true);
    const seen: string[] = [];
    const stop = store.subscribe((s) => { if (s.batchProgress) seen.push(`${s.batchProgress.done}/${s.batchProgress.total}`); });
    expect(await store.getState().dismissPicked()).toMatchObject({ dismissed: 3, failures: [] });
    stop();
    expect([...new Set(seen)]).toEqual(['0/3', '1/3', '2/3', '3/3']);
    expect(store.getState().batchProgress).toBeNull();
  });

  it('Confirm selected counts only the drafts it can log: one naming no tool is not tried and stays ticked', async () => {
    const world = await inboxWorld();
    ctx = world.ctx;
    const store = storeOn(ctx);
    await store.getState().load();
    const idOf = (name: string) => store.getState().items.find((d) => d.fileName === name)?.id as number;
    for (const name of ['matte_v002.exr', 'mystery_a.exr', 'plate.jpg']) store.getState().togglePicked(idOf(name), true);
    const seen: string[] = [];
    const stop = store.subscribe((s) => { if (s.batchProgress) seen.push(`${s.batchProgress.done}/${s.batchProgress.total}`); });
    expect(await store.getState().confirmPicked()).toMatchObject({ logged: 2, failures: [] });
    stop();
    expect([...new Set(seen)]).toEqual(['0/2', '1/2', '2/2']);
    expect(store.getState().picked).toEqual([idOf('mystery_a.exr')]);
  });

  it('with nothing selected, End goes to the last draft and the arrow keys start at the first', async () => {
    ctx = testContext({ actor: 'tester' });
    addDrafts(ctx, ['h1.png', 'h2.png', 'h3.png', 'h4.png'], 'c');
    const store = storeOn(ctx);
    await store.getState().load();
    const ids = store.getState().items.map((d) => d.id);
    expect(store.getState().selectedId).toBeNull();
    store.getState().move(ids.length);
    expect(store.getState().selectedId).toBe(ids.at(-1));
    store.getState().move(-ids.length);
    expect(store.getState().selectedId).toBe(ids[0]);

    const fresh = storeOn(ctx);
    await fresh.getState().load();
    fresh.getState().move(-1);
    expect(fresh.getState().selectedId).toBe(ids[0]);
  });
});
