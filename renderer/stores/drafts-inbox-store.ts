import { createStore } from 'zustand/vanilla';
import type { GenlogClient } from '../../main/api/table';
import type { ConfirmedDraft, Draft, DraftDetail, DraftEdits, DraftStatus } from '../ingest/types';
import type { Envelope } from '../../main/api/envelope';
import type { Call, Outcome } from './call';
import { draftEdits, type DraftFormValues } from '../ingest/draft-edits';
import { effectiveTool } from '../ingest/draft-labels';
import { formatCount, plural } from '../ui/format';

/** Drafts shown per look; a render folder rarely holds more, and "Show more" loads the next ones. */
export const DRAFTS_PAGE = 500;
/** Most drafts one listInbox call returns. */
const MOST_AT_ONCE = 5000;
/** Rows a refresh's next call reads again of the one before. */
const PAGE_OVERLAP = 200;

export interface BatchOutcome {
  logged: number;
  duplicates: number;
  /** "shot.####.exr: needs a tool ...", one per draft that could not be logged. */
  failures: string[];
}

export interface DismissOutcome {
  dismissed: number;
  /** "shot.####.exr: ...", one per draft that could not be dismissed. */
  failures: string[];
}

export interface DraftsInboxState {
  status: DraftStatus;
  items: Draft[];
  total: number | null;
  /** Pending drafts (the nav badge), whatever the status filter shows. */
  pendingCount: number | null;
  selectedId: number | null;
  detail: DraftDetail | null;
  /** Ticked drafts, for "Confirm selected" and "Dismiss selected". */
  picked: number[];
  busy: boolean;
  /** What was typed into a draft's confirm form and not yet confirmed, by draft id: selecting another draft keeps it. */
  unsavedEdits: Record<number, DraftFormValues>;
  keepEdits(id: number, values: DraftFormValues): void;
  /** While Confirm or Dismiss selected runs: drafts decided so far of those ticked. */
  batchProgress: { done: number; total: number } | null;
  /** Stops a running Confirm or Dismiss selected after the draft in hand; the drafts not reached stay ticked. */
  stopBatch(): void;
  load(more?: boolean): Promise<void>;
  refreshPending(): Promise<void>;
  setStatus(status: DraftStatus): void;
  select(id: number | null): Promise<void>;
  /** Moves the selection by `delta` rows (arrow keys). */
  move(delta: number): void;
  togglePicked(id: number, on: boolean): void;
  pickAll(on: boolean): void;
  confirm(id: number, edits: DraftEdits): Promise<Outcome<ConfirmedDraft>>;
  /**
   * Logs every ticked pending draft: with what was typed into it when it was opened and not yet confirmed, else
   * with its watch folder's defaults and what its file said.
   */
  confirmPicked(): Promise<BatchOutcome>;
  dismiss(id: number): Promise<Outcome<Draft>>;
  /** A dismissed draft back in the inbox, waiting again (a dismissal made by mistake). */
  reopen(id: number): Promise<Outcome<Draft>>;
  /** Dismisses every ticked pending draft (recorded as by the artist, like a single dismiss); failures stay ticked. */
  dismissPicked(): Promise<DismissOutcome>;
}

