import { basename, dirname } from 'node:path';
import type { ApiContext } from '../../api/context';
import { inTransaction } from '../../../db/connection';
import { findAssetIdByHash } from '../../../db/assets';
import { knownHashes, mtimeKey, rememberHashes, type FileVersion } from '../../../db/file-index';
import { deletePendingInboxItem, getInboxItem, insertInboxItem, watchInboxItems, type InboxRow } from '../../../db/inbox';
import { listTools } from '../../../db/tools';
import { getWatchFolder, type WatchFolderRow } from '../../../db/watch-folders';
import { FileReadError, currentVersions, groupSequences, itemPaths, mayTakeFrame, mediaTypeOf, withinFrameGap, type HashPool, type IngestItem } from '../../ingest';
import type { ProvenanceRecord } from '../../provenance';
import { hashFresh, itemPath, knownItemHash, leadPath } from './hashed-items';
import { againstLoggedSequence, framesInLog, joinLoggedSequences, lateFramesNote, type EarlierFrames } from './late-frames';
import { rowFiles, rowFrames, toInboxItem, type InboxFrame, type InboxItem, type InboxPrefill } from './inbox-json';
import type { Limiter } from './limiter';
import { captureProvenance, prefillFrom } from './provenance-capture';
import { dismissedNote, joinDismissedSequences, withoutDismissedFrames, type DismissedNote } from './dismissed-frames';
import { gatherLoneFrames } from './gather-frames';
import { loggedStillsBeside, stillsLoggedAsThemselves } from './logged-stills';
import { naturalCompare } from '../../format/natural-order';

/** What turning files into inbox drafts needs: the db, a hash pool and a limit on provenance reads. */
export interface DraftEnv {
  ctx: ApiContext;
  pool: Pick<HashPool, 'hash'>;
  readLimit: Limiter;
  /** Stops reading (a watcher stopping): what was not read is not drafted, and is found by the next catch-up scan. */
  signal?: AbortSignal;
}

export interface DraftResult {
  /** New drafts added to the inbox. */
  found: InboxItem[];
  /** Files that could not be hashed, one sentence each; they are tried again when they change or on the next scan. */
  errors: string[];
  /**
   * Every file of the files and sequences not drafted because one of their files could not be read: a running
   * watcher tries them again together, so a sequence whose frame was unreadable for a while is still one draft.
   */
  unreadFiles: string[];
  /** The files among `errors` that could not be read, each with its sentence (a watcher reports a file once). */
  failedFiles: FailedFile[];
  /** Files not drafted because their content is already in the production's log. */
  alreadyLogged: number;
  /** Files not drafted because the same file with the same content was dismissed before (only touched since). */
  alreadyDismissed: number;
  /** Waiting drafts taken out because a new draft holds their files now (a sequence grown by new frames). */
  replaced: ReplacedDraft[];
}

export interface ReplacedDraft {
  id: number;
  /** The new draft holding its files. */
  by: number;
  /** Whether it held exactly the new draft's files: the same file or frames read again (changed, or a sidecar came). */
  sameFiles: boolean;
}

export interface FailedFile {
  path: string;
  message: string;
}

/** A draft that found nothing new: `alreadyLogged` files were in the log already. */
export function nothingDrafted(alreadyLogged: number): DraftResult {
  return { found: [], errors: [], unreadFiles: [], failedFiles: [], alreadyLogged, alreadyDismissed: 0, replaced: [] };
}

export function versionKey(f: FileVersion): string {
  return `${f.path}\0${f.size}\0${mtimeKey(f.mtimeMs)}`;
}

/** Every file version a watch's inbox already holds, pending or decided: a scan must not report them again. */
export function inboxKeys(rows: readonly InboxRow[]): Set<string> {
  return new Set(rows.flatMap((r) => rowFiles(r).map(versionKey)));
}

interface HashedDraft {
  item: IngestItem;
  hashes: Map<string, string>;
  fresh: Map<string, string>;
}

