import type { ApiContext } from '../../api/context';
import { settleLoggedDrafts, watchInboxItems } from '../../../db/inbox';
import { getWatchFolder, listWatchFolders, setLastScan, type WatchFolderRow } from '../../../db/watch-folders';
import { ScanError, createHashPool, scanFolder, type HashPool, type ScannedFile } from '../../ingest';
import { removeGoneDrafts, type GoneDraft } from './gone-drafts';
import { draftFiles, inboxKeys, nothingDrafted, versionKey, type DraftEnv, type DraftResult } from './inbox-drafts';
import { createLimiter } from './limiter';
import { PROVENANCE_CONCURRENCY } from './provenance-capture';
import { draftsWithChangedSidecar } from './sidecar-drafts';
import { requireWatchFolder } from './watch-folders';

export interface CatchUpResult extends DraftResult {
  watchId: number;
  path: string;
  /** Files in the folder that belong to the watch. */
  filesScanned: number;
  /** Of those, files not yet in the inbox (new, or a new version). */
  filesNew: number;
  /** Why the folder could not be scanned at all ("it does not exist"); null when it was. Also in `errors`. */
  scanError: string | null;
  /** Pending drafts taken out of the inbox: none of their files is there any more (deleted, or renamed). */
  gone: GoneDraft[];
  /** When the folder was last scanned whole, as the database says after this scan (unchanged by one that failed). */
  lastScanAt: string | null;
}

/** Who a draft settled by a scan was decided by: nobody decided it; its content was found in the log. */
export const SETTLED_BY_SCAN = 'GenLog (content already logged)';

export interface CatchUpOptions {
  /**
   * Whether a file not in the inbox yet is finished and may be drafted; the rest are left out. A rescan while
   * watching must not draft a file still being written; its own events, or a later rescan, take it up.
   */
  settled?: (file: ScannedFile) => boolean;
  /**
   * Versions of files an earlier scan of this watch looked at and found nothing to draft for (content already in the
   * log, or dismissed): not looked at again while unchanged, and updated by this scan. A watcher's rescan of a folder
   * logged before it was watched otherwise ran every logged file through the grouping and the log's queries each
   * minute (2.5 s of CPU for 30,000 files).
   */
  quiet?: Set<string>;
  /**
   * Whether to note the scan as the folder's last (default true). A watcher's rescan every minute does not: the
   * write would move the database's change stamp, and every open window would load the log again for nothing.
   */
  recordScan?: boolean;
}

/**
 * Finds what arrived in a watch folder while nobody watched (the app was closed): lists the folder, drops every
 * file version the inbox already holds, and drafts the rest. Unchanged files are never read again: the inbox and
 * the file index both know them by path, size and modification time.
 */
export async function catchUpWatch(env: DraftEnv, watch: WatchFolderRow, opts: CatchUpOptions = {}): Promise<CatchUpResult> {
  const errors: string[] = [];
  const files = await scanFolder(watch.path, {
    recursive: watch.recursive === 1,
    include: JSON.parse(watch.include_globs) as string[],
    exclude: JSON.parse(watch.exclude_globs) as string[],
    onSkip: (s) => errors.push(`${s.path}: ${s.reason}`),
  });
  // Drafts of this watch whose content is in the log already wait no longer (left waiting by a GenLog before
  // 2026-12-07, which did not settle them when logging): settled first, so one whose files were archived since is
  // confirmed, not taken out. Once per start or Scan now: every log since settles its own, so a rescan need not look.
  if (opts.recordScan !== false) settleLoggedDrafts(env.ctx.db, { at: env.ctx.now().toISOString(), by: SETTLED_BY_SCAN, watchId: watch.id });
  // Drafts whose files went are looked at next: the frames a sequence draft kept are drafted again below, with
  // what arrived, replacing it.
  const { gone, redraft } = await removeGoneDrafts(env.ctx, watch.id, { present: new Set(files.map((f) => f.path)) });
  const rows = watchInboxItems(env.ctx.db, watch.id);
  for (const [id, lead] of await draftsWithChangedSidecar(rows)) if (!redraft.has(id)) redraft.set(id, [lead]);
  const held = inboxKeys(rows.filter((r) => !redraft.has(r.id)));
  // Frames of a draft that lost one, as they were drafted: finished then, so drafted again whatever a rescan thinks.
  const again = inboxKeys(rows.filter((r) => redraft.has(r.id)));
  const settled = opts.settled ?? (() => true);
  const quiet = opts.quiet;
  const fresh = files.filter((f) => {
    const key = versionKey(f);
    return !held.has(key) && (again.has(key) || (!quiet?.has(key) && settled(f)));
  });
  const drafted = await draftFiles(env, watch, fresh, new Set(redraft.keys()), rows);
  if (quiet) rememberQuiet(quiet, files, fresh, drafted);
  const scannedAt = env.ctx.now().toISOString();
  if (opts.recordScan !== false) setLastScan(env.ctx.db, watch.id, scannedAt);
  // Frames drafted again as they were, after another frame of their draft went, are not new or changed.
  const filesNew = fresh.filter((f) => !again.has(versionKey(f))).length;
  return {
    ...drafted, watchId: watch.id, path: watch.path, filesScanned: files.length, filesNew, scanError: null, gone, errors: [...errors, ...drafted.errors],
    lastScanAt: opts.recordScan !== false ? scannedAt : watch.last_scan_at,
  };
}

/**
 * After a scan: the versions it looked at and left undrafted, without a failure, are quiet from now on (what it drafted
 * is in the inbox, which the next scan leaves out anyway); versions no longer in the folder are forgotten.
 */
function rememberQuiet(quiet: Set<string>, files: readonly ScannedFile[], looked: readonly ScannedFile[], drafted: DraftResult): void {
  const present = new Set(files.map(versionKey));
  for (const key of quiet) if (!present.has(key)) quiet.delete(key);
  const failed = new Set([...drafted.unreadFiles, ...drafted.failedFiles.map((f) => f.path)]);
  for (const f of looked) if (!failed.has(f.path)) quiet.add(versionKey(f));
}

/** A catch-up scan of one watch folder (or every enabled one) on request: the API's "scan now". */
export async function scanWatchFolders(ctx: ApiContext, id?: number): Promise<CatchUpResult[]> {
  const watches = id === undefined ? listWatchFolders(ctx.db).filter((w) => w.enabled === 1) : [requireWatchFolder(ctx, id)];
  const pool: HashPool = createHashPool();
  const env: DraftEnv = { ctx, pool, readLimit: createLimiter(PROVENANCE_CONCURRENCY) };
  try {
    const results: CatchUpResult[] = [];
    for (const w of watches) {
      try {
        results.push(await catchUpWatch(env, w));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const scanError = error instanceof ScanError ? error.reason : message;
        const lastScanAt = getWatchFolder(ctx.db, w.id)?.last_scan_at ?? null;
        results.push({ ...nothingDrafted(0), watchId: w.id, path: w.path, filesScanned: 0, filesNew: 0, scanError, gone: [], errors: [message], lastScanAt });
      }
    }
    return results;
  } finally {
    await pool.close();
  }
}
