import { useEffect, useRef, useState } from 'react';

/**
 * "Show all" for a list cut short: the button goes away once pressed, so the keyboard moves into the list it opened
 * (a Tab stop that scrolls with the arrows) instead of dropping to the page, where Esc no longer reaches the dialog.
 */
export function useShowAll() {
  const [all, setAll] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (all) listRef.current?.focus();
  }, [all]);
  return { all, showAll: () => setAll(true), listRef };
}