export interface DraftsInboxDeps {
  actor(): string | undefined;
  notify(kind: 'info' | 'success' | 'error', message: string): void;
  /** Assets were logged: the log and its filters reload. */
  assetsChanged(): void;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The draft as shown before when nothing of it changed: its row is not drawn again at every refresh. */
function unchangedAs(before: Draft | undefined, now: Draft): Draft {
  return before && JSON.stringify(before) === JSON.stringify(now) ? before : now;
}

/** The new-files inbox: drafts found in watch folders, confirmed into the log or dismissed (kept). */
export function createDraftsInboxStore(api: GenlogClient, call: Call, deps: DraftsInboxDeps) {
  let listRequest = 0;
  let detailRequest = 0;
  const by = () => deps.actor()?.trim() || undefined;
  return createStore<DraftsInboxState>()((set, get) => {
    /** The watch folder's artist made the file; without one, the person confirming is recorded. */
    const artistFor = (id: number) => (get().items.find((d) => d.id === id)?.prefill.artist ? undefined : by());

    /** After a decision: the list, the count and the detail shown reflect it. */
    async function decided(id: number) {
      forgetEdits([id]);
      const { status, items, selectedId } = get();
      if (status === 'pending') {
        const at = items.findIndex((d) => d.id === id);
        const rest = items.filter((d) => d.id !== id);
        const next = selectedId === id ? (rest[Math.min(at, rest.length - 1)]?.id ?? null) : selectedId;
        set((s) => ({ items: rest, total: s.total === null ? null : Math.max(0, s.total - 1), picked: s.picked.filter((p) => p !== id) }));
        if (selectedId === id) await get().select(next);
      } else {
        await get().load();
        if (selectedId === id) await get().select(id);
      }
      await get().refreshPending();
    }

    /**
     * Decides every ticked draft, one at a time: each is its own transaction, and a failure (no tool known) must not
     * stop the rest. Failed ones stay ticked; the list reloads and the selection moves on as after a single decision.
     */
    let stopAsked = false;
    async function decidePicked<T>(decide: (id: number) => Promise<Envelope<T>>, ids = get().picked): Promise<{ done: Map<number, T>; failures: string[]; notReached: number; goneMeanwhile: number }> {
      const done = new Map<number, T>();
      const failed = new Map<number, string>();
      if (ids.length === 0) return { done, failures: [], notReached: 0, goneMeanwhile: 0 };
      stopAsked = false;
      set({ busy: true, batchProgress: { done: 0, total: ids.length } });
      const before = get().items;
      const names = new Map(before.map((d) => [d.id, d.fileName]));
      for (const id of ids) {
        if (stopAsked) break;
        const res = await decide(id).catch((e: unknown): Envelope<T> => ({ ok: false, error: { code: 'failed', message: errorText(e) } }));
        if (res.ok) done.set(id, res.value);
        else failed.set(id, `${names.get(id) ?? `#${id}`}: ${res.error.message}`);
        set({ batchProgress: { done: done.size + failed.size, total: ids.length } });
      }
      forgetEdits([...done.keys()]);
      set({ busy: false, batchProgress: null, picked: get().picked.filter((id) => !done.has(id)) });
      const { selectedId } = get();
      const wasDone = selectedId !== null && done.has(selectedId);
      const at = before.findIndex((d) => d.id === selectedId);
      const after = [...before.slice(at + 1), ...before.slice(0, Math.max(0, at)).reverse()].filter((d) => !done.has(d.id)).map((d) => d.id);
      await get().load();
      if (wasDone) {
        const items = get().items;
        // Still listed (the Confirmed, Dismissed or All filter): it stays selected and shows how it was decided.
        const next = items.some((d) => d.id === selectedId) ? selectedId : (after.find((id) => items.some((d) => d.id === id)) ?? items[0]?.id ?? null);
        await get().select(next);
      }
      await get().refreshPending();
      // A failure whose draft is no longer waiting (decided in another window or by a CLI meanwhile) is not one that
      // "stays selected": the reload took it out of the list.
      const stillPicked = new Set(get().picked);
      const failures = [...failed].filter(([id]) => stillPicked.has(id)).map(([, message]) => message);
      // What was typed into those is of no use any more (a copy confirmed with its twin, settled with it).
      forgetEdits([...failed.keys()].filter((id) => !stillPicked.has(id)));
      return { done, failures, notReached: ids.length - done.size - failed.size, goneMeanwhile: failed.size - failures.length };
    }

    /**
     * The selected draft left the list while it was open (a refresh): replaced by a new draft of the same files (new
     * frames arrived, a file changed), the new one is selected and what was typed moves to it; decided elsewhere (a
     * CLI, another window) or gone, what was typed is dropped and the artist told, never silently.
     */
    async function selectionLeft(id: number, before: readonly Draft[], rows: readonly Draft[]): Promise<void> {
      // Off the loaded pages only (drafts found since pushed it below the last one shown): still waiting, still open.
      const now = await api.getInboxItem({ id }).catch(() => null);
      if (now?.ok && now.value.status === 'pending') return;
      const gone = before.find((d) => d.id === id);
      const typed = get().unsavedEdits[id];
      const seen = new Set(before.map((d) => d.id));
      const successor = gone ? rows.find((d) => d.status === 'pending' && d.path === gone.path && !seen.has(d.id)) : undefined;
      forgetEdits([id]);
      const name = gone?.fileName ?? `#${id}`;
      if (successor) {
        if (typed) {
          get().keepEdits(successor.id, typed);
          deps.notify('info', `${name} changed on disk (new frames, or a file written again) and is new file #${successor.id} now; what you typed was kept.`);
        }
        return get().select(successor.id);
      }
      if (typed) deps.notify('info', `${name} left the inbox while open (decided elsewhere, or its files went); what you typed into it was not used.`);
      return get().select(null);
    }

    function forgetEdits(ids: number[]): void {
      const rest = { ...get().unsavedEdits };
      for (const id of ids) delete rest[id];
      set({ unsavedEdits: rest });
    }

    /** One notice for the whole batch: fifty identical "needs a tool" toasts would bury everything else. */
    function batchNotice(summary: string, failures: string[], couldNot: string, notReached = 0, goneMeanwhile = 0): void {
      if (goneMeanwhile > 0) summary += ` ${goneMeanwhile === 1 ? '1 had' : `${goneMeanwhile} had`} been decided elsewhere meanwhile.`;
      if (notReached > 0) summary += ` Stopped: ${notReached} not reached ${notReached === 1 ? 'stays' : 'stay'} selected.`;
      if (failures.length === 0) return deps.notify(notReached > 0 ? 'info' : 'success', summary);
      const more = failures.length > 5 ? `\n… and ${failures.length - 5} more` : '';
      deps.notify('error', `${summary} ${failures.length} ${couldNot} and stay selected:\n${failures.slice(0, 5).join('\n')}${more}`);
    }

    return {
      status: 'pending',
      items: [],
      total: null,
      pendingCount: null,
      selectedId: null,
      detail: null,
      picked: [],
      busy: false,
      batchProgress: null,
      unsavedEdits: {},
      stopBatch() {
        stopAsked = true;
      },
      keepEdits(id, values) {
        set((s) => ({ unsavedEdits: { ...s.unsavedEdits, [id]: values } }));
      },
      async load(more = false) {
        const mine = ++listRequest;
        const { status, items } = get();
        // A refresh reloads as many pages as are shown, however many calls that takes: the 10 s refresh must not cut
        // a "Show more" list back (past 5,000 it did, and the selected draft fell off).
        let wanted = more ? DRAFTS_PAGE : Math.max(1, Math.ceil(items.length / DRAFTS_PAGE)) * DRAFTS_PAGE;
        const totalBefore = get().total;
        const from = more ? items.length : 0;
        const fetched = new Map<number, Draft>();
        let total = 0;
        for (let got = 0; got < wanted;) {
          // Each call after the first starts a little before where the last ended: drafts decided between two calls
          // shift the rest up, and one must not fall between them (a row that comes twice is kept once).
          const back = got === 0 ? 0 : PAGE_OVERLAP;
          const limit = Math.min(MOST_AT_ONCE, wanted - got + back);
          const res = await call(api.listInbox({ status, limit, offset: from + got - back }), 'load the New files inbox');
          if (mine !== listRequest) return;
          if (!res.ok) return set({ total: 0, items: more ? items : [] });
          for (const d of res.value.rows) if (!fetched.has(d.id)) fetched.set(d.id, d);
          // Drafts found since come first and push the shown ones down: as many more are loaded, so none drops off.
          if (!more && got === 0 && totalBefore !== null) wanted += Math.max(0, res.value.total - totalBefore);
          total = res.value.total;
          got += limit - back;
          if (res.value.rows.length < limit) break;
        }
        const shown = new Map(items.map((d) => [d.id, d]));
        const rows = more
          ? [...items, ...[...fetched.values()].filter((d) => !shown.has(d.id))]
          : [...fetched.values()].map((d) => unchangedAs(shown.get(d.id), d));
        const waiting = new Set(rows.filter((d) => d.status === 'pending').map((d) => d.id));
        set((s) => ({
          items: rows,
          total,
          picked: s.picked.filter((id) => waiting.has(id)),
          ...(status === 'pending' ? { pendingCount: total } : {}),
        }));
        const { selectedId } = get();
        if (selectedId !== null && !rows.some((d) => d.id === selectedId)) await selectionLeft(selectedId, items, rows);
      },
      async refreshPending() {
        const res = await api.listInbox({ status: 'pending', limit: 1 }).catch(() => null);
        // The badge is a hint: a failed count is not worth an error notice (the list itself reports failures).
        if (res?.ok) set({ pendingCount: res.value.total });
      },
      setStatus(status) {
        // Another filter is another list: the open draft closes, and what was typed into it stays for when it is back.
        set({ status, items: [], total: null, picked: [], selectedId: null, detail: null });
        void get().load();
      },
      async select(id) {
        const mine = ++detailRequest;
        set({ selectedId: id, ...(id === null || get().detail?.id !== id ? { detail: null } : {}) });
        if (id === null) return;
        const res = await call(api.getInboxItem({ id }), `open new file #${id}`);
        if (mine !== detailRequest) return;
        set({ detail: res.ok ? res.value : null });
      },
      move(delta) {
        const { items, selectedId } = get();
        if (items.length === 0) return;
        const at = items.findIndex((d) => d.id === selectedId);
        // With nothing selected yet, End (a move by the whole list) goes to the last draft; other keys to the first.
        const from = at < 0 ? (delta >= items.length ? items.length - 1 : 0) : at + delta;
        const next = Math.max(0, Math.min(items.length - 1, from));
        void get().select(items[next]!.id);
      },
      togglePicked(id, on) {
        set((s) => ({ picked: on ? (s.picked.includes(id) ? s.picked : [...s.picked, id]) : s.picked.filter((p) => p !== id) }));
      },
      pickAll(on) {
        set({ picked: on ? get().items.filter((d) => d.status === 'pending').map((d) => d.id) : [] });
      },
      async confirm(id, edits) {
        set({ busy: true });
        const res = await call(api.confirmInbox({ ...edits, id, by: edits.by ?? artistFor(id) }), `log new file #${id}`);
        set({ busy: false });
        if (!res.ok) return res;
        const a = res.value.asset;
        deps.notify('success', a.duplicate ? `${a.fileName} was already in the log as asset #${a.id}.` : `Logged ${a.fileName} as asset #${a.id}.`);
        deps.assetsChanged();
        await decided(id);
        return res;
      },
      async confirmPicked() {
        // A draft with no tool (none typed, its file names none, its folder sets none) cannot be logged: not tried,
        // so the progress, and the count of those a Stop left, are about the files that will be logged.
        const { unsavedEdits, items } = get();
        const byId = new Map(items.map((d) => [d.id, d]));
        const toolOf = (id: number) => {
          const d = byId.get(id);
          return d ? effectiveTool(d, unsavedEdits[id]) : unsavedEdits[id]?.tool;
        };
        const needTool = get().picked.filter((id) => !toolOf(id));
        const { done, failures, notReached, goneMeanwhile } = await decidePicked((id) => {
          const typed = get().unsavedEdits[id];
          return api.confirmInbox({ ...(typed ? draftEdits(typed) : {}), id, by: artistFor(id) });
        }, get().picked.filter((id) => toolOf(id)));
        const out: BatchOutcome = { logged: 0, duplicates: 0, failures };
        for (const confirmed of done.values()) {
          if (confirmed.asset.duplicate) out.duplicates++;
          else out.logged++;
        }
        if (done.size) deps.assetsChanged();
        const waiting = needTool.length ? ` ${formatCount(needTool.length)} ${needTool.length === 1 ? 'names no tool and stays' : 'name no tool and stay'} selected: choose ${needTool.length === 1 ? 'its' : 'each one\'s'} tool, then confirm.` : '';
        batchNotice(`Logged ${plural(out.logged, 'new asset')}${out.duplicates ? `; ${formatCount(out.duplicates)} already in the log` : ''}.${waiting}`,
          failures, 'could not be logged', notReached, goneMeanwhile);
        return out;
      },
      async dismissPicked() {
        const { done, failures, notReached, goneMeanwhile } = await decidePicked((id) => api.dismissInbox({ id, by: by() }));
        const n = done.size;
        batchNotice(n === 0 ? 'No files were dismissed.'
          : `Dismissed ${n} file${n === 1 ? '' : 's'}; ${n === 1 ? 'it stays' : 'they stay'} in the inbox history and ${n === 1 ? 'is' : 'are'} not offered again.`,
        failures, 'could not be dismissed', notReached, goneMeanwhile);
        return { dismissed: n, failures };
      },
      async reopen(id) {
        set({ busy: true });
        const res = await call(api.reopenInbox({ id }), `return new file #${id} to the inbox`);
        set({ busy: false });
        if (!res.ok) return res;
        deps.notify('success', `${res.value.fileName} is back in the inbox, waiting to be confirmed or dismissed.`);
        await decided(id);
        return res;
      },
      async dismiss(id) {
        set({ busy: true });
        const res = await call(api.dismissInbox({ id, by: by() }), `dismiss new file #${id}`);
        set({ busy: false });
        if (!res.ok) return res;
        deps.notify('success', `Dismissed ${res.value.fileName}; it stays in the inbox history and is not offered again.`);
        await decided(id);
        return res;
      },
    };
  });
}

export type DraftsInboxStore = ReturnType<typeof createDraftsInboxStore>;