function prefillFor(watch: WatchFolderRow, record: ProvenanceRecord | null, toolNames: string[], now: Date): InboxPrefill {
  const base: InboxPrefill = {
    production: watch.production_code,
    plannedUseId: watch.planned_use_id,
    tool: watch.tool_name,
    artist: watch.artist,
    classification: watch.classification,
  };
  if (!record) return base;
  const { tool, ...found } = prefillFrom(record, toolNames, now);
  return { ...base, ...found, ...(tool ? { matchedTool: tool } : {}) };
}

/**
 * Frames of a sequence already in the log say so in the draft's notes, after anything the file itself said, and
 * the frames the log holds within the draft's range are listed so they are not shown as missing.
 */
function withLateFrames(prefill: InboxPrefill, item: IngestItem, earlier: EarlierFrames | undefined): InboxPrefill {
  if (!earlier || item.kind !== 'sequence') return prefill;
  const held = framesInLog(item, earlier);
  return { ...withNote(prefill, lateFramesNote(item, earlier)), ...(held.length > 0 ? { framesInLog: held } : {}) };
}

/**
 * Lone new files grouped again with the frames of their sequence the log holds as single files (loggedStillsBeside):
 * the items holding a new file are kept, and the stills they took in join `candidates` (the log's copy of them is
 * left out again when the draft is checked against the log). Items of stills alone are not new: dropped.
 */
async function withLoggedStills(
  ctx: ApiContext, productionId: number, candidates: Map<string, FileVersion>, items: IngestItem[], pulledIn: Set<string>,
): Promise<IngestItem[]> {
  const lone = items.flatMap((i) => (i.kind === 'file' ? [i.path] : []));
  const stills = lone.length > 0 ? await loggedStillsBeside(ctx.db, productionId, lone) : [];
  const extra = stills.filter((v) => !candidates.has(v.path));
  if (extra.length === 0) return items;
  const regrouped = groupSequences([...candidates.keys(), ...extra.map((v) => v.path)].sort(naturalCompare))
    .filter((i) => itemPaths(i).some((p) => candidates.has(p)));
  for (const v of extra) {
    candidates.set(v.path, v);
    pulledIn.add(v.path);
  }
  return regrouped;
}

/** A note GenLog adds to a draft goes after anything the file itself said. */
function withNote(prefill: InboxPrefill, note: string | undefined): InboxPrefill {
  return note ? { ...prefill, notes: [prefill.notes, note].filter(Boolean).join('\n') } : prefill;
}

/** Late frames of a dismissed sequence draft say so, and its frames within their range are not missing. */
function withDismissedFrames(prefill: InboxPrefill, dismissed: DismissedNote | undefined): InboxPrefill {
  if (!dismissed) return prefill;
  const { note, framesDismissed } = dismissed;
  return { ...withNote(prefill, note), ...(framesDismissed.length > 0 ? { framesDismissed } : {}) };
}

/** Whether a draft or scan wrote to the database (a draft, a replaced or removed one). */
export function wrote(result: DraftResult & { gone?: readonly unknown[] }): boolean {
  return result.found.length > 0 || result.replaced.length > 0 || (result.gone?.length ?? 0) > 0;
}

/**
 * Turns new files of a watch folder into pending inbox drafts. Pending drafts in the same folders are regrouped
 * with the new files, so frames of a sequence that arrive over time end up in one draft (the older, smaller draft
 * is replaced; decided items are never touched). Files already hashed at this size and modification time are not
 * read again; content already in the production's log is not drafted. `redraft`: pending drafts to read again, sequence
 * drafts that lost frames (gone-drafts.ts; their frames still there, among `files`, replace them as that sequence)
 * and drafts whose C2PA sidecar manifest came or went (sidecar-drafts.ts). `rows`: the
 * watch's inbox, when the caller has just loaded it (a catch-up scan), so it is not read and parsed twice.
 */
