import { createStore } from 'zustand/vanilla';
import type { GenlogClient } from '../../main/api/table';
import type { Settings, ValueOf } from '../api-types';
import type { Call, Outcome } from './call';

export interface SettingsState {
  settings: Settings | null;
  load(): Promise<void>;
  setArtistName(name: string): Promise<Outcome<Settings>>;
  /** Checks every page of the log, its foreign keys and its search index. */
  checkLog(): Promise<Outcome<ValueOf<'checkDatabase'>>>;
  /** Copies the log to a new file `out` and checks the copy. */
  backUp(out: string): Promise<Outcome<ValueOf<'backUpDatabase'>>>;
}

export function createSettingsStore(api: GenlogClient, call: Call, notify: (message: string) => void) {
  return createStore<SettingsState>()((set) => ({
    settings: null,
    async load() {
      const res = await call(api.getSettings({}), 'read the settings');
      if (res.ok) set({ settings: res.value });
    },
    async setArtistName(name) {
      const res = await call(api.setSettings({ artistName: name }), 'save the artist name');
      if (res.ok) {
        set({ settings: res.value });
        notify(`Artist name set to ${res.value.artistName}.`);
      }
      return res;
    },
    checkLog: () => call(api.checkDatabase({}), 'check the log'),
    async backUp(out) {
      const res = await call(api.backUpDatabase({ out }), 'back up the log');
      if (res.ok) {
        const { assets, path, problems } = res.value;
        notify(`Backed up ${assets} asset${assets === 1 ? '' : 's'} to ${path}; ${problems.length === 0 ? 'the copy checks out.'
          : `the copy holds the log's ${problems.length} problem${problems.length === 1 ? '' : 's'} too (Check the log lists them).`}`);
      }
      return res;
    },
  }));
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
