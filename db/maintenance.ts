import type { Db } from './connection';
import { LATEST_VERSION } from './migrate';

/** More problems than this are counted, not listed: a badly damaged file can report thousands. */
const MAX_LISTED = 50;

/**
 * What is wrong with the log's database, in words, or nothing: SQLite's own check of every page and index, the
 * foreign keys, the search index's own check, and whether search still holds every asset (a search that silently
 * misses assets would hide them from the people reviewing the log).
 */
export function integrityProblems(db: Db): string[] {
  try {
    return checkedProblems(db);
  } catch (error) {
    // A file damaged enough that a check itself cannot read it ("database disk image is malformed").
    return [`SQLite could not read the whole file: ${(error as Error).message}.`];
  }
}

function checkedProblems(db: Db): string[] {
  const problems: string[] = [];
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version !== LATEST_VERSION) problems.push(`Its schema is version ${version}; this GenLog uses version ${LATEST_VERSION}.`);
  const pages = (db.pragma(`integrity_check(${MAX_LISTED})`) as { integrity_check: string }[]).map((r) => r.integrity_check);
  if (!(pages.length === 1 && pages[0] === 'ok')) problems.push(...pages.map((p) => `SQLite's page check: ${p}`));
  const orphans = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  for (const o of orphans.slice(0, MAX_LISTED)) problems.push(`Row ${o.rowid} of ${o.table} refers to a missing row of ${o.parent}.`);
  if (orphans.length > MAX_LISTED) problems.push(`…and ${orphans.length - MAX_LISTED} more rows referring to missing rows.`);
  try {
    db.prepare("INSERT INTO assets_fts (assets_fts) VALUES ('integrity-check')").run();
  } catch (error) {
    problems.push(`The search index is damaged (${(error as Error).message}).`);
  }
  const unsearchable = (db.prepare('SELECT count(*) AS n FROM assets WHERE id NOT IN (SELECT rowid FROM assets_fts)').get() as { n: number }).n;
  if (unsearchable > 0) problems.push(`${unsearchable} asset(s) are missing from the search index: searching the log does not find them.`);
  const stray = (db.prepare('SELECT count(*) AS n FROM assets_fts WHERE rowid NOT IN (SELECT id FROM assets)').get() as { n: number }).n;
  if (stray > 0) problems.push(`The search index holds ${stray} entr${stray === 1 ? 'y' : 'ies'} for assets that do not exist.`);
  return problems;
}

/**
 * Copies the database, as one consistent moment, to `file` with SQLite's online backup: other GenLogs may go on
 * writing meanwhile. The copy is made a single self-contained file (no -wal beside it) and checked page by page.
 * Returns how many assets the copy holds; throws, naming the problem, when the copy does not check out.
 */
export async function backUpTo(db: Db, file: string): Promise<{ assets: number }> {
  await db.backup(file);
  // Checked through this connection (no second one: the app's SQLite build is loaded once, for its own runtime).
  db.prepare('ATTACH DATABASE ? AS backup_copy').run(file);
  try {
    db.pragma('backup_copy.journal_mode = DELETE');
    const check = (db.pragma('backup_copy.quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
    if (!(check.length === 1 && check[0] === 'ok')) throw new Error(`the copy does not check out: ${check.slice(0, 3).join('; ')}`);
    return { assets: (db.prepare('SELECT count(*) AS n FROM backup_copy.assets').get() as { n: number }).n };
  } finally {
    db.exec('DETACH DATABASE backup_copy');
  }
}
