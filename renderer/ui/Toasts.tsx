import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { useApp, useStores } from '../app/stores-context';

/** The notifications' distance from the window's bottom (.toasts in layout.css). */
const TOASTS_BOTTOM = 12;
/** A dialog's margin above and below in the window (.dialog's max-height in controls.css). */
const DIALOG_MARGIN = 24;
/** Space kept between an open dialog and the notifications below it. */
const GAP = 8;

/** The notifications' box, and an open dialog's: its height is what it would take without room kept for them. */
interface Box { left: number; right: number; height: number }

/**
 * The room (px) an open dialog keeps free at the window's bottom (--toasts-room, see .dialog-backdrop) so the
 * notifications do not cover its footer (its buttons and key hint, "Enter or Esc closes") nor anything else in it;
 * null when, centred as usual, it ends above them anyway (a short dialog does not move when one appears).
 */
export function toastsRoom(toasts: Box, dialog: Box | null, windowHeight: number): number | null {
  if (!dialog || toasts.height === 0) return null;
  const across = dialog.left < toasts.right && dialog.right > toasts.left;
  const bottom = (windowHeight + Math.min(dialog.height, windowHeight - 2 * DIALOG_MARGIN)) / 2;
  const toastsTop = windowHeight - TOASTS_BOTTOM - toasts.height;
  if (!across || bottom <= toastsTop - GAP) return null;
  return Math.ceil(TOASTS_BOTTOM + toasts.height + GAP - DIALOG_MARGIN);
}

/** An open dialog's box, its height all of its content's (its body scrolls when the window is too short for it). */
function openDialog(): Box | null {
  const dialog = document.querySelector<HTMLElement>('.dialog[role="dialog"]');
  if (!dialog) return null;
  const body = dialog.querySelector<HTMLElement>('.dialog-body');
  const { left, right, height } = dialog.getBoundingClientRect();
  return { left, right, height: height + (body ? Math.max(0, body.scrollHeight - body.clientHeight) : 0) };
}

/**
 * While notifications are shown, keeps room for them below an open dialog: measured again when a dialog opens, closes
 * or changes, and when the window is resized. The room is a property of the page (documentElement), read by the CSS.
 */
function useRoomBelowDialogs(ref: RefObject<HTMLElement | null>, shown: number): void {
  useLayoutEffect(() => {
    const el = ref.current;
    const root = document.documentElement;
    if (!el || shown === 0) return undefined;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const room = toastsRoom(el.getBoundingClientRect(), openDialog(), window.innerHeight);
      if (room === null) root.style.removeProperty('--toasts-room');
      else root.style.setProperty('--toasts-room', `${room}px`);
    };
    const later = () => { if (!frame) frame = requestAnimationFrame(measure); };
    measure();
    const mutations = new MutationObserver(later);
    mutations.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('resize', later);
    return () => {
      mutations.disconnect();
      window.removeEventListener('resize', later);
      if (frame) cancelAnimationFrame(frame);
      root.style.removeProperty('--toasts-room');
    };
  }, [ref, shown]);
}

/**
 * The notification area: every API failure lands here (see stores/call.ts), and so do confirmations. Each closes on
 * its own after a while (errors last longest), but not while the pointer is over the notifications or focus is in them.
 */
export function Toasts() {
  const notices = useApp('notifications', (s) => s.notices);
  const { notifications } = useStores();
  const ref = useRef<HTMLDivElement>(null);
  const hovered = useRef(false);
  const focused = useRef(false);
  useRoomBelowDialogs(ref, notices.length);

  const sync = () => {
    if (hovered.current || focused.current) notifications.getState().pause();
    else notifications.getState().resume();
  };

  useEffect(() => {
    // A closed notice takes its focused × button with it, and no focusout says so: look again after each change.
    const el = ref.current;
    if (focused.current && !(el && el.contains(document.activeElement))) {
      focused.current = false;
      sync();
    }
    if (notices.length === 0 && hovered.current) {
      hovered.current = false;
      sync();
    }
  });

  return (
    <div ref={ref} className="toasts" aria-live="polite" aria-label="Notifications"
      onMouseEnter={() => { hovered.current = true; sync(); }}
      onMouseLeave={() => { hovered.current = false; sync(); }}
      onFocus={() => { focused.current = true; sync(); }}
      onBlur={(e) => {
        if (e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget)) return;
        focused.current = false;
        sync();
      }}>
      {notices.map((n) => (
        <div key={n.id} className={`toast toast-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <span className="toast-message">{n.message}</span>
          <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => notifications.getState().dismiss(n.id)}>×</button>
        </div>
      ))}
    </div>
  );
}
