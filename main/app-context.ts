import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { openDb, type Db, type OpenOptions } from '../db/connection';
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
  /**
   * Opens the database at the first use of `db` instead of at once: a CLI command refused for a bad flag value or a
   * bad argument must not have created a missing log first.
   */
  openWhenUsed?: boolean;
}

export interface AppContext extends ApiContext {
  /** Closes the database if it was opened; never opens it just to close it. */
  close(): void;
}

export function createContext(o: ContextOptions): AppContext {
  const dbPath = o.dbPath === ':memory:' ? o.dbPath : resolve(o.dbPath);
  let opened: Db | undefined;
  const open = (): Db => {
    if (opened) return opened;
    const db = openDb(dbPath, o);
    opened = db;
    // Rows never assessed (a db from before compliance) get their outcome now, so filters and counts are complete.
    if (o.migrate !== false) {
      try {
        assessPendingOutcomes(ctx);
      } catch (err) {
        opened = undefined;
        db.close();
        throw err;
      }
    }
    return db;
  };
  const ctx: AppContext = {
    get db() {
      return open();
    },
    dbPath,
    // An in-memory db (tests, `packet verify`) must never drop keys or thumbnails into the working directory.
    dataDir: dbPath === ':memory:' ? join(tmpdir(), `genlog-memory-${randomBytes(6).toString('hex')}`) : dirname(dbPath),
    actor: () => o.actor ?? artistName(ctx.db),
    now: o.now ?? (() => new Date()),
    staged: new StagedFiles(),
    transport: o.transport,
    ...(o.protector ? { protector: o.protector } : {}),
    openOptions: o.nativeBinding ? { nativeBinding: o.nativeBinding } : {},
    close() {
      opened?.close();
      opened = undefined;
    },
  };
  if (!o.openWhenUsed) open();
  return ctx;
}
