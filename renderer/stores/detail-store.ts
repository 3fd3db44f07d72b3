import { createStore } from 'zustand/vanilla';
import type { GenlogClient } from '../../main/api/table';
import type { AssetChanges, AssetDetail, Classification } from '../api-types';
import type { Call, Outcome } from './call';

export interface DetailState {
  /** The asset shown in the detail pane, with its history; null when nothing is selected. */
  asset: AssetDetail | null;
  loading: boolean;
  show(id: number | null): Promise<void>;
  reload(): Promise<void>;
  /** Reloads the asset shown, if it is still `id`, saying nothing and keeping it when the reload fails (a poll). */
  reloadQuietly(id: number): Promise<void>;
  edit(changes: AssetChanges, reason?: string): Promise<Outcome<unknown>>;
  retag(to: Classification, reason: string): Promise<Outcome<unknown>>;
  retire(reason: string): Promise<Outcome<unknown>>;
}

export interface DetailDeps {
  /** Who is acting (the artist name from settings); the API falls back to its own default when undefined. */
  actor(): string | undefined;
  /** Tells the log table (and anything else listening) that an asset changed. */
  changed(): void;
  notify(message: string): void;
}

/** One asset and its history, and the reasoned changes a person can make to it. */
export function createDetailStore(api: GenlogClient, call: Call, deps: DetailDeps) {
  let request = 0;
  return createStore<DetailState>()((set, get) => {
    async function afterChange<T>(res: Outcome<T>, message: string): Promise<Outcome<T>> {
      if (res.ok) {
        deps.notify(message);
        await get().reload();
        deps.changed();
      }
      return res;
    }
    const by = () => deps.actor() || undefined;

    return {
      asset: null,
      loading: false,
      async show(id) {
        const mine = ++request;
        if (id === null) return set({ asset: null, loading: false });
        set({ loading: true });
        const res = await call(api.getAsset({ id }), `open asset ${id}`);
        // Holding an arrow key fires many requests; only the last one may fill the pane.
        if (mine !== request) return;
        set({ asset: res.ok ? res.value : null, loading: false });
      },
      async reload() {
        const a = get().asset;
        if (a) await get().show(a.id);
      },
      async reloadQuietly(id) {
        if (get().asset?.id !== id) return;
        const mine = ++request;
        const res = await api.getAsset({ id }).catch(() => null);
        // A failed background reload must not empty the pane (and an edit being typed in it).
        if (mine === request && res?.ok && get().asset?.id === id) set({ asset: res.value });
      },
      async edit(changes, reason) {
        const a = get().asset;
        if (!a) return { ok: false, error: { code: 'invalid_input', message: 'No asset is selected.' } };
        const res = await call(api.editAsset({ id: a.id, changes, by: by(), reason: reason || undefined }), `save asset ${a.id}`);
        return afterChange(res, `Asset ${a.id} saved.`);
      },
      async retag(to, reason) {
        const a = get().asset;
        if (!a) return { ok: false, error: { code: 'invalid_input', message: 'No asset is selected.' } };
        const res = await call(api.markAsset({ id: a.id, classification: to, reason, by: by() }), `re-tag asset ${a.id}`);
        return afterChange(res, `Asset ${a.id} is now ${to}.`);
      },
      async retire(reason) {
        const a = get().asset;
        if (!a) return { ok: false, error: { code: 'invalid_input', message: 'No asset is selected.' } };
        const res = await call(api.retireAsset({ id: a.id, reason, by: by() }), `retire asset ${a.id}`);
        return afterChange(res, `Asset ${a.id} retired. It stays in the log as evidence.`);
      },
    };
  });
}

export type DetailStore = ReturnType<typeof createDetailStore>;
