import { realpath, stat } from 'node:fs/promises';
import { sep } from 'node:path';
import type { ApiContext } from '../../api/context';
import { conflict, invalid, notFound } from '../../api/envelope';
import { inTransaction } from '../../../db/connection';
import type { Classification } from '../../../db/assets';
import {
  deleteWatchFolder,
  getWatchFolder,
  getWatchFolderByPath,
  insertWatchFolder,
  listWatchFolders as listRows,
  setWatchFolderEnabled,
  type WatchFolderRow,
} from '../../../db/watch-folders';
import { countPendingByWatch } from '../../../db/inbox';
import { requirePlannedUse } from '../compliance/planned-uses';
import { requireProduction } from '../productions';
import { requireTool } from '../tools';
import { watchFoldersChanged } from './runner-registry';
import { checkGlobs, refuseExcludingEverything } from './watch-globs';
import { fullPath } from './full-path';
import { saysGone } from './gone-drafts';
import { nextStep } from '../../api/next-step';

/** A watch folder as scripts and the UI see it. */
export interface WatchFolder {
  id: number;
  path: string;
  production: string;
  plannedUseId: number | null;
  tool: string | null;
  artist: string | null;
  classification: Classification;
  include: string[];
  exclude: string[];
  recursive: boolean;
  enabled: boolean;
  createdBy: string;
  createdAt: string;
  lastScanAt: string | null;
  /** Files (or sequences) this folder put in the New files inbox that nobody has confirmed or dismissed yet. */
  pendingDrafts: number;
  /**
   * In a listing only: the path is not a folder now (moved, deleted, its share not mounted), so nothing there is
   * watched until it is back. False when that could not be told within a second (a share slow to answer).
   */
  missing?: boolean;
}

export interface WatchFolderInput {
  path: string;
  production: string;
  /** Planned use of the same production: found files are logged against it (its facts, tools, classification). */
  use?: number;
  tool?: string;
  artist?: string;
  /** Omitted: the planned use's classification, else temporary. */
  classification?: Classification;
  include?: string[];
  exclude?: string[];
  recursive?: boolean;
  by?: string;
}

function toWatchFolder(r: WatchFolderRow, pendingDrafts: number): WatchFolder {
  return {
    id: r.id,
    path: r.path,
    production: r.production_code,
    plannedUseId: r.planned_use_id,
    tool: r.tool_name,
    artist: r.artist,
    classification: r.classification,
    include: JSON.parse(r.include_globs) as string[],
    exclude: JSON.parse(r.exclude_globs) as string[],
    recursive: r.recursive === 1,
    enabled: r.enabled === 1,
    createdBy: r.created_by,
    createdAt: r.created_at,
    lastScanAt: r.last_scan_at,
    pendingDrafts,
  };
}

export function requireWatchFolder(ctx: ApiContext, id: number): WatchFolderRow {
  const w = getWatchFolder(ctx.db, id);
  if (!w) throw notFound(`No watch folder with id ${id}.`);
  return w;
}

function inside(child: string, parent: string): boolean {
  return child.startsWith(parent.endsWith(sep) ? parent : parent + sep);
}

/**
 * A file must never be reported by two watches (it would reach the inbox twice with different defaults). Paths are
 * compared as typed and with symbolic links resolved: a link to a watched folder is that folder.
 */
async function refuseOverlap(ctx: ApiContext, path: string, recursive: boolean): Promise<void> {
  const real = await realpath(path).catch(() => path);
  for (const w of listRows(ctx.db)) {
    const wReal = await realpath(w.path).catch(() => w.path);
    if (real === wReal) throw conflict(`${path} is the same folder as watch folder ${w.id} (${w.path}).`);
    if (recursive && (inside(w.path, path) || inside(wReal, real))) {
      const without = nextStep(ctx, { cli: 'with --no-recursive', app: 'without "Include subfolders"' });
      throw conflict(`${path} contains watch folder ${w.id} (${w.path}); remove that watch first or add this one ${without}.`);
    }
    if (w.recursive === 1 && (inside(path, w.path) || inside(real, wReal))) throw conflict(`${path} is already watched by watch folder ${w.id} (${w.path}).`);
  }
}

