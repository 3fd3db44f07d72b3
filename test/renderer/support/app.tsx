import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { createContext } from '../../../main/app-context';
import { makeClient } from '../../../main/api/client';
import { dispatch } from '../../../main/api/dispatch';
import { methodTable } from '../../../main/api/table';
import type { ApiContext } from '../../../main/api/context';
import type { GenlogClient } from '../../../main/api/table';
import type { Envelope } from '../../../main/api/envelope';
import { App } from '../../../renderer/app/App';
import { createStores } from '../../../renderer/stores';
import { pathStager, type FileStager } from '../../../renderer/file-stager';
import { seedSynthetic } from '../../support/seed';
import { stubGridLayout } from './layout';
import { thumbnailsIdle } from '../../../main/services/ingest/thumbnails';

export interface RealApi {
  ctx: ApiContext;
  api: GenlogClient;
  /** Every API method the UI called, in order (to prove what was and was not sent). */
  calls: string[];
}

/** A real API on a real (in-memory) SQLite db: the UI under test talks to the same handlers as in the app. */
export function realApi(seed = 0): RealApi {
  const ctx = createContext({ dbPath: ':memory:', transport: 'test', actor: undefined });
  if (seed > 0) seedSynthetic(ctx.db, seed);
  const calls: string[] = [];
  const api = makeClient((m, i) => {
    calls.push(m);
    return dispatch(methodTable, ctx, m, i);
  });
  return { ctx, api, calls };
}

/**
 * Ends a test that used a real API with files in `dir`: unmounts, lets thumbnails still being made after the last
 * commit finish (removing the folder under them fails with ENOTEMPTY), closes the db and removes the folder.
 */
export async function endRealApi(real: RealApi, dir: string): Promise<void> {
  cleanup();
  await thumbnailsIdle(real.ctx);
  real.ctx.db.close();
  rmSync(dir, { recursive: true, force: true });
}

/**
 * A real API per test whose data folder (evidence, thumbnails) is a fresh temp folder, the grid layout stubbed for
 * jsdom, and everything ended after each test. `seed` fills the catalog each test starts with. The fields change
 * per test: read them inside tests and hooks.
 */
export function useRealApiInFolder(prefix: string, seed: (api: GenlogClient) => Promise<void>): { readonly real: RealApi; readonly dir: string } {
  const env = {} as { real: RealApi; dir: string };
  let restoreLayout: () => void = () => undefined;
  beforeAll(() => { restoreLayout = stubGridLayout(); });
  beforeEach(async () => {
    env.dir = mkdtempSync(join(tmpdir(), prefix));
    env.real = realApi();
    env.real.ctx.dataDir = env.dir;
    await seed(env.real.api);
  });
  afterEach(() => endRealApi(env.real, env.dir));
  afterAll(() => restoreLayout());
  return env;
}

export function renderApp(api: GenlogClient, files: FileStager = pathStager(() => '')) {
  const stores = createStores(api, files);
  const view = render(<App stores={stores} />);
  return { stores, ...view };
}

export function ok<T>(e: Envelope<T>): T {
  if (!e.ok) throw new Error(`expected ok, got ${e.error.code}: ${e.error.message}`);
  return e.value;
}

/** The data rows the grid currently has in the DOM (placeholders and the header excluded). */
export function loadedRows(grid: HTMLElement): HTMLElement[] {
  return Array.from(grid.querySelectorAll<HTMLElement>('[role="row"][data-asset-id]'));
}

export function renderedRows(grid: HTMLElement): HTMLElement[] {
  return Array.from(grid.querySelectorAll<HTMLElement>('[role="row"]:not(.asset-header)'));
}
