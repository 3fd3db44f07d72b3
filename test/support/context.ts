import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext } from '../../main/app-context';
import { makeClient } from '../../main/api/client';
import { dispatch } from '../../main/api/dispatch';
import { methodTable } from '../../main/api/table';
import type { ApiContext } from '../../main/api/context';
import type { Envelope } from '../../main/api/envelope';

export function tempDir(prefix = 'genlog-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A real context on a real file db (WAL needs a file), with a clock tests can move. */
export function testContext(opts: { now?: () => Date; actor?: string; transport?: ApiContext['transport'] } = {}): ApiContext {
  const dir = tempDir();
  return createContext({ dbPath: join(dir, 'genlog.db'), transport: opts.transport ?? 'test', actor: opts.actor ?? 'tester', now: opts.now });
}

export function testClient(ctx: ApiContext) {
  return makeClient((m, i) => dispatch(methodTable, ctx, m, i));
}

/** Unwraps an envelope, failing the test with the API's own message. */
export function ok<T>(e: Envelope<T>): T {
  if (!e.ok) throw new Error(`expected ok, got ${e.error.code}: ${e.error.message}`);
  return e.value;
}

export function writeFile(dir: string, name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** A production and a tool, which nearly every asset test needs. */
export async function seedCatalog(api: ReturnType<typeof testClient>) {
  ok(await api.addProduction({ code: 'SHOW1', title: 'The Show', contactEmail: 'amy@netflix.com', vendor: 'Pixel Works', episodes: ['E101', 'E102'] }));
  ok(await api.addTool({ name: 'Firefly', vendor: 'Adobe', hosting: 'enterprise-cloud', enterprise: 'yes', trainsOnInputs: 'no', retainsData: 'no' }));
}
