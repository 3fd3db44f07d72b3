import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../main/api/context';
import { createFolderIngestStore } from '../../renderer/stores/folder-ingest-store';
import { ok } from '../support/context';
import { storeWorld } from './support/store-world';

describe('folder ingest store', () => {
  let ctx: ApiContext;
  afterEach(() => ctx.db.close());

  it('remembers a Cancel that arrived after the job had finished, so the result can say everything was logged', async () => {
    const world = await storeWorld();
    ctx = world.ctx;
    const { api, folder, call } = world;
    writeFileSync(join(folder, 'a.dat'), 'a');
    // The poll is slow, so the job is over on the main side before this side sees it; then Cancel is pressed.
    const store = createFolderIngestStore(api, call, { notify: () => undefined, assetsChanged: () => undefined, inboxChanged: () => undefined, pollMs: 60_000 });
    store.getState().open();
    const started = ok(await store.getState().start({ paths: [folder], recursive: false, production: 'SHOW1', tool: 'Firefly', episode: '' }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ok(await api.getIngestJob({ jobId: started.jobId })).state).toBe('done');
    await store.getState().cancel();
    expect(store.getState()).toMatchObject({ cancelAsked: true });
    expect(ok(await api.getIngestJob({ jobId: started.jobId })).state).toBe('done');
  });
});
