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
  /** Puts a backup's content in place of the log's (the log as it was is kept beside it); everything shown loads again. */
  restore(from: string): Promise<Outcome<ValueOf<'restoreDatabase'>>>;
  /** The desktop app's automatic daily backups, newest first. */
  autoBackups(): Promise<Outcome<ValueOf<'listAutoBackups'>>>;
}

export function createSettingsStore(api: GenlogClient, call: Call, notify: (message: string) => void, restored: () => void = () => {}) {
  return createStore<SettingsState>()((set, get) => ({
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
    autoBackups: () => call(api.listAutoBackups({}), 'list the automatic backups'),
    async backUp(out) {
      const res = await call(api.backUpDatabase({ out }), 'back up the log');
      if (res.ok) {
        const { assets, path, problems } = res.value;
        notify(`Backed up ${assets} asset${assets === 1 ? '' : 's'} to ${path}; ${problems.length === 0 ? 'the copy checks out.'
          : `the copy holds the log's ${problems.length} problem${problems.length === 1 ? '' : 's'} too (Check the log lists them).`}`);
      }
      return res;
    },
    async restore(from) {
      const res = await call(api.restoreDatabase({ from }), 'restore the backup');
      if (res.ok) {
        const { assets, keptAs, keptDamaged } = res.value;
        notify(`Restored ${assets} asset${assets === 1 ? '' : 's'} from ${from}.${keptAs ? ` The log as it was is kept at ${keptAs}${keptDamaged ? ' (damaged, moved aside as it was)' : ''}.` : ''}`);
        await get().load();
        restored();
      }
      return res;
    },
  }));
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
