import type { GenlogClient } from '../../main/api/table';

export interface ThumbnailEntry {
  /** A data: URL, or null when the asset has no thumbnail (then `reason` says why). */
  dataUrl: string | null;
  reason: string | null;
}

export interface ThumbnailCacheOptions {
  /** Entries kept; the least recently used go first. A table screen shows ~40 rows, the detail pane one more. */
  maxEntries?: number;
  /** getThumbnail calls at once: making a missing thumbnail decodes an image in the main process. */
  concurrency?: number;
}

/**
 * Thumbnails of the log's rows, fetched only when asked for by a row on screen, newest request first, a few at a
 * time, and kept in a bounded LRU. A row that leaves the screen before its turn withdraws its request, so fast
 * scrolling through a million rows fetches nothing for the rows that flew by.
 */
export function createThumbnailCache(api: Pick<GenlogClient, 'getThumbnail'>, o: ThumbnailCacheOptions = {}) {
  const maxEntries = o.maxEntries ?? 400;
  const concurrency = o.concurrency ?? 3;
  const entries = new Map<number, ThumbnailEntry>();
  const listeners = new Map<number, Set<() => void>>();
  const queued: number[] = [];
  const inFlight = new Set<number>();
  let fetched = 0;

  const notify = (id: number) => listeners.get(id)?.forEach((l) => l());

  function put(id: number, entry: ThumbnailEntry): void {
    entries.delete(id);
    entries.set(id, entry);
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries) break;
      entries.delete(oldest);
    }
    notify(id);
  }

  function pump(): void {
    while (inFlight.size < concurrency && queued.length > 0) {
      const id = queued.pop() as number;
      inFlight.add(id);
      fetched++;
      void api.getThumbnail({ id })
        .then((res) => put(id, res.ok ? { dataUrl: res.value.dataUrl, reason: res.value.reason } : { dataUrl: null, reason: res.error.message }))
        .catch((error: unknown) => put(id, { dataUrl: null, reason: error instanceof Error ? error.message : String(error) }))
        .finally(() => {
          inFlight.delete(id);
          pump();
        });
    }
  }

  return {
    /** The cached entry, without fetching (safe to call while rendering). */
    peek(id: number): ThumbnailEntry | undefined {
      return entries.get(id);
    },
    /** Asks for a thumbnail; the returned function withdraws the request if it has not started yet. */
    want(id: number): () => void {
      const cached = entries.get(id);
      if (cached) {
        put(id, cached); // most recently used
        return () => undefined;
      }
      if (!inFlight.has(id) && !queued.includes(id)) {
        queued.push(id);
        pump();
      }
      return () => {
        const at = queued.indexOf(id);
        if (at >= 0) queued.splice(at, 1);
      };
    },
    subscribe(id: number, listener: () => void): () => void {
      let set = listeners.get(id);
      if (!set) listeners.set(id, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(id);
      };
    },
    /** How many thumbnails were fetched and how many are cached (tests and diagnostics). */
    stats(): { fetched: number; cached: number; queued: number } {
      return { fetched, cached: entries.size, queued: queued.length };
    },
  };
}

export type ThumbnailCache = ReturnType<typeof createThumbnailCache>;
