import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { Stores } from '../stores';

const StoresContext = createContext<Stores | null>(null);

export function StoresProvider({ stores, children }: { stores: Stores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

export function useStores(): Stores {
  const s = useContext(StoresContext);
  if (!s) throw new Error('useStores() needs a <StoresProvider> above it.');
  return s;
}

type StoreKey = { [K in keyof Stores]: Stores[K] extends StoreApi<unknown> ? K : never }[keyof Stores];
type StateOf<K extends StoreKey> = Stores[K] extends StoreApi<infer S> ? S : never;

/** Subscribes a component to one slice of one store: `useApp('log', (s) => s.total)`. */
export function useApp<K extends StoreKey, T>(key: K, selector: (state: StateOf<K>) => T): T {
  const store = useStores()[key] as unknown as StoreApi<StateOf<K>>;
  return useStore<StoreApi<StateOf<K>>, T>(store, selector);
}