export async function addWatchFolder(ctx: ApiContext, input: WatchFolderInput): Promise<WatchFolder> {
  const path = fullPath(ctx, input.path, 'folder');
  const s = await stat(path).catch(() => null);
  if (!s) throw notFound(`Cannot watch ${path}: it does not exist.`);
  if (!s.isDirectory()) throw invalid(`Cannot watch ${path}: it is a file, not a folder.`);
  const production = requireProduction(ctx, input.production);
  const tool = input.tool ? requireTool(ctx, input.tool) : null;
  const use = input.use === undefined ? null : requirePlannedUse(ctx, input.use);
  if (use && use.production_id !== production.id) {
    throw invalid(`Planned use ${use.id} ("${use.title}") belongs to production ${use.production_code}, not ${production.code}.`);
  }
  let include: string[];
  let exclude: string[];
  try {
    include = checkGlobs(input.include, 'include');
    exclude = checkGlobs(input.exclude, 'exclude');
    refuseExcludingEverything(exclude, 'this watch would never find a render');
  } catch (error) {
    throw invalid((error as Error).message);
  }
  if (getWatchFolderByPath(ctx.db, path)) throw conflict(`${path} is already a watch folder.`);
  const recursive = input.recursive ?? true;
  await refuseOverlap(ctx, path, recursive);
  const id = insertWatchFolder(ctx.db, {
    path,
    productionId: production.id,
    plannedUseId: use?.id ?? null,
    toolId: tool?.id ?? null,
    artist: input.artist?.trim() || null,
    classification: input.classification ?? use?.classification ?? 'temporary',
    include,
    exclude,
    recursive,
    createdBy: input.by ?? ctx.actor(),
    createdAt: ctx.now().toISOString(),
  });
  watchFoldersChanged(ctx);
  return watchFolderJson(ctx, getWatchFolder(ctx.db, id)!);
}

/** A watch folder as the API and the CLI show it, with its pending draft count. */
export function watchFolderJson(ctx: ApiContext, r: WatchFolderRow, pending = countPendingByWatch(ctx.db)): WatchFolder {
  return toWatchFolder(r, pending.get(r.id) ?? 0);
}

export async function listWatchFolders(ctx: ApiContext): Promise<WatchFolder[]> {
  const pending = countPendingByWatch(ctx.db);
  const rows = listRows(ctx.db);
  const missing = await Promise.all(rows.map((r) => isMissing(r.path)));
  return rows.map((r, i) => ({ ...watchFolderJson(ctx, r, pending), missing: missing[i] === true }));
}

/** Whether nothing is at `path` as a folder; a share that does not answer within a second is not called missing. */
async function isMissing(path: string): Promise<boolean> {
  const looked = stat(path).then((s) => !s.isDirectory(), saysGone);
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), 1000); });
  try {
    return await Promise.race([looked, slow]);
  } finally {
    clearTimeout(timer);
  }
}

export function enableWatchFolder(ctx: ApiContext, id: number, enabled: boolean): WatchFolder {
  requireWatchFolder(ctx, id);
  setWatchFolderEnabled(ctx.db, id, enabled);
  watchFoldersChanged(ctx);
  return watchFolderJson(ctx, getWatchFolder(ctx.db, id)!);
}

/** Stops watching; the inbox keeps every item the folder produced (pending ones can still be confirmed). */
export function removeWatchFolder(ctx: ApiContext, id: number): WatchFolder {
  const w = watchFolderJson(ctx, requireWatchFolder(ctx, id));
  inTransaction(ctx.db, () => deleteWatchFolder(ctx.db, id));
  watchFoldersChanged(ctx);
  return w;
}
