import { stat } from 'node:fs/promises';
import type { ApiContext } from '../../api/context';
import { inTransaction } from '../../../db/connection';
import { deletePendingInboxItem, watchInboxItems } from '../../../db/inbox';
import { getWatchFolder } from '../../../db/watch-folders';
import { rowFiles } from './inbox-json';

/** A pending draft taken out of the inbox because none of its files is there any more. */
export interface GoneDraft {
  id: number;
  path: string;
}

/**
 * Takes out of the inbox the pending drafts of watch `watchId` whose files are all gone (deleted, or renamed: a
 * render written as shot.png.tmp and moved into place is drafted again under its new name). Such a draft can never
 * be confirmed, and it stayed pending for good. With `only`, just the drafts holding one of those paths are looked
 * at (files a watcher saw go). A sequence that lost some frames keeps its draft; confirming it names what is missing.
 */
export async function removeGoneDrafts(ctx: ApiContext, watchId: number, only?: ReadonlySet<string>): Promise<GoneDraft[]> {
  const watch = getWatchFolder(ctx.db, watchId);
  const pending = watchInboxItems(ctx.db, watchId).filter((r) => r.status === 'pending');
  const candidates = pending.filter((r) => !only || rowFiles(r).some((f) => only.has(f.path)));
  // A watch folder that is not there (a share not mounted yet) says nothing about its files: they may come back.
  if (!watch || candidates.length === 0 || !(await isFolder(watch.path))) return [];
  const checked = await Promise.all(candidates.map(async (r) => ((await Promise.all(rowFiles(r).map((f) => isGone(f.path)))).every(Boolean) ? r : null)));
  const gone = checked.filter((r) => r !== null);
  // Only drafts still pending: one confirmed or dismissed meanwhile is a decision, kept as it is.
  inTransaction(ctx.db, () => { for (const r of gone) deletePendingInboxItem(ctx.db, r.id); });
  return gone.map((r) => ({ id: r.id, path: r.path }));
}

/** Whether nothing is at `path`: an error other than "no such file" (a share timing out) does not count. */
async function isGone(path: string): Promise<boolean> {
  return stat(path).then(() => false, (error: NodeJS.ErrnoException) => error.code === 'ENOENT' || error.code === 'ENOTDIR');
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}
