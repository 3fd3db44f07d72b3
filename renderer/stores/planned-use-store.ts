import { createStore } from 'zustand/vanilla';
import type { GenlogClient } from '../../main/api/table';
import type { FactsChange, PlannedUse, PlannedUseDetail, PlannedUseInput } from '../compliance/types';
import type { Call, Outcome as Result } from './call';
import { serial } from './serial';

export interface PlannedUseState {
  /** Production code shown ('' = every production). */
  production: string;
  uses: PlannedUse[];
  loaded: boolean;
  selectedId: number | null;
  /** The selected use with its assessment and history. */
  detail: PlannedUseDetail | null;
  setProduction(code: string): void;
  load(): Promise<void>;
  select(id: number | null): Promise<void>;
  add(input: PlannedUseInput): Promise<Result<PlannedUse>>;
  /** Saves a questionnaire answer; the assessment shown is the one the API returns. */
  setFacts(id: number, change: FactsChange): Promise<Result<PlannedUseDetail>>;
  /** Re-runs the rule engine (consents start and expire by the calendar). */
  assess(id: number): Promise<void>;
}

export interface PlannedUseDeps {
  actor(): string | undefined;
  /** A use's outcome moved: dashboards and the inbox should reload. */
  changed(): void;
  notify(message: string): void;
}

/** Planned uses per production: disclosed before any asset exists, judged by the same rules. */
export function createPlannedUseStore(api: GenlogClient, call: Call, deps: PlannedUseDeps) {
  const inOrder = serial();
  let listRequest = 0;
  let detailRequest = 0;
  const by = () => deps.actor() || undefined;
  return createStore<PlannedUseState>()((set, get) => {
    function putInList(use: PlannedUse) {
      set((s) => ({ uses: s.uses.some((u) => u.id === use.id) ? s.uses.map((u) => (u.id === use.id ? use : u)) : [...s.uses, use] }));
    }
    return {
      production: '',
      uses: [],
      loaded: false,
      selectedId: null,
      detail: null,
      setProduction(production) {
        if (production === get().production) return;
        set({ production, loaded: false });
        void get().load();
      },
      async load() {
        const mine = ++listRequest;
        const res = await call(api.listPlannedUses({ production: get().production || undefined }), 'load the planned uses');
        if (mine !== listRequest) return;
        set({ uses: res.ok ? res.value : [], loaded: true });
        const { selectedId } = get();
        if (selectedId !== null) await get().select(selectedId);
      },
      async select(id) {
        const mine = ++detailRequest;
        set({ selectedId: id, ...(id === null || get().detail?.id !== id ? { detail: null } : {}) });
        if (id === null) return;
        const res = await call(api.getPlannedUse({ id }), `open planned use ${id}`);
        if (mine !== detailRequest) return;
        set({ detail: res.ok ? res.value : null });
      },
      async add(input) {
        const res = await call(api.addPlannedUse({ ...input, by: by() }), `add the planned use "${input.title}"`);
        if (res.ok) {
          putInList(res.value);
          deps.notify(`Planned use #${res.value.id} "${res.value.title}" added.`);
          deps.changed();
          await get().select(res.value.id);
        }
        return res;
      },
      setFacts(id, change) {
        return inOrder(async () => {
          const res = await call(api.setPlannedUseFacts({ id, ...change, by: by() }), `save the answers for planned use ${id}`);
          if (res.ok) {
            // Lists and details asked for before this save would show the answers as they were: drop them.
            listRequest++;
            detailRequest++;
            const { assessment: _a, history: _h, ...use } = res.value;
            putInList(use);
            if (get().selectedId === id) set({ detail: res.value });
            deps.changed();
          }
          return res;
        });
      },
      async assess(id) {
        const res = await call(api.assessPlannedUse({ id }), `assess planned use ${id}`);
        if (!res.ok) return;
        deps.notify(`Planned use #${id} assessed: ${res.value.outcome}, ${res.value.findings.length} finding${res.value.findings.length === 1 ? '' : 's'}.`);
        await get().load();
      },
    };
  });
}

export type PlannedUseStore = ReturnType<typeof createPlannedUseStore>;
