import { useApp, useStores } from '../app/stores-context';

/** The notification area: every API failure lands here (see stores/call.ts), and so do confirmations. */
export function Toasts() {
  const notices = useApp('notifications', (s) => s.notices);
  const { notifications } = useStores();
  return (
    <div className="toasts" aria-live="polite" aria-label="Notifications">
      {notices.map((n) => (
        <div key={n.id} className={`toast toast-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <span className="toast-message">{n.message}</span>
          <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => notifications.getState().dismiss(n.id)}>×</button>
        </div>
      ))}
    </div>
  );
}
