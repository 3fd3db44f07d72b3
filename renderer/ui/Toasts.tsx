import { useEffect, useRef } from 'react';
import { useApp, useStores } from '../app/stores-context';

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
