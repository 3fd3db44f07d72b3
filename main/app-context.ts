import { dirname, resolve } from 'node:path';
import { openDb, type OpenOptions } from '../db/connection';
import type { ApiContext } from './api/context';
import { StagedFiles } from './services/staged-files';
import { artistName } from './services/settings';

export interface ContextOptions extends OpenOptions {
  dbPath: string;
  transport: ApiContext['transport'];
  /** Overrides the settings/OS user as the default actor (the CLI's --by). */
  actor?: string;
  now?: () => Date;
}

export function createContext(o: ContextOptions): ApiContext {
  const dbPath = o.dbPath === ':memory:' ? o.dbPath : resolve(o.dbPath);
  const db = openDb(dbPath, o);
  return {
    db,
    dbPath,
    dataDir: dbPath === ':memory:' ? process.cwd() : dirname(dbPath),
    actor: () => o.actor ?? artistName(db),
    now: o.now ?? (() => new Date()),
    staged: new StagedFiles(),
    transport: o.transport,
  };
}
