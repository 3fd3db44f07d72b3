import { createStore } from 'zustand/vanilla';
import type { GenlogClient } from '../../main/api/table';
import type { Asset, Classification, ListQuery, MediaType, SortColumn, SortDirection } from '../api-types';
import type { Call } from './call';

export const PAGE_SIZE = 200;
/** Pages kept in memory (8,000 rows); the farthest from what the user looks at go first. */
const MAX_CACHED_PAGES = 40;

export interface LogFilters {
  production: string;
  classification: Classification | '';
  mediaType: MediaType | '';
  tool: string;
  artist: string;
  from: string;
  to: string;
  search: string;
  showRetired: boolean;
  /** Compliance outcome (disclose, escalate, blocked, cleared). */
  outcome: NonNullable<ListQuery['outcome']> | '';
}

export const EMPTY_FILTERS: LogFilters = {
  production: '', classification: '', mediaType: '', tool: '', artist: '', from: '', to: '', search: '', showRetired: true, outcome: '',
};

export interface LogSort {
  column: SortColumn;
  direction: SortDirection;
}

export interface LogState {
  filters: LogFilters;
  sort: LogSort;
  /** Rows matching the filters; null until the first page of a query arrives. */
  total: number | null;
  /** Why the current query could not be loaded (already reported as a notification); null when it loaded. */
  loadError: string | null;
  /** Loaded pages by page number; rows not in a loaded page are shown as placeholders. */
  pages: Record<number, Asset[]>;
  /** Bumped whenever the query changes or data is refreshed: answers from an older generation are dropped. */
  generation: number;
  /** Bumped only when filters or order change (the table scrolls back to the top). */
  queryVersion: number;
  /**
   * The selected asset, and where it is in the current order (the keyboard cursor): null when it is not in the
   * rows loaded so far (another page, or hidden by the filters). The selection follows the asset, never the row
   * position: rows logged or re-sorted above it do not hand it to another asset.
   */
  selectedIndex: number | null;
  selectedId: number | null;

  setFilters(patch: Partial<LogFilters>): void;
  clearFilters(): void;
  sortBy(column: SortColumn): void;
  /** Makes sure rows start..end (inclusive) are loaded or on their way. */
  ensureRange(start: number, end: number): void;
  rowAt(index: number): Asset | undefined;
  select(index: number | null): void;
  selectId(id: number | null): void;
  /** Reloads after a change (logged, re-tagged, edited), keeping filters, order and selection. */
  /**
   * Reloads the rows in view. `selectionMayLeave`: this app just retired or re-tagged the selected asset, which may
   * take it out of the view; the cursor then stays on the row that takes its place.
   */
  refresh(options?: { selectionMayLeave?: boolean }): void;
  /**
   * Asks whether the database changed since the last ask (another process logging, a reviewer elsewhere): true when
   * it did. The first ask only learns where things stand. A failed ask says nothing: the next one tries again.
   */
  changedSinceLastLook(): Promise<boolean>;
}

/** Columns whose natural first look is newest/largest first. */
const DESCENDING_FIRST: ReadonlySet<SortColumn> = new Set<SortColumn>(['createdAt', 'size']);

export function toListQuery(filters: LogFilters, sort: LogSort): ListQuery {
  const q: ListQuery = { sort: sort.column, direction: sort.direction, retired: filters.showRetired ? 'include' : 'exclude' };
  if (filters.production) q.production = filters.production;
  if (filters.classification) q.classification = filters.classification;
  if (filters.mediaType) q.mediaType = filters.mediaType;
  if (filters.tool) q.tool = filters.tool;
  if (filters.artist) q.artist = filters.artist;
  if (filters.from) q.from = filters.from;
  if (filters.to) q.to = filters.to;
  if (filters.search.trim()) q.search = filters.search.trim();
  if (filters.outcome) q.outcome = filters.outcome;
  return q;
}

function evict(pages: Record<number, Asset[]>, around: number): Record<number, Asset[]> {
  const keys = Object.keys(pages).map(Number);
  if (keys.length <= MAX_CACHED_PAGES) return pages;
  keys.sort((a, b) => Math.abs(a - around) - Math.abs(b - around));
  const kept: Record<number, Asset[]> = {};
  for (const k of keys.slice(0, MAX_CACHED_PAGES)) kept[k] = pages[k]!;
  return kept;
}

/**
 * The log table's data: a window of pages over a query that can match a million rows. Pages are fetched by
 * offset on demand and cached; the total comes with every page so it stays current as others log assets.
 */
