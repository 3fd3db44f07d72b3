import type { ApiContext } from '../../api/context';
import { invalid } from '../../api/envelope';
import { inTransaction } from '../../../db/connection';
import { findAssetByHash, findAssetIdByHash, getAssetsByIds, type AssetRow } from '../../../db/assets';
import { knownHashes, rememberHashes, type FileVersion } from '../../../db/file-index';
import { settleLoggedDrafts } from '../../../db/inbox';
import { listTools } from '../../../db/tools';
import { createHashPool, framesNumberedTwice, itemPaths, type FileEnds, type SameFrames, type HashPool, type HashResult, type IngestItem, type ScanSkip, type FileReadError } from '../../ingest';
import type { ProvenanceRecord } from '../../provenance';
import { toAsset } from '../asset-json';
import type { LoggedAsset } from '../log-assets';
import { collectFiles } from './collect-files';
import { unreadablePathsError } from '../../ingest/file-errors';
import { describeItem, hashFresh, itemPath, knownItemHash, leadPath } from './hashed-items';
import { IngestProgressTracker, type IngestJobProgress } from './ingest-progress';
import { createLimiter } from './limiter';
import { logPrepared, resolveTarget, toolFor, type LogDefaults, type PreparedFile } from './log-prepared';
import { PROVENANCE_CONCURRENCY, captureProvenance, prefillFrom, provenanceAlerts, type ProvenanceAlert } from './provenance-capture';
import { queueThumbnails, type ThumbnailJob } from './thumbnails';
import { fullPath } from './full-path';
import { KeptHashes } from './kept-hashes';
import { withoutUnreadable } from './unreadable-items';
import { describeDbError } from '../../../db/errors';
import { againstLoggedSequence, joinLoggedSequences } from './late-frames';
import { groupBesideLoggedVariations } from './logged-stills';
import { nothingToLog } from './nothing-to-log';

export interface FolderIngestRequest extends LogDefaults {
  /** Files and folders, mixed. */
  paths: string[];
  recursive: boolean;
  include?: string[];
  exclude?: string[];
  /**
   * Default true: a file that cannot be read (or a named one that is gone) is left out with its item and reported in
   * `unreadable`. false: all or none, in one transaction (files named one by one on the command line).
   */
  skipUnreadable?: boolean;
}

export interface FolderIngestOptions {
  /** Stops hashing; batches already committed stay logged, the unfinished one logs nothing. */
  signal?: AbortSignal;
  onProgress?: (p: IngestJobProgress) => void;
  /** Default: a pool of os.availableParallelism() workers, closed at the end. */
  pool?: Pick<HashPool, 'hash'>;
  /** Items (files or whole sequences) committed per transaction. */
  batchSize?: number;
  /** Default true; the benchmark turns it off to measure what reading provenance costs. */
  readProvenance?: boolean;
  /** How often hashes read are kept while their batch is read: a run killed outright loses at most that much reading. */
  keepHashesEvery?: { ms: number; bytes: number };
}

/** A batch is 500 items (25 GB of EXR frames): killed outright, the next run would read them all again. */
const KEEP_HASHES_EVERY = { ms: 30_000, bytes: 1024 ** 3 };

export interface FolderIngestResult {
  assets: LoggedAsset[];
  /** Files (or sequences) not logged: no tool was given and their provenance names no tool in the tool list. */
  needTool: string[];
  /** Subfolders and entries the scan could not use. */
  skipped: ScanSkip[];
  /**
   * Files (or sequences, by their pattern) found but not logged because a file could not be read or changed while
   * it was read; the rest of the run is logged.
   */
  unreadable: UnreadableItem[];
  /** Image sequences logged with holes: frame numbers between the first and last frame with no file. */
  gaps: SequenceGap[];
  /** Files or sequences found that hold the same frame numbers written differently (shot.####.exr, shot.#####.exr). */
  sameFrames: SameFrames[];
  filesHashed: number;
  filesReused: number;
  /** New assets whose files failed C2PA validation, contradict how they were logged, or could not be fully read. */
  alerts: ProvenanceAlert[];
  /** Files found but not logged because the run stopped before their batch was committed (0 for a finished run). */
  notReached: number;
  /** Inbox drafts waiting to be confirmed whose content this run logged: confirmed as those assets. */
  draftsSettled: number;
}

