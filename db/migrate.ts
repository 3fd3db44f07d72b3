import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const LATEST_VERSION = MIGRATIONS.length;

export class FutureDatabaseError extends Error {}

/**
 * Applies every pending migration in one transaction, so a db is either fully at the new version or untouched.
 * A db written by a newer GenLog is refused: we cannot know what its newer columns mean, and writing to it could
 * corrupt evidence.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (current > latest) {
    throw new FutureDatabaseError(
      `This database was written by a newer version of GenLog (schema version ${current}; this GenLog knows up to ${latest}). ` +
        'Update GenLog to open it; it has not been modified.',
    );
  }
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