export async function draftFiles(
  env: DraftEnv, watch: WatchFolderRow, files: readonly FileVersion[], redraft: ReadonlySet<number> = new Set(),
  rows: readonly InboxRow[] = watchInboxItems(env.ctx.db, watch.id),
): Promise<DraftResult> {
  const { ctx } = env;
  if (files.length === 0) return nothingDrafted(0);
  const held = inboxKeys(rows.filter((r) => !redraft.has(r.id)));
  const unheld = files.filter((f) => !held.has(versionKey(f)));
  const loggedStills = stillsLoggedAsThemselves(ctx.db, watch.production_id, unheld);
  const fresh = unheld.filter((f) => !loggedStills.has(f.path));
  if (fresh.length === 0) return nothingDrafted(loggedStills.size);
  // A dismissal is about the content at that path: a file touched or copied over with the same bytes stays dismissed.
  const dismissed = new Set(rows.filter((r) => r.status === 'dismissed').map((r) => `${r.path}\0${r.sha256}`));

  const dirs = new Set(fresh.map((f) => dirname(f.path)));
  const pending = rows.filter((r) => r.status === 'pending' && dirs.has(dirname(r.path)));
  const candidates = new Map<string, FileVersion>();
  for (const v of await currentVersions(pending.flatMap((r) => rowFiles(r).map((f) => f.path)))) candidates.set(v.path, v);
  for (const f of fresh) candidates.set(f.path, f);
  // Frames a waiting sequence draft holds stay one sequence when regrouped with new files, or after one of them went
  // (two frames with a gap between them would otherwise split into lone files), and a new frame of it joins it
  // however few they are together (late frames of a logged sequence arriving one by one).
  const together = new Map<string, string>();
  const waiting = new Map<string, number[]>();
  for (const r of pending) {
    if (r.kind !== 'sequence') continue;
    for (const f of rowFiles(r)) together.set(f.path, r.path);
    waiting.set(r.path, [...(waiting.get(r.path) ?? []), ...rowFrames(r).map((f) => f.frame)]);
  }
  const near = (frames: number[] | undefined, frame: number) => frames?.some((f) => withinFrameGap(f, frame)) === true;
  // A file a waiting draft holds keeps its place when a second file at its frame number arrives (m.0001.PNG).
  const drafted = new Set(pending.flatMap((r) => rowFiles(r).map((f) => f.path)));
  const pulledIn = new Set<string>();
  const grouped = gatherLoneFrames(
    await withLoggedStills(ctx, watch.production_id, candidates, groupSequences([...candidates.keys()].sort(naturalCompare), { keep: (p) => drafted.has(p) }), pulledIn),
    (path, frame) => together.get(path)
      ?? frame.sequencePaths.find((p) => near(waiting.get(p), frame.frame) && mayTakeFrame(frame, p, (n) => waiting.get(p)?.includes(n) === true)),
  ).items;
  const joined = joinLoggedSequences(ctx.db, watch.production_id, grouped);
  const { continues, earlierAt } = joined;
  // Only dismissed sequences in these folders can take these frames: a watch's older ones are not parsed per file.
  const dismissedHere = rows.filter((r) => r.status === 'dismissed' && r.kind === 'sequence' && dirs.has(dirname(r.path)));
  const { items, dismissedOf } = joinDismissedSequences(dismissedHere, joined.items, new Set(continues.keys()));
  const known = knownHashes(ctx.db, [...candidates.values()]);

  const errors: string[] = [];
  const unreadFiles: string[] = [];
  const failedFiles: FailedFile[] = [];
  // Files of items not drafted now (a file not readable yet, or the watcher stopping): a pending draft holding any
  // of them stays as it is, rather than being replaced by nothing.
  const notDrafted = new Set<string>();
  // Hashes of the files read in items that could not be drafted: remembered, so a retry reads only what failed.
  const readAnyway = new Map<string, string>();
  const hashedDrafts = await Promise.all(items.map(async (item): Promise<HashedDraft | null> => {
    const todo = itemPaths(item).filter((p) => !known.has(p)).map((p) => candidates.get(p) as FileVersion);
    try {
      const unreadable: FailedFile[] = [];
      // Said with what happens next: nobody needs to restart a watcher for a file it could not read yet.
      const retried = (e: FileReadError) => `${e.message}; it is tried again when it changes, and at the next scan`;
      const freshHashes = await hashFresh(todo, env.pool, { signal: env.signal, onUnreadable: (e) => unreadable.push({ path: e.path, message: retried(e) }) });
      if (unreadable.length > 0) {
        errors.push(...unreadable.map((f) => f.message));
        failedFiles.push(...unreadable);
        unreadFiles.push(...itemPaths(item));
        for (const p of itemPaths(item)) notDrafted.add(p);
        for (const [path, sha256] of freshHashes) readAnyway.set(path, sha256);
        return null;
      }
      const hashes = new Map<string, string>();
      for (const p of itemPaths(item)) hashes.set(p, freshHashes.get(p) ?? (known.get(p) as string));
      return { item, fresh: freshHashes, hashes };
    } catch (error) {
      for (const p of itemPaths(item)) notDrafted.add(p);
      if (env.signal?.aborted) return null;
      const message = error instanceof Error ? error.message : String(error);
      errors.push(message);
      // Out of file handles, named after the file it struck: reported once for that file, like an unreadable one.
      if (error instanceof FileReadError) failedFiles.push({ path: error.path, message });
      unreadFiles.push(...itemPaths(item));
      return null;
    }
  }));

  const productionId = watch.production_id;
  // A draft to draft again (it lost frames, or a sidecar manifest came) is never kept as it is, even unchanged.
  const pendingByKey = new Map(pending.filter((r) => !redraft.has(r.id)).map((r) => [`${r.path}\0${r.size}\0${r.mtime_ms}\0${r.sha256}`, r]));
  const drafts = hashedDrafts.filter((d): d is HashedDraft => d !== null).map((hashed) => {
    // Late frames of a dismissed sequence leave out the frames it held with the same content (only touched).
    const dismissedSeq = dismissedOf.get(hashed.item);
    const undismissed = dismissedSeq ? withoutDismissedFrames(hashed.item, dismissedSeq, hashed.hashes) : hashed.item;
    const found = undismissed ? { ...hashed, item: undismissed } : hashed;
    const sameAsDismissed = undismissed ? itemPaths(hashed.item).length - itemPaths(undismissed).length : 0;
    // Frames the log already holds with the same content (a folder logged before it was watched) are not drafted
    // again: the draft holds the new and re-rendered frames, as logging the folder again would.
    const checked = againstLoggedSequence(earlierAt, found.item, found.hashes);
    // A sequence whose only logged frame was logged on its own (no sequence asset yet) is continued all the same.
    const earlier = continues.get(found.item) ?? ('item' in checked && checked.link !== null ? earlierAt(itemPath(found.item)) : undefined);
    const d = 'item' in checked ? { ...found, item: checked.item } : found;
    // Frames left out as the log holds them, the logged stills taken in to group with them aside: not found now.
    const left = new Set('item' in checked ? itemPaths(checked.item) : itemPaths(found.item));
    const sameAsLogged = itemPaths(found.item).filter((p) => !left.has(p) && !pulledIn.has(p)).length;
    const sha = knownItemHash(d.item, d.hashes) as string;
    const mtimeMs = itemPaths(d.item).reduce((max, p) => Math.max(max, mtimeKey((candidates.get(p) as FileVersion).mtimeMs)), -Infinity);
    const size = itemPaths(d.item).reduce((s, p) => s + (candidates.get(p) as FileVersion).size, 0);
    const unchanged = pendingByKey.get(`${itemPath(d.item)}\0${size}\0${mtimeMs}\0${sha}`);
    const logged = 'loggedAs' in checked || findAssetIdByHash(ctx.db, productionId, sha) !== undefined;
    const wasDismissed = !logged && (undismissed === null || dismissed.has(`${itemPath(d.item)}\0${sha}`));
    const note = dismissedSeq && undismissed ? dismissedNote(d.item, dismissedSeq, d.hashes) : undefined;
    return { ...d, earlier, dismissed: note, sameAsLogged, sameAsDismissed, sha, mtimeMs, size, unchanged, logged, wasDismissed };
  });

  const toolNames = listTools(ctx.db).map((t) => t.name);
  const records = await Promise.all(drafts.map((d) =>
    (d.unchanged || d.logged || d.wasDismissed ? Promise.resolve(null) : env.readLimit(() => captureProvenance(leadPath(d.item))))));

  const now = ctx.now();
  const at = now.toISOString();
  const replaced: ReplacedDraft[] = [];
  const insertedIds = inTransaction(ctx.db, () => {
    // Removed while its files were being read: nothing is drafted for a watch that no longer exists.
    if (!getWatchFolder(ctx.db, watch.id)) return [];
    for (const d of drafts) rememberHashes(ctx.db, candidates, d.fresh, at);
    rememberHashes(ctx.db, candidates, readAnyway, at);
    const kept = new Set(drafts.flatMap((d) => (d.unchanged ? [d.unchanged.id] : [])));
    const taken: InboxRow[] = [];
    for (const r of pending) {
      const files = rowFiles(r);
      if (!kept.has(r.id) && files.some((f) => candidates.has(f.path)) && !files.some((f) => notDrafted.has(f.path))) {
        deletePendingInboxItem(ctx.db, r.id);
        taken.push(r);
      }
    }
    const ids: number[] = [];
    const newDraftOf = new Map<string, number>();
    const filesOf = new Map<number, string[]>();
    drafts.forEach((d, i) => {
      if (d.unchanged || d.logged || d.wasDismissed) return;
      const path = itemPath(d.item);
      const frames: InboxFrame[] | null = d.item.kind === 'sequence'
        ? d.item.frames.map((f) => {
          const v = candidates.get(f.path) as FileVersion;
          return { frame: f.frame, fileName: basename(f.path), sha256: d.hashes.get(f.path) as string, size: v.size, mtimeMs: mtimeKey(v.mtimeMs) };
        })
        : null;
      const record = records[i] ?? null;
      const id = insertInboxItem(ctx.db, {
        watchId: watch.id,
        kind: d.item.kind,
        path,
        fileName: basename(path),
        size: d.size,
        mtimeMs: d.mtimeMs,
        sha256: d.sha,
        mediaType: mediaTypeOf(path),
        frames: frames ? JSON.stringify(frames) : null,
        provenance: record ? JSON.stringify(record) : null,
        prefill: JSON.stringify(withDismissedFrames(withLateFrames(prefillFor(watch, record, toolNames, now), d.item, d.earlier), d.dismissed)),
        foundAt: at,
      });
      if (id === null) return;
      ids.push(id);
      filesOf.set(id, itemPaths(d.item));
      for (const p of filesOf.get(id) as string[]) newDraftOf.set(p, id);
    });
    replaced.push(...taken.flatMap((r) => {
      const held = rowFiles(r).map((f) => f.path);
      const by = held.map((path) => newDraftOf.get(path)).find((id) => id !== undefined);
      if (by === undefined) return [];
      const now = new Set(filesOf.get(by));
      return [{ id: r.id, by, sameFiles: held.length === now.size && held.every((path) => now.has(path)) }];
    }));
    return ids;
  });
  // Files of the drafts not made for this reason; the logged stills taken in only to group with were not found now.
  const count = (skipped: (d: (typeof drafts)[number]) => boolean) =>
    drafts.reduce((n, d) => n + (skipped(d) && !d.unchanged ? itemPaths(d.item).filter((p) => !pulledIn.has(p)).length : 0), 0);
  return {
    found: insertedIds.map((id) => toInboxItem(getInboxItem(ctx.db, id) as InboxRow)),
    errors,
    unreadFiles,
    failedFiles,
    // Frames the log holds are left out of a draft whether or not the draft is new: each scan lists them again.
    alreadyLogged: loggedStills.size + count((d) => d.logged) + drafts.reduce((n, d) => n + d.sameAsLogged, 0),
    alreadyDismissed: count((d) => d.wasDismissed) + drafts.reduce((n, d) => n + (d.wasDismissed ? 0 : d.sameAsDismissed), 0),
    replaced,
  };
}
