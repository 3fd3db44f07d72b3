import { createStore } from 'zustand/vanilla';
import type { GenlogClient } from '../../main/api/table';
import type { ScanResult, WatchFolder, WatchFolderInput } from '../ingest/types';
import type { Call, Outcome } from './call';
import { plural } from '../ui/format';

export interface ScanReport {
  /** Which folder was scanned; null: every enabled one. */
  watchId: number | null;
  at: string;
  results: ScanResult[];
}

export interface WatchFoldersState {
  folders: WatchFolder[];
  loaded: boolean;
  /** The folder being scanned now ('all' for every enabled one). */
  scanning: number | 'all' | null;
  lastScan: ScanReport | null;
  load(): Promise<void>;
  /** load() with no notice when it fails: the screen polls it, and one failure is said once, by the next real action. */
  reloadQuietly(): Promise<void>;
  add(input: WatchFolderInput): Promise<Outcome<WatchFolder>>;
  setEnabled(id: number, enabled: boolean): Promise<void>;
  remove(id: number): Promise<Outcome<WatchFolder>>;
  /** "Scan now": one folder, or every enabled one without an id. */
  scan(id?: number): Promise<void>;
}

export interface WatchFoldersDeps {
  notify(kind: 'info' | 'success' | 'error', message: string): void;
  /** New drafts may have reached the inbox. */
  inboxChanged(): void;
}

/** The watch folders screen: folders with their defaults, pause/resume, remove, and scan now. */
export function createWatchFoldersStore(api: GenlogClient, call: Call, deps: WatchFoldersDeps) {
  let request = 0;
  const store = createStore<WatchFoldersState>()((set, get) => ({
    folders: [],
    loaded: false,
    scanning: null,
    lastScan: null,
    async load() {
      const mine = ++request;
      const folders = await call(api.listWatchFolders({}), 'load the watch folders');
      if (mine !== request) return;
      set({ folders: folders.ok ? folders.value : get().folders, loaded: true });
    },
    async reloadQuietly() {
      const mine = ++request;
      const folders = await api.listWatchFolders({}).catch(() => null);
      if (mine !== request || !folders?.ok) return;
      set({ folders: folders.value, loaded: true });
    },
    async add(input) {
      const res = await call(api.addWatchFolder(input), `watch ${input.path || 'the folder'}`);
      if (res.ok) {
        deps.notify('success', `Watching ${res.value.path} for ${res.value.production}.`);
        await get().load();
      }
      return res;
    },
    async setEnabled(id, enabled) {
      const res = await call(api.enableWatchFolder({ id, enabled }), `${enabled ? 'resume' : 'pause'} watch folder ${id}`);
      if (res.ok) set((s) => ({ folders: s.folders.map((f) => (f.id === id ? res.value : f)) }));
    },
    async remove(id) {
      const res = await call(api.removeWatchFolder({ id }), `stop watching folder ${id}`);
      if (res.ok) {
        deps.notify('success', `Stopped watching ${res.value.path}; its files in the New files inbox are kept.`);
        set((s) => ({ folders: s.folders.filter((f) => f.id !== id) }));
      }
      return res;
    },
    async scan(id) {
      if (get().scanning !== null) return;
      set({ scanning: id ?? 'all' });
      const res = await call(api.scanWatchFolders({ id }), id === undefined ? 'scan the watch folders' : `scan watch folder ${id}`);
      set({ scanning: null });
      if (!res.ok) return;
      set({ lastScan: { watchId: id ?? null, at: new Date().toISOString(), results: res.value } });
      const found = res.value.reduce((n, r) => n + r.found.length, 0);
      const logged = res.value.reduce((n, r) => n + r.alreadyLogged, 0);
      const dismissed = res.value.reduce((n, r) => n + r.alreadyDismissed, 0);
      // Files left out are counted, so "nothing new" is not mistaken for "nothing seen".
      const skipped = [logged ? `${logged} already in the log` : '', dismissed ? `${dismissed} dismissed before` : ''].filter(Boolean).join(', ');
      const text = `${found ? `${found} new item${found === 1 ? '' : 's'} in the New files inbox` : 'No new files found'}${skipped ? ` (${skipped} not drafted)` : ''}`;
      // A folder that could not be scanned at all (moved, unmounted) is never hidden behind "no new files".
      const failed = res.value.filter((r) => r.scanError !== null);
      if (failed.length > 0) {
        const others = res.value.length > failed.length ? ` ${text} in the others.` : '';
        deps.notify('error', `Could not scan ${plural(failed.length, 'watch folder')}: ${failed.map((r) => `${r.path} (${r.scanError})`).join('; ')}.${others}`);
      } else deps.notify(found ? 'success' : 'info', `${text}.`);
      deps.inboxChanged();
      await get().load();
    },
  }));
  return store;
}

export type WatchFoldersStore = ReturnType<typeof createWatchFoldersStore>;
