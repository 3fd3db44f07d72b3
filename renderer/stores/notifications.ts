import { createStore } from 'zustand/vanilla';

export type NoticeKind = 'error' | 'success' | 'info';

export interface Notice {
  id: number;
  kind: NoticeKind;
  message: string;
}

export interface NotificationState {
  notices: Notice[];
  push(kind: NoticeKind, message: string): number;
  dismiss(id: number): void;
}

const MAX_VISIBLE = 4;
const SUCCESS_MS = 4000;

/** The single place where anything that went wrong (or right) is told to the user. */
export function createNotificationStore(timers: { setTimeout: typeof setTimeout } = globalThis) {
  let next = 1;
  return createStore<NotificationState>()((set, get) => ({
    notices: [],
    push(kind, message) {
      const id = next++;
      // The same error twice in a row (a retried action) shows once.
      const last = get().notices.at(-1);
      if (last && last.kind === kind && last.message === message) return last.id;
      set((s) => ({ notices: [...s.notices, { id, kind, message }].slice(-MAX_VISIBLE) }));
      // Errors stay until dismissed: an artist looking at another monitor must not miss them.
      if (kind !== 'error') timers.setTimeout(() => get().dismiss(id), SUCCESS_MS);
      return id;
    },
    dismiss(id) {
      set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
    },
  }));
}

export type NotificationStore = ReturnType<typeof createNotificationStore>;
