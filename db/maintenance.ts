import type { Db } from './connection';
import { LATEST_VERSION } from './migrate';

/** More problems than this are counted, not listed: a badly damaged file can report thousands. */
const MAX_LISTED = 50;

/**
 * What is wrong with the log's database, in words, or nothing: SQLite's own check of every page and index, the
 * foreign keys, the search index's own check, and whether search still holds every asset (a search that silently
 * misses assets would hide them from the people reviewing the log).
 */
export function integrityProblems(db: Db, schema = 'main'): string[] {
  try {
    return checkedProblems(db, schema);
  } catch (error) {
    // A file damaged enough that a check itself cannot read it ("database disk image is malformed").
    return [`SQLite could not read the whole file: ${(error as Error).message}.`];
  }
}

function checkedProblems(db: Db, schema: string): string[] {
  const problems: string[] = [];
  const version = db.pragma(`${schema}.user_version`, { simple: true }) as number;
  if (version !== LATEST_VERSION) problems.push(`Its schema is version ${version}; this GenLog uses version ${LATEST_VERSION}.`);
  const pages = (db.pragma(`${schema}.integrity_check(${MAX_LISTED})`) as { integrity_check: string }[]).map((r) => r.integrity_check);
  // SQLite's report can run over several lines: each is one problem here.
  if (!(pages.length === 1 && pages[0] === 'ok')) problems.push(...pages.flatMap((p) => p.split('\n')).filter(Boolean).map((p) => `SQLite's page check: ${p}`));
  const orphans = db.pragma(`${schema}.foreign_key_check`) as { table: string; rowid: number; parent: string }[];
  for (const o of orphans.slice(0, MAX_LISTED)) problems.push(`Row ${o.rowid} of ${o.table} refers to a missing row of ${o.parent}.`);
  if (orphans.length > MAX_LISTED) problems.push(`…and ${orphans.length - MAX_LISTED} more rows referring to missing rows.`);
  try {
    db.prepare(`INSERT INTO ${schema}.assets_fts (assets_fts) VALUES ('integrity-check')`).run();
  } catch (error) {
    problems.push(`The search index is damaged (${(error as Error).message}).`);
  }
  const ids = (sql: string) => (db.prepare(sql).all() as { id: number }[]).map((r) => r.id);
  const unsearchable = ids(`SELECT id FROM ${schema}.assets WHERE id NOT IN (SELECT rowid FROM ${schema}.assets_fts) ORDER BY id`);
  if (unsearchable.length > 0) problems.push(`${unsearchable.length} asset(s) are missing from the search index, so searching the log does not find them: ${idList(unsearchable)}.`);
  const stray = ids(`SELECT rowid AS id FROM ${schema}.assets_fts WHERE rowid NOT IN (SELECT id FROM ${schema}.assets) ORDER BY rowid`);
  if (stray.length > 0) problems.push(`The search index holds ${stray.length} entr${stray.length === 1 ? 'y' : 'ies'} for assets that do not exist: ${idList(stray)}.`);
  // Indexed with other words than the asset holds (the triggers bypassed): search finds it by the wrong ones.
  const stale = ids(`SELECT a.id FROM ${schema}.assets a JOIN ${schema}.assets_fts f ON f.rowid = a.id
    LEFT JOIN ${schema}.tools t ON t.id = a.tool_id
    WHERE f.prompt IS NOT a.prompt OR f.notes IS NOT a.notes OR f.file_name IS NOT a.file_name
      OR f.tool IS NOT coalesce(t.name, '') OR f.artist IS NOT a.created_by ORDER BY a.id`);
  if (stale.length > 0) problems.push(`${stale.length} asset(s) are indexed for search with other words than they hold: ${idList(stale)}.`);
  return problems;
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
 * when that fails), and checked as `integrityProblems` checks the log. Returns how many assets the copy holds and
 * what the check found.
 */
export async function backUpTo(db: Db, file: string, signal?: AbortSignal): Promise<{ assets: number; problems: string[] }> {
  await db.backup(file, {
    // Throwing here ends the backup between two steps of pages.
    progress: () => {
      if (signal?.aborted) throw new Error('the backup was cancelled');
      return 1000;
    },
  });
  // Checked through this connection (no second one: the app's SQLite build is loaded once, for its own runtime).
  db.prepare('ATTACH DATABASE ? AS backup_copy').run(file);
  try {
    db.pragma('backup_copy.journal_mode = DELETE');
    const check = (db.pragma('backup_copy.quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
    if (!(check.length === 1 && check[0] === 'ok')) throw new Error(`the copy does not check out: ${check.slice(0, 3).join('; ')}`);
    // The copy holds what the log held, problems included: said, not hidden behind "the copy checks out".
    return { assets: (db.prepare('SELECT count(*) AS n FROM backup_copy.assets').get() as { n: number }).n, problems: integrityProblems(db, 'backup_copy') };
  } finally {
    db.exec('DETACH DATABASE backup_copy');
  }
}
