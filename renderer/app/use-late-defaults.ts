import { useEffect, useRef } from 'react';
import { useApp } from './stores-context';

/**
 * Forms take their defaults (the only production, the only tool, the artist's name) from lists the app loads when
 * it starts. A form opened before they arrive, as when files are dropped on a window that has just opened, would
 * otherwise keep those fields empty. `fill` runs when the catalog or the settings arrive after the form opened; it
 * should fill only fields that are still empty, since the user may have typed meanwhile.
 */
export function useLateDefaults(fill: () => void) {
  const catalog = useApp('catalog', (s) => s.loaded);
  const settings = useApp('settings', (s) => s.settings !== null);
  const seen = useRef({ catalog, settings });
  const latestFill = useRef(fill);
  latestFill.current = fill;
  useEffect(() => {
    const arrived = (catalog && !seen.current.catalog) || (settings && !seen.current.settings);
    seen.current = { catalog, settings };
    if (arrived) latestFill.current();
  }, [catalog, settings]);
}

/** `form` with each field named in `defaults` taken from there while it is still empty; filled fields are kept. */
export function fillEmpty<F extends object>(form: F, defaults: Partial<F>): F {
  const out = { ...form };
  for (const key of Object.keys(defaults) as (keyof F)[]) {
    const value = defaults[key];
    if (out[key] === '' && value !== undefined) out[key] = value as F[keyof F];
  }
  return out;
}
