import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, within } from '@testing-library/react';
import { makeClient } from '../../../main/api/client';
import { dispatch } from '../../../main/api/dispatch';
import { methodTable, type GenlogClient } from '../../../main/api/table';
import type { ApiContext } from '../../../main/api/context';
import { ok, seedCatalog, testContext } from '../../support/context';
import { captureJpeg } from '../../ingest-api/fixtures';

/** A real API with the seeded catalog and an artist name: what most renderer tests of the ingest screens start from. */
export async function catalogWorld(): Promise<{ ctx: ApiContext; api: GenlogClient }> {
  const ctx = testContext({ actor: 'tester' });
  const api = makeClient((m, i) => dispatch(methodTable, ctx, m, i));
  await seedCatalog(api);
  ok(await api.setSettings({ artistName: 'Ana Ortiz' }));
  return { ctx, api };
}

/** catalogWorld with an empty folder `name` in its data folder (and `sub` inside it): what ingest screens log from. */
export async function folderWorld(name: string, sub?: string): Promise<{ ctx: ApiContext; api: GenlogClient; folder: string }> {
  const world = await catalogWorld();
  const folder = join(world.ctx.dataDir, name);
  mkdirSync(sub ? join(folder, sub) : folder, { recursive: true });
  return { ...world, folder };
}

/**
 * The New files inbox after a scan of two watch folders: `withTool` (Firefly, artist Priya) holds a ten-frame
 * sequence, matte_v002.exr and plate.jpg; `noTool` holds mystery_a.exr and mystery_b.exr, which name no tool.
 */
export async function inboxWorld() {
  const { ctx, api } = await catalogWorld();
  const withTool = join(ctx.dataDir, 'renders');
  const noTool = join(ctx.dataDir, 'inbound');
  mkdirSync(withTool);
  mkdirSync(noTool);
  for (let f = 1001; f <= 1010; f++) writeFileSync(join(withTool, `shot_v001.${f}.exr`), randomBytes(1500));
  writeFileSync(join(withTool, 'matte_v002.exr'), randomBytes(2500));
  writeFileSync(join(withTool, 'plate.jpg'), await captureJpeg());
  writeFileSync(join(noTool, 'mystery_a.exr'), randomBytes(900));
  writeFileSync(join(noTool, 'mystery_b.exr'), randomBytes(800));
  ok(await api.addWatchFolder({ path: withTool, production: 'SHOW1', tool: 'Firefly', artist: 'Priya' }));
  ok(await api.addWatchFolder({ path: noTool, production: 'SHOW1' }));
  ok(await api.scanWatchFolders({}));
  return { ctx, api, withTool, noTool };
}

/** The inbox screen's parts, as a person finds them. */
export const inboxScreen = {
  table: () => screen.getByRole('table', { name: 'New files' }),
  rowOf: (name: RegExp) => within(inboxScreen.table()).getByRole('row', { name }),
  pane: () => screen.getByRole('complementary', { name: 'New file detail' }),
  list: () => screen.getByRole('region', { name: 'New files list' }),
  selectedRow: () => inboxScreen.table().querySelector('tr.is-selected'),
};
