import { createStore } from 'zustand/vanilla';
import type { GenlogClient } from '../../main/api/table';
import type { Settings } from '../api-types';
import type { Call, Outcome } from './call';

export interface SettingsState {
  settings: Settings | null;
  load(): Promise<void>;
  setArtistName(name: string): Promise<Outcome<Settings>>;
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
  }));
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
