import { stat } from 'node:fs/promises';
import type { ApiContext } from '../../api/context';
import { inTransaction } from '../../../db/connection';
import { deletePendingInboxItem, watchInboxItems } from '../../../db/inbox';
import { getWatchFolder } from '../../../db/watch-folders';
import { rowFiles, rowFrames } from './inbox-json';

/**
 * A pending draft whose files are gone. Without `framesGone` it was taken out of the inbox; with it, a sequence lost
 * only those frames and is left for the caller to draft again from the frames still there (`RemovedDrafts.redraft`).
 */
export interface GoneDraft {
  id: number;
  path: string;
  framesGone?: number[];
}

export interface RemovedDrafts {
  gone: GoneDraft[];
  /**
   * Sequence drafts that lost some frames, by id, with the frames still there. draftFiles replaces each with a draft
   * of those frames in its own transaction, so the draft is never gone before its successor is written.
   */
  redraft: Map<number, string[]>;
}

/**
 * Takes out of the inbox the pending drafts of watch `watchId` whose files are gone (deleted, or renamed: a render
 * written as shot.png.tmp and moved into place is drafted again under its new name). Such a draft can never be
 * confirmed (its files must be as they were found), and it stayed pending for good. A sequence draft that lost some
 * frames is returned to be drafted again, so the sequence waits as the frames that are there, the lost ones named
 * as missing. With `only`, just the drafts holding one of those paths are looked at (files a watcher saw go);
 * `present` are files a scan has just listed, not looked up again (a rescan of 30,000 drafted files would stat each).
 */
export async function removeGoneDrafts(ctx: ApiContext, watchId: number, { only, present }: { only?: ReadonlySet<string>; present?: ReadonlySet<string> } = {}): Promise<RemovedDrafts> {
  const watch = getWatchFolder(ctx.db, watchId);
  const pending = watchInboxItems(ctx.db, watchId).filter((r) => r.status === 'pending');
  const candidates = pending.filter((r) => !only || rowFiles(r).some((f) => only.has(f.path)));
  // A watch folder that is not there (a share not mounted yet) says nothing about its files: they may come back.
  if (!watch || candidates.length === 0 || !(await isFolder(watch.path))) return { gone: [], redraft: new Map() };
  const checked = await Promise.all(candidates.map(async (r) => {
    const files = rowFiles(r);
    const goneFlags = await Promise.all(files.map((f) => present?.has(f.path) === true ? false : isGone(f.path)));
    if (!goneFlags.some(Boolean)) return null;
    const frames = r.kind === 'sequence' ? rowFrames(r) : [];
    const framesGone = frames.filter((_, i) => goneFlags[i]).map((f) => f.frame);
    const remaining = files.filter((_, i) => !goneFlags[i]).map((f) => f.path);
    return { row: r, framesGone: remaining.length > 0 ? framesGone : undefined, remaining };
  }));
  const found = checked.filter((c) => c !== null);
  // Only drafts still pending: one confirmed or dismissed meanwhile is a decision, kept as it is.
  inTransaction(ctx.db, () => { for (const { row, framesGone } of found) if (!framesGone) deletePendingInboxItem(ctx.db, row.id); });
  return {
    gone: found.map(({ row, framesGone }) => ({ id: row.id, path: row.path, ...(framesGone ? { framesGone } : {}) })),
    redraft: new Map(found.filter((f) => f.framesGone).map((f) => [f.row.id, f.remaining])),
  };
}

/** Whether nothing is at `path`: an error other than "no such file" (a share timing out) does not count. */
async function isGone(path: string): Promise<boolean> {
  return stat(path).then(() => false, saysGone);
}

/** A stat error that says nothing is there (not one of a share timing out, or a permission). */
export function saysGone(error: NodeJS.ErrnoException): boolean {
  return error.code === 'ENOENT' || error.code === 'ENOTDIR';
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}
