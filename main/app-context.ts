import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { openDb, type OpenOptions } from '../db/connection';
import type { ApiContext } from './api/context';
import { StagedFiles } from './services/staged-files';
import { artistName } from './services/settings';
import { assessPendingOutcomes } from './services/compliance/pending';

export interface ContextOptions extends OpenOptions {
  dbPath: string;
  transport: ApiContext['transport'];
  /** Overrides the settings/OS user as the default actor (the CLI's --by). */
  actor?: string;
  now?: () => Date;
  /** Encrypts secrets at rest: the desktop app passes Electron safeStorage; the CLI has none. */
  protector?: ApiContext['protector'];
}

export function createContext(o: ContextOptions): ApiContext {
  const dbPath = o.dbPath === ':memory:' ? o.dbPath : resolve(o.dbPath);
  const db = openDb(dbPath, o);
  const ctx: ApiContext = {
    db,
    dbPath,
    // An in-memory db (tests, `packet verify`) must never drop keys or thumbnails into the working directory.
    dataDir: dbPath === ':memory:' ? join(tmpdir(), `genlog-memory-${randomBytes(6).toString('hex')}`) : dirname(dbPath),
    actor: () => o.actor ?? artistName(db),
    now: o.now ?? (() => new Date()),
    staged: new StagedFiles(),
    transport: o.transport,
    ...(o.protector ? { protector: o.protector } : {}),
  };
  // Rows never assessed (a db from before compliance) get their outcome now, so filters and counts are complete.
  if (o.migrate !== false) {
    try {
      assessPendingOutcomes(ctx);
    } catch (err) {
      db.close();
      throw err;
    }
  }
  return ctx;
}
