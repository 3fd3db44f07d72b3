// Bundled by test/e2e/run.mjs (esbuild) so the e2e script can fill a db with a million synthetic assets.
import { openDb } from '../../db/connection';
import { createContext } from '../../main/app-context';
import { seedSynthetic } from '../support/seed';

/**
 * Seeds with the secondary indexes of `assets` dropped and rebuilt afterwards: building an index once from sorted
 * data is several times cheaper than updating a dozen b-trees row by row. The index definitions are read from
 * the db itself, so whatever the migrations created comes back exactly. Then the db is opened once the way the
 * app opens it, so any work done on first open (assessing new rows) is part of the seed, not of the test.
 */
export function seedDb(path: string, count: number): void {
  const db = openDb(path);
  try {
    db.pragma('cache_size = -262144');
    db.pragma('temp_store = MEMORY');
    db.pragma('synchronous = OFF');
    const indexes = db.prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'assets' AND sql IS NOT NULL",
    ).all() as { name: string; sql: string }[];
    for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);
    seedSynthetic(db, count);
    for (const i of indexes) db.exec(i.sql);
  } finally {
    db.close();
  }
  const ctx = createContext({ dbPath: path, transport: 'cli' });
  ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  ctx.db.close();
}
