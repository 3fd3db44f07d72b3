import { describe, expect, it } from 'vitest';
import type { GenlogClient } from '../../main/api/table';
import { createLogStore, PAGE_SIZE } from '../../renderer/stores/log-store';
import type { Call } from '../../renderer/stores/call';

const TOTAL = 500;
const row = (i: number) => ({ id: 10_000 + i, fileName: `r${i}.exr` });

/** A log of 500 rows whose last page answers only when let go: End, then a refresh before that page arrives. */
function slowLastPage() {
  let release: () => void = () => undefined;
  const lastPageLetGo = new Promise<void>((resolve) => { release = resolve; });
  const api = {
    listAssets: async ({ offset = 0, limit = PAGE_SIZE }: { offset?: number; limit?: number }) => {
      if (offset >= 2 * PAGE_SIZE) await lastPageLetGo;
      const rows = Array.from({ length: Math.max(0, Math.min(limit, TOTAL - offset)) }, (_, k) => row(offset + k));
      return { ok: true as const, value: { rows, total: TOTAL } };
    },
    getChangeStamp: async () => ({ ok: true as const, value: { stamp: '1:1' } }),
  } as unknown as GenlogClient;
  const call = (async (pending: Promise<unknown>) => pending) as unknown as Call;
  return { store: createLogStore(api, call), release };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('the log cursor', () => {
  it('moved with End onto a row still loading, it keeps waiting for that row through a refresh (a render node logging meanwhile)', async () => {
    const { store, release } = slowLastPage();
    store.getState().ensureRange(0, 50);
    await settle();
    store.getState().select(0);
    expect(store.getState().selectedId).toBe(row(0).id);
    store.getState().select(TOTAL - 1);
    store.getState().refresh();
    release();
    await settle();
    expect(store.getState()).toMatchObject({ selectedIndex: TOTAL - 1, selectedId: row(TOTAL - 1).id });
  });
});
