import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { GenlogClient } from '../../main/api/table';
import type { ApiContext } from '../../main/api/context';
import { pathStager } from '../../renderer/file-stager';
import { createIngestStore } from '../../renderer/stores/ingest-store';
import { ok } from '../support/context';
import { storeWorld } from './support/store-world';

/** The real API, except that a finished job is reported as failed: as when a disk dies after a batch was committed. */
function failingAfterCommit(api: GenlogClient): GenlogClient {
  return new Proxy(api, {
    get(target, name, receiver) {
      if (name !== 'getIngestJob') return Reflect.get(target, name, receiver);
      return async (input: Parameters<GenlogClient['getIngestJob']>[0]) => {
        const res = await target.getIngestJob(input);
        if (!res.ok || res.value.state !== 'done') return res;
        return { ok: true, value: { ...res.value, state: 'failed', error: 'The disk stopped answering. 1 asset(s) from batches finished before that stay logged; nothing from the unfinished batch was logged.' } };
      };
    },
  });
}

describe('desktop "Log files" store', () => {
  let ctx: ApiContext;
  afterEach(() => ctx.db.close());

  it('refreshes the log when a job fails after some batches were committed, and keeps the form with the reason', async () => {
    const world = await storeWorld();
    ctx = world.ctx;
    const { api: real, folder, call } = world;
    const path = join(folder, 'a.png');
    writeFileSync(path, 'pixels');
    const file = new File(['pixels'], 'a.png');
    let changed = 0;
    const store = createIngestStore(failingAfterCommit(real), call, pathStager(() => path), {
      changed: () => void changed++,
      notify: () => undefined,
    });
    store.getState().addFiles([file]);
    const res = await store.getState().submit({ production: 'SHOW1', episode: '', tool: 'Firefly', prompt: '', notes: '', classification: 'temporary', by: '' });
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error.message).toMatch(/stay logged/);
    expect(changed).toBe(1);
    expect(store.getState().phase).toBe('form');
    expect(ok(await real.listAssets({})).total).toBe(1);
  });
});
