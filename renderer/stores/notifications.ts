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
  /** The pointer is over the notifications or focus is inside them: nothing closes on its own until resume(). */
  pause(): void;
  /** Every notice still shown gets its full time again (so one just read is not snatched away). */
  resume(): void;
}

const MAX_VISIBLE = 4;
/** How long a notice stays on its own: long enough to read an error from another monitor, not so long it follows the user around. */
export const NOTICE_MS: Record<NoticeKind, number> = { error: 10_000, success: 4000, info: 5000 };

/** The single place where anything that went wrong (or right) is told to the user. */
export function createNotificationStore(timers: { setTimeout: typeof setTimeout } = globalThis) {
  let next = 1;
  let paused = false;
  /** The latest timer for each notice: an older one firing (after a pause, a repeat) does nothing. */
  const due = new Map<number, number>();
  let tick = 0;
  return createStore<NotificationState>()((set, get) => {
    function schedule(n: Notice) {
      // An error listing several things (which of 40 files failed, and why) stays until dismissed: it is a record
      // the artist works through, not a passing message.
      if (n.kind === 'error' && n.message.includes('\n')) return;
      const mine = ++tick;
      due.set(n.id, mine);
      timers.setTimeout(() => {
        if (paused || due.get(n.id) !== mine) return;
        get().dismiss(n.id);
      }, NOTICE_MS[n.kind]);
    }
    return {
      notices: [],
      push(kind, message) {
        // The same message twice in a row (a retried action) shows once, for the full time again.
        const last = get().notices.at(-1);
        if (last && last.kind === kind && last.message === message) {
          if (!paused) schedule(last);
          return last.id;
        }
        const notice = { id: next++, kind, message };
        set((s) => ({ notices: [...s.notices, notice].slice(-MAX_VISIBLE) }));
        for (const id of due.keys()) if (!get().notices.some((n) => n.id === id)) due.delete(id);
        if (!paused) schedule(notice);
        return notice.id;
      },
      dismiss(id) {
        due.delete(id);
        set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
      },
      pause() {
        paused = true;
      },
      resume() {
        if (!paused) return;
        paused = false;
        for (const n of get().notices) schedule(n);
      },
    };
  });
}

export type NotificationStore = ReturnType<typeof createNotificationStore>;
