import type { ButtonHTMLAttributes } from 'react';

/**
 * A button whose action is running: it stays focusable (a disabled button drops keyboard focus to the page, and the
 * arrow keys and shortcuts with it), says it is unavailable, and ignores presses until the action ends.
 */
export function BusyButton({ busy, onClick, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { busy: boolean }) {
  return (
    <button type="button" {...rest} aria-disabled={busy || undefined} aria-busy={busy || undefined}
      onClick={(e) => { if (!busy) onClick?.(e); }} />
  );
}
