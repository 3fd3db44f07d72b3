import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiContext } from '../../../main/api/context';
import { createCall } from '../../../renderer/stores/call';
import { createNotificationStore } from '../../../renderer/stores/notifications';
import { seedCatalog, testClient, testContext } from '../../support/context';

/** A store test's world: the real API in process on a fresh db with SHOW1 and Firefly, and an empty renders folder. */
export async function storeWorld(): Promise<{ ctx: ApiContext; api: ReturnType<typeof testClient>; folder: string; call: ReturnType<typeof createCall> }> {
  const ctx = testContext({ actor: 'tester' });
  const api = testClient(ctx);
  await seedCatalog(api);
  const folder = join(ctx.dataDir, 'renders');
  mkdirSync(folder, { recursive: true });
  return { ctx, api, folder, call: createCall(createNotificationStore()) };
}