export interface UnreadableItem {
  /** The file, or the sequence as it would have been logged (/renders/shot_v001.####.exr). */
  path: string;
  /** Why, naming the first file that failed, e.g. "cannot be read: permission denied". */
  reason: string;
  /** Every file of the item that could not be read (a sequence: its failed frames). */
  files: string[];
}

export interface SequenceGap {
  /** The sequence as logged, e.g. /renders/shot_v001.####.exr. */
  path: string;
  missingFrames: number[];
}

/**
 * Thrown when an ingest stops early. `partial` is what a finished run would report, for the batches committed before
 * it stopped (their assets, gaps, files needing a tool or not read, alerts) and for the scan (skipped entries).
 */
export class IngestStoppedError extends Error {
  constructor(
    message: string,
    readonly partial: FolderIngestResult,
    readonly cancelled: boolean,
  ) {
    super(message);
    this.name = 'IngestStoppedError';
  }
}

/** Big enough that commits cost little, small enough that a crash loses little. */
export const INGEST_BATCH_ITEMS = 500;

interface PreparedBatch {
  /** The batch's items whose every file was read. */
  items: IngestItem[];
  fresh: Map<string, string>;
  records: (ProvenanceRecord | null)[];
  unreadable: UnreadableItem[];
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

function chunk<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function stoppedMessage(error: unknown, dbPath: string, logged: number, cancelled: boolean): string {
  const earlier = logged > 0
    ? `${logged} asset(s) from batches finished before that stay logged; nothing from the unfinished batch was logged.`
    : 'Nothing was logged.';
  if (cancelled) return `Ingest cancelled. ${earlier}`;
  const why = describeDbError(error, dbPath) ?? (error instanceof Error ? error.message : String(error));
  return `${why.replace(/\.$/, '')}. ${earlier}`;
}

/**
 * Logs files and folders (sequences grouped into one asset each): files unchanged since GenLog last hashed them
 * are not read again, the rest are hashed on the worker pool and each file's provenance is read as its hash arrives
 * (from the bytes the worker kept), and items are committed one batch per transaction, so a crash or cancel loses at
 * most the batch in flight and never leaves half an asset. Two batches are in flight at once so the pool never idles while a batch is written.
 */
export async function ingestFolder(ctx: ApiContext, req: FolderIngestRequest, o: FolderIngestOptions = {}): Promise<FolderIngestResult> {
  // Refused before anything is read when the app sends a relative path (collectFiles resolves the rest).
  for (const path of req.paths) fullPath(ctx, path, 'folder or file');
  const target = resolveTarget(ctx, req);
  const progress = new IngestProgressTracker(o.onProgress);
  const skipped: ScanSkip[] = [];
  const skipsUnreadable = req.skipUnreadable !== false;
  // A named file gone since it was dropped is one more file not read; the others are still logged.
  const goneNamed: FileReadError[] = [];
  const files = await collectFiles(req.paths, {
    recursive: req.recursive, include: req.include, exclude: req.exclude, onSkip: (s) => skipped.push(s),
    ...(skipsUnreadable ? { onUnreadable: (e: FileReadError) => goneNamed.push(e) } : {}),
  }).catch((error: unknown) => {
    // All or none: the paths that could be read are not logged either, which the error alone would not say.
    if (skipsUnreadable || req.paths.length < 2 || !(error instanceof Error)) throw error;
    const list = error.message.includes('\n');
    throw new Error(`${error.message}${list ? '\n' : '. '}Nothing was logged: the paths named are logged all or none.`);
  });
  if (files.length === 0 && goneNamed.length > 0) throw unreadablePathsError(goneNamed);
  if (files.length === 0) throw invalid(await nothingToLog(ctx, req, skipped.filter((s) => s.unread)));
  const versions = new Map<string, FileVersion>(files.map((f) => [f.path, f]));
  const known = knownHashes(ctx.db, files);
  // Frames of a sequence already in the log stay with it however few they are, and frames the log already holds
  // unchanged are not read again (checked once more after hashing, in write()).
  // A file hashed before keeps its place in its sequence when a second file at its frame number arrives (m.0001.PNG).
  const grouped = groupBesideLoggedVariations(ctx.db, target.production.id, files, { keep: (p) => known.has(p) });
  const joined = joinLoggedSequences(ctx.db, target.production.id, grouped);
  const found = joined.items.map((item) => againstLoggedSequence(joined.earlierAt, item, known));
  const items = found.flatMap((f) => ('item' in f ? [f.item] : []));
  // Assets holding frames of these items that were left out as already logged unchanged (listed with the late frames).
  const heldBefore = new Map(found.flatMap((f) => ('item' in f && f.heldBy?.length ? [[f.item, f.heldBy] as const] : [])));
  const whollyLogged = found.flatMap((f, i) => ('loggedAs' in f ? [{ ids: f.loggedAs, item: joined.items[i] as IngestItem }] : []));
  const toRead = files.filter((f) => !known.has(f.path));
  progress.begin({ filesTotal: files.length, filesReused: known.size, bytesTotal: toRead.reduce((s, f) => s + f.size, 0), itemsTotal: items.length });

  const stop = new AbortController();
  const onAbort = () => stop.abort();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  if (o.signal?.aborted) stop.abort();
  const ownPool: HashPool | null = o.pool ? null : createHashPool();
  const pool = o.pool ?? (ownPool as HashPool);
  const readLimit = createLimiter(PROVENANCE_CONCURRENCY);
  const toolNames = listTools(ctx.db).map((t) => t.name);
  const wantsProvenance = o.readProvenance !== false;

  const alreadyLogged = (item: IngestItem) => {
    const sha = knownItemHash(item, known);
    return sha !== undefined && findAssetIdByHash(ctx.db, target.production.id, sha) !== undefined;
  };
  const leftOut = (item: IngestItem) => { try { return !alreadyLogged(item); } catch { return true; } };
  const provenanceOf = (item: IngestItem, ends?: FileEnds): Promise<ProvenanceRecord | null> => {
    if (!wantsProvenance || alreadyLogged(item)) return Promise.resolve(null);
    return readLimit(() => (stop.signal.aborted ? Promise.resolve(null) : captureProvenance(leadPath(item), ends)));
  };

  // A file hashed now is read for provenance as soon as its hash arrives, from the first and last bytes the hashing
  // worker kept: no second open and read. Files known from an earlier ingest are read from disk straight away.
  // A batch that stops (cancelled, or a failure) logs nothing, but the files it read whole keep their hashes.
  const kept = new KeptHashes(ctx, versions);
  const prepare = async (batch: IngestItem[], index: number): Promise<Settled<PreparedBatch>> => {
    const readWhole = new Map<string, string>();
    const keeping = kept.asRead(o.keepHashesEvery ?? KEEP_HASHES_EVERY);
    try {
      const records: Promise<ProvenanceRecord | null>[] = [];
      const hashedLeads = new Map<string, number>();
      batch.forEach((item, i) => {
        const lead = leadPath(item);
        if (wantsProvenance && !known.has(lead)) hashedLeads.set(lead, i);
        else records[i] = provenanceOf(item);
      });
      const onFileHashed = (path: string, hashed: HashResult) => {
        if (hashed.size === versions.get(path)?.size) {
          readWhole.set(path, hashed.sha256);
          keeping.hashed(path, hashed.sha256, hashed.size);
        }
        const at = hashedLeads.get(path);
        if (at === undefined) return hashed.ends?.release?.();
        records[at] = provenanceOf(batch[at] as IngestItem, hashed.ends).finally(() => hashed.ends?.release?.());
      };
      const todo = batch.flatMap(itemPaths).filter((p) => !known.has(p)).map((p) => versions.get(p) as FileVersion);
      // A file that cannot be read leaves out its own item only; the frames of that item that were read keep
      // their hashes in the file index, so logging again reads only what failed.
      const errors = new Map<string, FileReadError>();
      const fresh = await hashFresh(todo, pool, {
        signal: stop.signal, onProgress: progress.forBatch(index), onFileHashed, keepEndsOf: new Set(hashedLeads.keys()),
        ...(skipsUnreadable ? { onUnreadable: (e: FileReadError) => errors.set(e.path, e) } : {}),
      });
      const read = await Promise.all(batch.map((_, i) => records[i] ?? null));
      await keeping.settled();
      return { ok: true, value: { fresh, ...withoutUnreadable(batch, read, errors) } };
    } catch (error) {
      await keeping.settled();
      await kept.keep(readWhole).catch(() => undefined);
      return { ok: false, error };
    }
  };

  // One query for every item the log already holds whole (a folder logged again: hundreds of them).
  const heldWhole = getAssetsByIds(ctx.db, [...new Set(whollyLogged.flatMap((w) => w.ids))]);
  const logged: LoggedAsset[] = whollyLogged.flatMap(({ ids, item }) => foundAgain(heldWhole, ids, item));
  const needTool: string[] = [];
  const gaps: SequenceGap[] = [];
  const sameFrames = framesNumberedTwice(joined.items);
  const alerts: ProvenanceAlert[] = [];
  const unreadable: UnreadableItem[] = goneNamed.map((e) => ({ path: e.path, reason: `cannot be read: ${e.reason}`, files: [e.path] }));
  let filesHashed = 0;
  let draftsSettled = 0;
  let committed = 0;
  const result = (): FolderIngestResult => ({
    assets: logged, needTool, skipped, unreadable, gaps, sameFrames, filesHashed, filesReused: known.size, alerts, draftsSettled,
    // Files the log already holds unchanged are not left out by a stop: it only did not list them as found again.
    // Asked while stopping, maybe because the database failed: a look-up that fails too counts the files as left out.
    notReached: batches.slice(committed).flat().filter(leftOut).reduce((n, item) => n + itemPaths(item).length, 0),
  });

  const write = (batch: PreparedBatch, index: number) => {
    const hashes = new Map([...known, ...batch.fresh]);
    const now = ctx.now();
    const prepared: PreparedFile[] = [];
    const order: ({ kind: 'new'; at: number; item: IngestItem; record: ProvenanceRecord | null; late: boolean } | { kind: 'existing'; asset: LoggedAsset; held?: boolean })[] = [];
    const batchNeedsTool: string[] = [];
    batch.items.forEach((listed, i) => {
      // With every frame hashed now: a frame only touched since it was logged is still that frame.
      const checked = againstLoggedSequence(joined.earlierAt, listed, hashes);
      if ('loggedAs' in checked) {
        for (const asset of foundAgain(getAssetsByIds(ctx.db, checked.loggedAs), checked.loggedAs, listed)) order.push({ kind: 'existing', asset });
        return;
      }
      const item = checked.item;
      // The assets holding this render's frames already logged are found again, as when every frame was logged: the
      // same folder lists the same assets whichever run logged its late frames.
      const heldBy = [...new Set([...(heldBefore.get(listed) ?? []), ...(checked.heldBy ?? [])])];
      if (heldBy.length > 0) for (const asset of foundAgain(getAssetsByIds(ctx.db, heldBy), heldBy, listed)) order.push({ kind: 'existing', asset, held: true });
      const described = describeItem(item, versions, hashes);
      const record = batch.records[i] ?? null;
      const prefill = record ? prefillFrom(record, toolNames, now) : {};
      const tool = toolFor(ctx, target, prefill.tool);
      if (!tool) {
        const existing = findAssetByHash(ctx.db, target.production.id, described.sha256);
        if (existing) order.push({ kind: 'existing', asset: { ...toAsset(existing), duplicate: true, foundPath: itemPath(item) } });
        else batchNeedsTool.push(itemPath(item));
        return;
      }
      order.push({ kind: 'new', at: prepared.length, item, record, late: checked.link !== null });
      const { sequence, ...file } = described;
      prepared.push({
        ...file,
        toolId: tool.id,
        prefill: { prompt: prefill.prompt, notes: prefill.notes, createdAt: prefill.createdAt, ...(checked.link ? { link: checked.link } : {}) },
        ingest: { provenance: record, ...(sequence ? { sequence } : {}) },
      });
    });
    const at = now.toISOString();
    let settledNow = 0;
    const written = inTransaction(ctx.db, () => {
      rememberHashes(ctx.db, versions, batch.fresh, at);
      const assets = logPrepared(ctx, target, prepared);
      // Drafts of these files waiting in the inbox (a watch folder saw them first) are decided by this log.
      const ids = [...assets, ...order.flatMap((o) => (o.kind === 'existing' ? [o.asset] : []))].map((a) => a.id);
      settledNow = settleLoggedDrafts(ctx.db, { at, by: target.defaults.by ?? ctx.actor(), assetIds: ids });
      return assets;
    });
    draftsSettled += settledNow;
    filesHashed += batch.fresh.size;
    // Reported with the batch's commit, like its assets: a batch that fails to commit reports neither.
    unreadable.push(...batch.unreadable);
    needTool.push(...batchNeedsTool);
    // Late frames that repeat the asset holding the others (a loop render) come back as it: listed once, as that.
    const cameBack = new Set(order.flatMap((o) => (o.kind === 'new' && written[o.at] ? [(written[o.at] as LoggedAsset).id] : [])));
    const results = order.filter((o) => o.kind === 'new' || !o.held || !cameBack.has(o.asset.id))
      .map((o) => (o.kind === 'existing' ? o.asset : { ...(written[o.at] as LoggedAsset), foundPath: itemPath(o.item), ...lateFramesFound(o.item, o.late, written[o.at]) }));
    // Only assets logged now: one not logged (no tool) or already in the log says nothing here.
    for (const o of order) {
      const asset = o.kind === 'new' ? written[o.at] : undefined;
      if (o.kind !== 'new' || !asset || asset.duplicate) continue;
      if (o.item.kind === 'sequence' && o.item.missingFrames.length > 0) gaps.push({ path: itemPath(o.item), missingFrames: o.item.missingFrames });
      const messages = o.record ? provenanceAlerts(o.record) : [];
      if (messages.length > 0) alerts.push({ assetId: asset.id, fileName: asset.fileName, messages });
    }
    logged.push(...results);
    const fresh = results.filter((a) => !a.duplicate);
    progress.committed(index, fresh.length, results.length - fresh.length);
    queueThumbnails(ctx, thumbnailJobs(batch.items, written, prepared));
  };

  // Files named one by one are all or none: one batch, so one transaction, whatever their number.
  const batches = chunk(items, o.batchSize ?? (skipsUnreadable ? INGEST_BATCH_ITEMS : Math.max(1, items.length)));
  const inFlight: Promise<Settled<PreparedBatch>>[] = [];
  let unwritten: PreparedBatch | null = null;
  try {
    for (let b = 0; b < Math.min(2, batches.length); b++) inFlight.push(prepare(batches[b] as IngestItem[], b));
    for (let b = 0; b < batches.length; b++) {
      const settled = await (inFlight.shift() as Promise<Settled<PreparedBatch>>);
      if (!settled.ok) throw settled.error;
      unwritten = settled.value;
      if (stop.signal.aborted) throw new Error('cancelled');
      if (b + 2 < batches.length) inFlight.push(prepare(batches[b + 2] as IngestItem[], b + 2));
      write(settled.value, b);
      committed = b + 1;
      unwritten = null;
    }
  } catch (error) {
    stop.abort();
    // Batches hashed but not written (stopped meanwhile) keep their hashes, as a batch stopped while hashing does.
    const notWritten = [unwritten, ...(await Promise.all(inFlight)).map((s) => (s.ok ? s.value : null))];
    for (const batch of notWritten) if (batch) await kept.keep(batch.fresh).catch(() => undefined);
    const cancelled = o.signal?.aborted === true;
    throw new IngestStoppedError(stoppedMessage(error, ctx.dbPath, logged.filter((a) => !a.duplicate).length, cancelled), result(), cancelled);
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
    await ownPool?.close();
  }
  progress.done();
  return result();
}

/** Late frames whose content the log held as another asset: which frames were found, as the asset's path says nothing of it. */
function lateFramesFound(item: IngestItem, late: boolean, asset: LoggedAsset | undefined): Pick<LoggedAsset, 'foundFrames'> {
  return late && asset?.duplicate && item.kind === 'sequence' ? { foundFrames: { first: item.first, last: item.last } } : {};
}

/** Assets the log already holds (`ids`, looked up in `rows`), answering the file or sequence `item` found. */
function foundAgain(rows: ReadonlyMap<number, AssetRow>, ids: readonly number[], item: IngestItem): LoggedAsset[] {
  const paths = new Set(itemPaths(item));
  return ids.flatMap((id) => {
    const row = rows.get(id);
    // A frame logged on its own (a first frame logged before the rest was rendered) was found as itself, not a copy.
    const foundPath = row && paths.has(row.path) ? row.path : itemPath(item);
    return row ? [{ ...toAsset(row), duplicate: true, foundPath }] : [];
  });
}

/** New image assets get a thumbnail from their file (a sequence: its first frame), made after the commit. */
function thumbnailJobs(items: IngestItem[], written: LoggedAsset[], prepared: PreparedFile[]): ThumbnailJob[] {
  const leadByPath = new Map(items.map((item) => [itemPath(item), leadPath(item)]));
  return written.flatMap((asset, i) => {
    const file = prepared[i];
    if (asset.duplicate || !file || asset.mediaType !== 'image') return [];
    return [{ assetId: asset.id, sha256: asset.sha256, source: leadByPath.get(file.path) ?? file.path }];
  });
}
