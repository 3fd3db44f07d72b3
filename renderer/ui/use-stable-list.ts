import { useRef } from 'react';

/**
 * The previous list while every element is the same as before (by `same`), else the new one: a derived value
 * memoized on it is not recomputed when the store hands out a new array whose relevant parts did not change
 * (an upload progress tick replaces the item list, not what the files say).
 */
export function useStableList<T>(list: readonly T[], same: (a: T, b: T) => boolean = Object.is): readonly T[] {
  const kept = useRef(list);
  const prev = kept.current;
  if (prev !== list && (prev.length !== list.length || list.some((x, i) => !same(x, prev[i] as T)))) kept.current = list;
  return kept.current;
}
