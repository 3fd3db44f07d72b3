import { createStore } from 'zustand/vanilla';
import type { GenlogClient } from '../../main/api/table';
import type { Production, ProductionInput, Tool, ToolInput } from '../api-types';
import type { Call, Outcome } from './call';

export interface CatalogState {
  productions: Production[];
  tools: Tool[];
  /** Everyone who has logged an asset (for the artist filter). */
  artists: string[];
  loaded: boolean;
  load(): Promise<void>;
  /** Loads productions and tools again without a word on failure: another window or a CLI may have added some. */
  reloadQuietly(): Promise<void>;
  loadArtists(): Promise<void>;
  saveProduction(input: ProductionInput, id?: number): Promise<Outcome<Production>>;
  saveTool(input: ToolInput, id?: number): Promise<Outcome<Tool>>;
  productionByCode(code: string): Production | undefined;
}

/** "add tool Firefly", or "add the tool" while the name is still empty (no "Could not add tool : ..."). */
const naming = (verb: string, what: string, name: string) => (name.trim() ? `${verb} ${what} ${name.trim()}` : `${verb} the ${what}`);

const byCode = (a: Production, b: Production) => a.code.localeCompare(b.code);
const byName = (a: Tool, b: Tool) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

/** Productions, the AI tool list and the artist list: small lists every screen picks from. */
export function createCatalogStore(api: GenlogClient, call: Call, notify: (message: string) => void) {
  /** Bumped by every save here: a quiet reload that began before one would bring back the list without it. */
  let saves = 0;
  return createStore<CatalogState>()((set, get) => ({
    productions: [],
    tools: [],
    artists: [],
    loaded: false,
    async load() {
      const [p, t] = await Promise.all([
        call(api.listProductions({}), 'load the productions'),
        call(api.listTools({}), 'load the AI tool list'),
      ]);
      set({
        productions: p.ok ? [...p.value].sort(byCode) : get().productions,
        tools: t.ok ? [...t.value].sort(byName) : get().tools,
        loaded: true,
      });
      await get().loadArtists();
    },
    async reloadQuietly() {
      const began = saves;
      const [p, t] = await Promise.all([api.listProductions({}).catch(() => null), api.listTools({}).catch(() => null)]);
      if (began !== saves) return;
      const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
      const productions = p?.ok ? [...p.value].sort(byCode) : get().productions;
      const tools = t?.ok ? [...t.value].sort(byName) : get().tools;
      // Unchanged lists keep their identity: every picker would render again for nothing.
      if (!same(productions, get().productions)) set({ productions });
      if (!same(tools, get().tools)) set({ tools });
    },
    async loadArtists() {
      const a = await call(api.listArtists({}), 'load the artist list');
      if (a.ok) set({ artists: a.value });
    },
    async saveProduction(input, id) {
      const res = id === undefined
        ? await call(api.addProduction(input), naming('add', 'production', input.code))
        : await call(api.editProduction({ ...input, id }), naming('save', 'production', input.code));
      if (res.ok) {
        saves++;
        set((s) => ({ productions: [...s.productions.filter((p) => p.id !== res.value.id), res.value].sort(byCode) }));
        notify(`Production ${res.value.code} saved.`);
      }
      return res;
    },
    async saveTool(input, id) {
      const res = id === undefined
        ? await call(api.addTool(input), naming('add', 'tool', input.name))
        : await call(api.editTool({ ...input, id }), naming('save', 'tool', input.name));
      if (res.ok) {
        saves++;
        set((s) => ({ tools: [...s.tools.filter((t) => t.id !== res.value.id), res.value].sort(byName) }));
        notify(`Tool ${res.value.name} saved.`);
      }
      return res;
    },
    productionByCode(code) {
      const c = code.toLowerCase();
      return get().productions.find((p) => p.code.toLowerCase() === c);
    },
  }));
}

export type CatalogStore = ReturnType<typeof createCatalogStore>;
