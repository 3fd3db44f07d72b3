import { createRequire } from 'node:module';

// Bundles may be ESM (the app, the CLI) or CommonJS, where import.meta.url is empty but __filename exists.
const base = typeof __filename === 'string' ? __filename : import.meta.url;
const load = createRequire(base);

/**
 * Loads a CommonJS package on first use. A render node may start the CLI for every frame it writes, so packages
 * that only some commands need (PDF, mail, schema validation, images) must not slow every start.
 */
export function lazyRequire<T>(id: string): () => T {
  let mod: T | undefined;
  return () => (mod ??= load(id) as T);
}
