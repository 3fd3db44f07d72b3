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

/**
 * Refuses, before anything is written, a database GenLog must not change: one from a newer GenLog, and an SQLite file
 * of another program (tables, but no GenLog schema version), which a mistyped --db path would otherwise turn into a
 * GenLog log. An empty file or a new path is a new log.
 */
export function checkOpenable(db: Database.Database, path: string, latest: number): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) throw futureError(current, latest);
  if (current > 0) return;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name LIMIT 6").all() as { name: string }[]).map((t) => t.name);
  if (tables.length > 0) {
    throw new ForeignDatabaseError(
      `${path} is an SQLite database but not GenLog's (it holds ${tables.length > 5 ? 'tables such as' : 'the table(s)'} ${tables.slice(0, 5).join(', ')}). ` +
        'GenLog leaves it as it is: check the --db path or GENLOG_DB.',
    );
  }
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
