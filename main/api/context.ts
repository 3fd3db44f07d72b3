import type { Db, OpenOptions } from '../../db/connection';
import type { StagedFiles } from '../services/staged-files';
import type { KeyProtector } from '../packet/keys';

/** Everything a handler may touch. Built once per process by the transport (Electron, server, CLI). */
export interface ApiContext {
  db: Db;
  dbPath: string;
  /** Folder holding the db, the evidence store, keys and caches. */
  dataDir: string;
  /** Who is acting when a request does not say: the artist name from settings, else the OS user. */
  actor(): string;
  now(): Date;
  /** Files hashed by the loopback server's upload endpoint (browser drag and drop has no paths). */
  staged: StagedFiles;
  /** Which transport is calling: some methods (file dialogs) only make sense in the desktop app. */
  transport: 'electron' | 'http' | 'cli' | 'test';
  /** Encrypts secrets at rest (the facility signing key, the SMTP password): Electron safeStorage in the app; absent in the CLI. */
  protector?: KeyProtector;
  /** How this process opens an SQLite file (the desktop app's native build for its runtime): restoring a backup reads one. */
  openOptions?: OpenOptions;
  /** Closes the database connection; the next use of `db` opens the file anew (a restore put another file in its place). */
  close?(): void;
}