export function createLogStore(api: GenlogClient, call: Call) {
  const inFlight = new Set<string>();
  let visible = { start: 0, end: 0 };
  // The cursor was moved onto a row not loaded yet (PageDown, End): its page names the selected asset.
  let cursorAwaitsRow = false;
  // Rows in the view before a refresh after this app changed the selected asset: fewer after it, and that asset gone
  // from the cursor's page, means it left the view (retired, re-tagged out of the filter), so the cursor stays where
  // it was, on its neighbour. Other refreshes (another process logging) never guess: the asset is looked up.
  let totalBeforeRefresh: number | null = null;
  let lastStamp: string | null = null;

  return createStore<LogState>()((set, get) => {
    function restart(patch: Partial<LogState>): void {
      inFlight.clear();
      cursorAwaitsRow = false;
      totalBeforeRefresh = null;
      set((s) => ({ ...patch, pages: {}, generation: s.generation + 1, queryVersion: s.queryVersion + 1, selectedIndex: null }));
    }

    /** Where the cursor goes when the selected asset is not on its page after a refresh. */
    function cursorAfterLeaving(index: number, page: number, rows: Asset[], total: number, pages: Record<number, Asset[]>): Partial<LogState> {
      const left = totalBeforeRefresh !== null && total < totalBeforeRefresh;
      const neighbour = Math.min(index, total - 1);
      const neighbourPage = Math.floor(neighbour / PAGE_SIZE);
      const row = (neighbourPage === page ? rows : pages[neighbourPage])?.[neighbour % PAGE_SIZE];
      // Otherwise the asset moved (a new order after an edit): a page that holds it selects it when it loads.
      return left && row ? { selectedIndex: neighbour, selectedId: row.id } : { selectedIndex: null };
    }

    async function fetchPage(page: number): Promise<void> {
      const { generation, filters, sort } = get();
      const key = `${generation}:${page}`;
      if (inFlight.has(key)) return;
      inFlight.add(key);
      const res = await call(api.listAssets({ ...toListQuery(filters, sort), offset: page * PAGE_SIZE, limit: PAGE_SIZE }), 'load the asset log');
      inFlight.delete(key);
      if (get().generation !== generation) return;
      if (!res.ok) {
        // Nothing to show for this query: say so instead of leaving placeholder rows spinning.
        set({ loadError: res.error.message, total: 0, pages: {} });
        return;
      }
      set((s) => {
        const pages = evict({ ...s.pages, [page]: res.value.rows }, page);
        const patch: Partial<LogState> = { pages, total: res.value.total, loadError: null };
        const cursorHere = s.selectedIndex !== null && Math.floor(s.selectedIndex / PAGE_SIZE) === page;
        if (cursorAwaitsRow && cursorHere) {
          cursorAwaitsRow = false;
          patch.selectedId = res.value.rows[(s.selectedIndex as number) % PAGE_SIZE]?.id ?? s.selectedId;
          return patch;
        }
        // After a refresh or a new order, the cursor goes where the selected asset is now.
        const at = s.selectedId === null ? -1 : res.value.rows.findIndex((r) => r.id === s.selectedId);
        if (at >= 0) patch.selectedIndex = page * PAGE_SIZE + at;
        else if (cursorHere) Object.assign(patch, cursorAfterLeaving(s.selectedIndex as number, page, res.value.rows, res.value.total, pages));
        if (cursorHere) totalBeforeRefresh = null;
        return patch;
      });
    }

    return {
      filters: EMPTY_FILTERS,
      sort: { column: 'createdAt', direction: 'desc' },
      total: null,
      loadError: null,
      pages: {},
      generation: 0,
      queryVersion: 0,
      selectedIndex: null,
      selectedId: null,

      setFilters(patch) {
        const filters = { ...get().filters, ...patch };
        if (JSON.stringify(filters) === JSON.stringify(get().filters)) return;
        restart({ filters });
      },
      clearFilters() {
        restart({ filters: EMPTY_FILTERS });
      },
      sortBy(column) {
        const { sort } = get();
        const direction: SortDirection = sort.column === column
          ? (sort.direction === 'asc' ? 'desc' : 'asc')
          : (DESCENDING_FIRST.has(column) ? 'desc' : 'asc');
        restart({ sort: { column, direction } });
      },
      ensureRange(start, end) {
        visible = { start, end };
        const { pages, total } = get();
        const last = total === null ? Math.floor(start / PAGE_SIZE) : Math.floor(Math.max(0, total - 1) / PAGE_SIZE);
        const from = Math.max(0, Math.floor(start / PAGE_SIZE));
        const to = Math.min(last, Math.floor(Math.max(start, end) / PAGE_SIZE));
        for (let p = from; p <= to; p++) if (!pages[p]) void fetchPage(p);
      },
      rowAt(index) {
        return get().pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
      },
      select(index) {
        if (index === null) return set({ selectedIndex: null });
        const { total } = get();
        const clamped = Math.max(0, Math.min(index, (total ?? 1) - 1));
        const row = get().rowAt(clamped);
        cursorAwaitsRow = !row;
        set({ selectedIndex: clamped, selectedId: row ? row.id : get().selectedId });
        if (!row) get().ensureRange(clamped, clamped);
      },
      selectId(id) {
        cursorAwaitsRow = false;
        const found = id === null ? undefined : Object.entries(get().pages)
          .map(([page, rows]) => ({ page: Number(page), at: rows.findIndex((r) => r.id === id) }))
          .find((p) => p.at >= 0);
        set({ selectedId: id, selectedIndex: found ? found.page * PAGE_SIZE + found.at : null });
      },
      async changedSinceLastLook() {
        const res = await api.getChangeStamp({}).catch(() => null);
        if (!res?.ok) return false;
        const changed = lastStamp !== null && res.value.stamp !== lastStamp;
        lastStamp = res.value.stamp;
        return changed;
      },
      refresh(options = {}) {
        inFlight.clear();
        totalBeforeRefresh = options.selectionMayLeave ? get().total : null;
        const first = Math.floor(visible.start / PAGE_SIZE);
        const last = Math.floor(visible.end / PAGE_SIZE);
        // Rows on screen stay until fresh ones replace them, so the table does not blink; the rest is reloaded
        // when scrolled to.
        set((s) => {
          const kept: Record<number, Asset[]> = {};
          for (let p = first; p <= last; p++) {
            const rows = s.pages[p];
            if (rows) kept[p] = rows;
          }
          return { generation: s.generation + 1, pages: kept };
        });
        for (let p = first; p <= last; p++) void fetchPage(p);
        // The cursor moved onto a row still loading (End, PageDown) keeps waiting for it: its page is fetched anew.
        const cursor = get().selectedIndex;
        if (cursorAwaitsRow && cursor !== null) void fetchPage(Math.floor(cursor / PAGE_SIZE));
      },
    };
  });
}

export type LogStore = ReturnType<typeof createLogStore>;
