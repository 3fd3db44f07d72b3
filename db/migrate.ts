import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const LATEST_VERSION = MIGRATIONS.length;

export class FutureDatabaseError extends Error {}

/** An SQLite file that is not GenLog's: migrating it would rewrite another program's data. */
export class ForeignDatabaseError extends Error {}

function futureError(current: number, latest: number): FutureDatabaseError {
  return new FutureDatabaseError(
    `This database was written by a newer version of GenLog (schema version ${current}; this GenLog knows up to ${latest}). ` +
      'Update GenLog to open it; it has not been modified.',
  );
}

/** Tables every GenLog database has had since its first version. */
const GENLOG_TABLES = ['assets', 'productions'];

/**
 * Refuses, before anything is written, a database GenLog must not change: one from a newer GenLog, and an SQLite file
 * of another program (a mistyped --db path would otherwise be turned into a GenLog log), whatever its user_version.
 * An empty file is a new log. Both facts are read in one transaction, so a GenLog process migrating the same new
 * file at that moment is seen either before or after, never half way.
 */
export function checkOpenable(db: Database.Database, path: string, latest: number): void {
  const { version, tables } = db.transaction(() => ({
    version: db.pragma('user_version', { simple: true }) as number,
    tables: (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name),
  })).deferred();
  if (version === 0 && tables.length === 0) return;
  if (GENLOG_TABLES.every((t) => tables.includes(t))) {
    if (version > latest) throw futureError(version, latest);
    return;
  }
  const shown = tables.slice(0, 5).join(', ');
  throw new ForeignDatabaseError(
    `${path} is an SQLite database but not GenLog's (it holds ${tables.length === 0 ? 'no tables' : tables.length > 5 ? `tables such as ${shown}` : `the table(s) ${shown}`}` +
      `${version ? `, schema version ${version}` : ''}). GenLog leaves it as it is: check the --db path or GENLOG_DB.`,
  );
}

/**
 * Applies every pending migration in one transaction, so a db is either fully at the new version or untouched.
 * A db written by a newer GenLog is refused: we cannot know what its newer columns mean, and writing to it could
 * corrupt evidence.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (current > latest) throw futureError(current, latest);
  if (current === latest) return current;
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration list out of order at ${m.name}`);
  });
  // IMMEDIATE, and the version read again under the lock: two processes opening an old db at once must not both
  // migrate it (the second waits, then finds nothing left to do).
  db.transaction(() => {
    const locked = db.pragma('user_version', { simple: true }) as number;
    for (const m of migrations.slice(locked)) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return latest;
}
