import { createStore } from 'zustand/vanilla';
import type { GenlogClient } from '../../main/api/table';
import type { Consent } from '../compliance/types';
import type { Call } from './call';

export interface ConsentState {
  /** Production code shown ('' = every production). */
  production: string;
  consents: Consent[];
  loaded: boolean;
  setProduction(code: string): void;
  load(): Promise<void>;
}

/** The consent records on file, newest first (adding one goes through the compliance store: it moves outcomes). */
export function createConsentStore(api: GenlogClient, call: Call) {
  let request = 0;
  return createStore<ConsentState>()((set, get) => ({
    production: '',
    consents: [],
    loaded: false,
    setProduction(production) {
      if (production === get().production) return;
      set({ production, loaded: false });
      void get().load();
    },
    async load() {
      const mine = ++request;
      const { production } = get();
      const res = await call(api.listConsents({ production: production || undefined }), 'load the consent records');
      if (mine !== request) return;
      set({ consents: res.ok ? [...res.value].sort((a, b) => b.id - a.id) : [], loaded: true });
    },
  }));
}

export type ConsentStore = ReturnType<typeof createConsentStore>;
