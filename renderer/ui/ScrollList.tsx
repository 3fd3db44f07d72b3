import type { ReactNode, Ref } from 'react';

/**
 * A list that scrolls inside a dialog (a result of thousands of rows): a Tab stop of its own, named (label, or the
 * heading its labelledBy points to), so the keyboard reaches it and scrolls it with the arrows, Page Up/Down, Home,
 * End and Space: the browser's own scrolling of a focused scroll box. Enter there does what the dialog's hint says
 * (see submitsOnEnter in Dialog).
 */
export function ScrollList({ label, labelledBy, className, children, ref }: {
  label?: string;
  labelledBy?: string;
  className?: string;
  children: ReactNode;
  ref?: Ref<HTMLUListElement>;
}) {
  return (
    <ul ref={ref} className={`result-list scroll-region${className ? ` ${className}` : ''}`} tabIndex={0} data-scroll-region=""
      aria-label={labelledBy ? undefined : label} aria-labelledby={labelledBy}>
      {children}
    </ul>
  );
}
