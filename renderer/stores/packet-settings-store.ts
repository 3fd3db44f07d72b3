import { createStore } from 'zustand/vanilla';
import type { GenlogClient } from '../../main/api/table';
import type { PacketSettings, PacketSettingsChange } from '../packets/types';
import type { Call, Outcome } from './call';

export interface PacketSettingsState {
  /** SMTP, sender, size cap and the facility key fingerprint; null until loaded. */
  settings: PacketSettings | null;
  load(): Promise<void>;
  save(change: PacketSettingsChange): Promise<Outcome<PacketSettings>>;
}

/** Email & signing settings: what the outbox sends through and the key that signs every packet. */
export function createPacketSettingsStore(api: GenlogClient, call: Call, notify: (message: string) => void) {
  return createStore<PacketSettingsState>()((set) => ({
    settings: null,
    async load() {
      const res = await call(api.getPacketSettings({}), 'read the email and signing settings');
      if (res.ok) set({ settings: res.value });
    },
    async save(change) {
      const res = await call(api.setPacketSettings(change), 'save the email settings');
      if (res.ok) {
        set({ settings: res.value });
        notify('Email settings saved.');
      }
      return res;
    },
  }));
}

export type PacketSettingsStore = ReturnType<typeof createPacketSettingsStore>;
