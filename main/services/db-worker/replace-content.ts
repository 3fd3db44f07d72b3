import type { DbWorker } from './db-worker';

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Inside a transaction the caller holds: every row of every table of the log replaced by the rows of the database
 * attached as `restore_src` (the same schema version: a restore migrates its copy first). The log's own triggers keep
 * assets, approvals and events from ever being deleted; a restore is the one change that must, so they are dropped
 * and created again inside the same transaction, which no other connection sees half done. The search index's tables
 * is filled with the backup's own index entries, so it matches the copied assets exactly.
 */
export async function replaceContent(log: DbWorker): Promise<void> {
  // Checked at the commit instead of row by row: the rows arrive table by table, parents not always first.
  await log.exec('PRAGMA defer_foreign_keys = ON');
  const triggers = (await log.all("SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL")) as { name: string; sql: string }[];
  for (const t of triggers) await log.exec(`DROP TRIGGER main.${quoted(t.name)}`);
  const all = (await log.all("SELECT name, sql FROM main.sqlite_master WHERE type = 'table' AND (name NOT LIKE 'sqlite_%' OR name = 'sqlite_sequence') ORDER BY name")) as { name: string; sql: string }[];
  const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  // A virtual table's own tables (assets_fts_data…) may not be written: it is filled through itself, below.
  const tables = all.map((t) => t.name).filter((name) => !virtual.includes(name) && !virtual.some((v) => name.startsWith(`${v}_`)));
  const theirs = new Set(((await log.all("SELECT name FROM restore_src.sqlite_master WHERE type = 'table'")) as { name: string }[]).map((t) => t.name));
  for (const table of [...tables, ...virtual]) {
    await log.exec(`DELETE FROM main.${quoted(table)}`);
    if (!theirs.has(table)) continue;
    const columns = ((await log.pragma(`main.table_info(${quoted(table)})`)) as { name: string }[]).map((c) => quoted(c.name));
    const list = (virtual.includes(table) ? ['rowid', ...columns] : columns).join(', ');
    await log.exec(`INSERT INTO main.${quoted(table)} (${list}) SELECT ${list} FROM restore_src.${quoted(table)}`);
  }
  for (const t of triggers) await log.exec(t.sql);
}
