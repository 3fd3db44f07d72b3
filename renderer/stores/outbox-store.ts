import { createStore } from 'zustand/vanilla';
import type { GenlogClient } from '../../main/api/table';
import { STATE_PRIORITY } from '../packets/labels';
import type { OutboxRun, Packet, PacketState } from '../packets/types';
import type { Call, Outcome } from './call';

export type OutboxFilter = 'all' | Exclude<PacketState, 'draft' | 'approved'>;

export interface OutboxState {
  /** Approved packets, those needing a person first (unknown, failed), then sending, queued, sent; newest first within. */
  packets: Packet[];
  loaded: boolean;
  filter: OutboxFilter;
  selectedId: number | null;
  /** A "Send now" in progress. */
  sending: boolean;
  /** What the last "Send now" did, for the status line. */
  lastRun: OutboxRun | null;
  load(): Promise<void>;
  setFilter(filter: OutboxFilter): void;
  select(id: number | null): void;
  /** Sends every queued packet now (ignoring the retry schedule) through the server in settings. */
  send(): Promise<Outcome<OutboxRun>>;
}

export interface OutboxDeps {
  actor(): string | undefined;
  /** Packets moved: the Packets screen and the detail pane reload. */
  changed(): void;
  notify(kind: 'success' | 'info' | 'error', message: string): void;
}

function byPriority(a: Packet, b: Packet): number {
  return STATE_PRIORITY[a.state] - STATE_PRIORITY[b.state] || b.id - a.id;
}

/** "Sent 1 packet; 1 will be retried later; 1 failed." */
export function describeRun(run: OutboxRun): string {
  if (run.attempted === 0) {
    return run.interrupted.length > 0
      ? `Nothing to send. ${run.interrupted.length} packet(s) found mid-send are now "unknown": confirm or re-send them.`
      : 'Nothing to send: no packet is queued.';
  }
  const parts = [`Sent ${run.sent} of ${run.attempted} packet${run.attempted === 1 ? '' : 's'}`];
  if (run.retrying > 0) parts.push(`${run.retrying} stay${run.retrying === 1 ? 's' : ''} queued and will be retried (${run.packets.find((p) => p.result === 'retrying')?.error ?? 'temporary failure'})`);
  if (run.failed > 0) parts.push(`${run.failed} failed and wait${run.failed === 1 ? 's' : ''} for you (${run.packets.find((p) => p.result === 'failed')?.error ?? 'refused'})`);
  return `${parts.join('; ')}.`;
}

/** The outbox: approved packets and where each is, and "Send now". */
export function createOutboxStore(api: GenlogClient, call: Call, deps: OutboxDeps) {
  let request = 0;
  return createStore<OutboxState>()((set, get) => ({
    packets: [],
    loaded: false,
    filter: 'all',
    selectedId: null,
    sending: false,
    lastRun: null,
    async load() {
      const mine = ++request;
      const res = await call(api.listOutbox({}), 'load the outbox');
      if (mine !== request) return;
      set({ packets: res.ok ? [...res.value].sort(byPriority) : get().packets, loaded: true });
    },
    setFilter(filter) {
      set({ filter });
    },
    select(id) {
      set({ selectedId: id });
    },
    async send() {
      set({ sending: true });
      const res = await call(api.sendOutbox({ all: true, by: deps.actor() || undefined }), 'send the outbox');
      set({ sending: false, lastRun: res.ok ? res.value : get().lastRun });
      if (res.ok) {
        const run = res.value;
        // A refusal waits for a person and must not fade away; a retry is news, not an error.
        deps.notify(run.failed > 0 ? 'error' : run.retrying > 0 ? 'info' : 'success', describeRun(run));
      }
      await get().load();
      deps.changed();
      return res;
    },
  }));
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;
