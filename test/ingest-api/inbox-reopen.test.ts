import { randomBytes } from 'node:crypto';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../main/api/context';
import { catalogWorld } from '../renderer/support/inbox-world';
import { ok } from '../support/context';

describe('returning a dismissed draft to the inbox', () => {
  let ctx: ApiContext;
  afterEach(() => ctx.db.close());

  it('puts a dismissal made by mistake back, waiting; refuses what is not dismissed or has a later version', async () => {
    const world = await catalogWorld();
    ctx = world.ctx;
    const { api } = world;
    const folder = join(ctx.dataDir, 'renders');
    mkdirSync(folder);
    writeFileSync(join(folder, 'matte.exr'), randomBytes(2000));
    writeFileSync(join(folder, 'plate.exr'), randomBytes(1500));
    ok(await api.addWatchFolder({ path: folder, production: 'SHOW1', tool: 'Firefly', artist: 'Priya' }));
    ok(await api.scanWatchFolders({}));
    const draftOf = async (name: string) => ok(await api.listInbox({ status: 'all' })).rows.filter((d) => d.fileName === name).sort((a, b) => b.id - a.id)[0]!;

    const matte = await draftOf('matte.exr');
    expect(await api.reopenInbox({ id: matte.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: `Inbox item ${matte.id} is waiting already.` } });
    ok(await api.dismissInbox({ id: matte.id, by: 'ana' }));
    expect(ok(await api.reopenInbox({ id: matte.id }))).toMatchObject({ id: matte.id, status: 'pending', decidedBy: null });
    // Waiting again, it is confirmed as any draft.
    const confirmed = ok(await api.confirmInbox({ id: matte.id }));
    expect(await api.reopenInbox({ id: matte.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining(`was confirmed as asset ${confirmed.asset.id}; only a dismissed item goes back`) } });

    // A later version of the file was drafted after the dismissal: that one is the one to decide.
    const plate = await draftOf('plate.exr');
    ok(await api.dismissInbox({ id: plate.id, by: 'ana' }));
    writeFileSync(join(folder, 'plate.exr'), randomBytes(1600));
    utimesSync(join(folder, 'plate.exr'), new Date(), new Date(Date.now() + 5000));
    ok(await api.scanWatchFolders({}));
    const later = await draftOf('plate.exr');
    expect(later.id).toBeGreaterThan(plate.id);
    expect(await api.reopenInbox({ id: plate.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: `Inbox item ${plate.id} cannot go back to the inbox: a later version of it is waiting as item ${later.id}, which is the one to decide.` } });
    expect(await api.reopenInbox({ id: 99999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
