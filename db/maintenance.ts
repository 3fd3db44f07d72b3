import type { Db } from './connection';
import { LATEST_VERSION } from './migrate';
import type { SqlRunner } from './sql-runner';
import { isBusyError } from './errors';

/** More problems than this are counted, not listed: a badly damaged file can report thousands. */
const MAX_LISTED = 50;

/**
 * What is wrong with the log's database, in words, or nothing: SQLite's own check of every page and index, the
 * foreign keys, the search index's own check, and whether search still holds every asset (a search that silently
 * misses assets would hide them from the people reviewing the log).
 */
export async function integrityProblems(db: SqlRunner, schema = 'main'): Promise<string[]> {
  try {
    return await checkedProblems(db, schema);
  } catch (error) {
    // Another program holding the write lock is no damage: the check fails, saying the log is busy.
    if (isBusyError(error)) throw error;
    // A file damaged enough that a check itself cannot read it ("database disk image is malformed").
    return [`SQLite could not read the whole file: ${(error as Error).message}.`];
  }
}

async function checkedProblems(db: SqlRunner, schema: string): Promise<string[]> {
  const problems: string[] = [];
  const version = ((await db.pragma(`${schema}.user_version`)) as { user_version: number }[])[0]?.user_version;
  if (version !== LATEST_VERSION) problems.push(`Its schema is version ${version}; this GenLog uses version ${LATEST_VERSION}.`);
  const pages = ((await db.pragma(`${schema}.integrity_check(${MAX_LISTED})`)) as { integrity_check: string }[]).map((r) => r.integrity_check);
  // SQLite's report can run over several lines: each is one problem here.
  if (!(pages.length === 1 && pages[0] === 'ok')) problems.push(...pages.flatMap((p) => p.split('\n')).filter(Boolean).map((p) => `SQLite's page check: ${p}`));
  const orphans = (await db.pragma(`${schema}.foreign_key_check`)) as { table: string; rowid: number; parent: string }[];
  for (const o of orphans.slice(0, MAX_LISTED)) problems.push(`Row ${o.rowid} of ${o.table} refers to a missing row of ${o.parent}.`);
  if (orphans.length > MAX_LISTED) problems.push(`…and ${orphans.length - MAX_LISTED} more rows referring to missing rows.`);
  try {
    await db.run(`INSERT INTO ${schema}.assets_fts (assets_fts) VALUES ('integrity-check')`);
  } catch (error) {
    if (isBusyError(error)) throw error;
    problems.push(`The search index is damaged (${(error as Error).message}).`);
  }
  const ids = async (sql: string) => ((await db.all(sql)) as { id: number }[]).map((r) => r.id);
  const unsearchable = await ids(`SELECT id FROM ${schema}.assets WHERE id NOT IN (SELECT rowid FROM ${schema}.assets_fts) ORDER BY id`);
  if (unsearchable.length > 0) problems.push(`${unsearchable.length} asset(s) are missing from the search index, so searching the log does not find them: ${idList(unsearchable)}.`);
  const stray = await ids(`SELECT rowid AS id FROM ${schema}.assets_fts WHERE rowid NOT IN (SELECT id FROM ${schema}.assets) ORDER BY rowid`);
  if (stray.length > 0) problems.push(`The search index holds ${stray.length} entr${stray.length === 1 ? 'y' : 'ies'} for assets that do not exist: ${idList(stray)}.`);
  // Indexed with other words than the asset holds (the triggers bypassed): search finds it by the wrong ones.
  const stale = await ids(`SELECT a.id FROM ${schema}.assets a JOIN ${schema}.assets_fts f ON f.rowid = a.id
    LEFT JOIN ${schema}.tools t ON t.id = a.tool_id
    WHERE f.prompt IS NOT a.prompt OR f.notes IS NOT a.notes OR f.file_name IS NOT a.file_name
      OR f.tool IS NOT coalesce(t.name, '') OR f.artist IS NOT a.created_by ORDER BY a.id`);
  if (stale.length > 0) problems.push(`${stale.length} asset(s) are indexed for search with other words than they hold: ${idList(stale)}.`);
  return problems;
}

/** What integrityProblems finds, and how many assets the database holds: what a check, a backup and a restore say. */
export async function checkedLog(db: SqlRunner): Promise<{ problems: string[]; assets: number }> {
  const problems = await integrityProblems(db);
  const [{ n }] = (await db.all('SELECT count(*) AS n FROM assets')) as [{ n: number }];
  return { problems, assets: n };
}

/** "#3, #5 and #9", or the first few and how many more. */
function idList(ids: readonly number[]): string {
  const shown = ids.slice(0, 10).map((id) => `#${id}`);
  const more = ids.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : (shown[0] ?? '');
}

/**
 * Copies the database, as one consistent moment, to `file` with SQLite's online backup: other GenLogs may go on
 * writing meanwhile. The copy is made a single self-contained file (no -wal beside it), read back whole (it throws
 * when that fails), and checked as `integrityProblems` checks the log, on `checker`'s connection to the copy (a
 * worker thread's: checking a large copy takes as long as checking the log). Returns how many assets the copy holds
 * and what the check found.
 */
export async function backUpTo(db: Db, file: string, checker: (file: string) => SqlRunner & { close(): Promise<void> }, signal?: AbortSignal): Promise<{ assets: number; problems: string[] }> {
  await db.backup(file, {
    // Throwing here ends the backup between two steps of pages.
    progress: () => {
      if (signal?.aborted) throw new Error('the backup was cancelled');
      return 1000;
    },
  });
  const copy = checker(file);
  try {
    await copy.pragma('journal_mode = DELETE');
    const check = ((await copy.pragma('quick_check')) as { quick_check: string }[]).map((r) => r.quick_check);
    if (!(check.length === 1 && check[0] === 'ok')) throw new Error(`the copy does not check out: ${check.slice(0, 3).join('; ')}`);
    // The copy holds what the log held, problems included: said, not hidden behind "the copy checks out".
    return await checkedLog(copy);
  } finally {
    await copy.close();
  }
}
