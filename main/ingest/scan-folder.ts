import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileReadError } from './file-errors';
import { globMatcher } from './folder-globs';
import { isIgnoredName, isSidecarManifest } from './ignored-names';
import { LINKED_FOLDER_REASONS, linkedFolderGuard } from './linked-folders';
import { naturalCompare } from '../format/natural-order';

export interface ScannedFile {
  path: string;
  size: number;
  mtimeMs: number;
}

export interface ScanSkip {
  /** The folder or entry that was left out. */
  path: string;
  reason: string;
  /**
   * True when files may have gone unlisted because of it (a folder or entry that could not be read); false when
   * nothing is lost (a second link to a folder already scanned, a broken link, a pipe or device).
   */
  unread: boolean;
}

export interface ScanOptions {
  recursive: boolean;
  /**
   * picomatch globs relative to the scanned folder, "/" separated. A glob without "/" matches the file name in
   * any subfolder ("*.exr"); one with "/" matches the relative path ("renders/**\/*.exr"). Default: everything.
   */
  include?: string[];
  /** Same form as include. A matching subfolder is not entered at all ("cache/**" or "cache"). */
  exclude?: string[];
  /** Told about every subfolder or entry that could not be read, a broken link, or a symbolic link loop. */
  onSkip?: (skip: ScanSkip) => void;
}

/** The folder to scan itself cannot be listed; `reason` is the why alone ("it does not exist"). */
export class ScanError extends Error {
  constructor(readonly dir: string, readonly reason: string, cause?: unknown) {
    super(`Cannot scan "${dir}": ${reason}`, { cause });
    this.name = 'ScanError';
  }
}

/** Parallel stat calls per folder: enough to hide disk latency without exhausting file handles. */
const STAT_BATCH = 64;

/**
 * Lists the regular files in a folder (and its subfolders when recursive) with size and modification time, sorted
 * by path in number order (v2 before v10: assets get their ids in that order). Hidden entries (name starting with ".") and C2PA sidecar manifests are ignored. Symbolic links are followed, but a folder already
 * visited is never entered twice, and a link to a folder holding the scanned one is not followed (linked-folders.ts). Unreadable subfolders are reported through onSkip, not
 * thrown; only an unreadable top folder throws.
 */
export async function scanFolder(dir: string, options: ScanOptions): Promise<ScannedFile[]> {
  const rootStats = await stat(dir).catch((error: unknown) => {
    throw new ScanError(dir, fileReadError(dir, error).reason, error);
  });
  if (!rootStats.isDirectory()) throw new ScanError(dir, 'it is a file, not a folder');

  const bad = [...(options.include ?? []), ...(options.exclude ?? [])].find((glob) => typeof glob !== 'string' || glob.trim() === '');
  if (bad !== undefined) throw new Error(`Invalid folder scan glob: ${JSON.stringify(bad)}`);
  const isIncluded = options.include?.length ? globMatcher(options.include) : () => true;
  const isExcluded = options.exclude?.length ? globMatcher(options.exclude) : () => false;
  const report = (path: string, reason: string, unread = false) => options.onSkip?.({ path, reason, unread });
  // Cheap checks before stat; links and special entries are judged once stat tells what they are.
  const isWorthStat = (entry: Dirent, parentRelative: string) => {
    const relative = parentRelative ? `${parentRelative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return options.recursive && !isExcluded(relative);
    if (entry.isFile()) return isIncluded(relative) && !isExcluded(relative);
    return true;
  };

  const files: ScannedFile[] = [];
  const linkGuard = linkedFolderGuard(dir);
  const visited = new Set<string>([folderIdentity(rootStats)]);
  const pending: { path: string; relative: string }[] = [{ path: dir, relative: '' }];

  for (let folder = pending.pop(); folder; folder = pending.pop()) {
    let entries: Dirent[];
    try {
      entries = await readdir(folder.path, { withFileTypes: true });
    } catch (error) {
      if (folder.relative === '') {
        throw new ScanError(dir, fileReadError(dir, error).reason, error);
      }
      report(folder.path, fileReadError(folder.path, error).reason, true);
      continue;
    }
    const visible = entries.filter((entry) => !isIgnoredName(entry.name) && isWorthStat(entry, folder.relative));
    const looked: { entry: Dirent; path: string; relative: string; stats: Stats }[] = [];
    for (let start = 0; start < visible.length; start += STAT_BATCH) {
      const batch = visible.slice(start, start + STAT_BATCH).map(async (entry) => {
        const path = join(folder.path, entry.name);
        const relative = folder.relative ? `${folder.relative}/${entry.name}` : entry.name;
        try {
          looked.push({ entry, path, relative, stats: await stat(path) });
        } catch (error) {
          if (entry.isSymbolicLink() && isMissing(error)) report(path, 'broken symbolic link');
          // Links that lead to one another (a -> b, b -> a) lead nowhere: nothing is there to lose.
          else if (entry.isSymbolicLink() && (error as NodeJS.ErrnoException | null)?.code === 'ELOOP') report(path, 'symbolic link loop (it leads back to itself)');
          else report(path, fileReadError(path, error).reason, true);
        }
      });
      await Promise.all(batch);
    }
    // Real folders before links, then by name: the same tree always gives the same paths and the same reports.
    looked.sort((a, b) => Number(a.entry.isSymbolicLink()) - Number(b.entry.isSymbolicLink()) || naturalCompare(a.path, b.path));
    const subfolders: typeof pending = [];
    for (const { entry, path, relative, stats } of looked) {
      if (stats.isDirectory()) {
        if (!options.recursive || isExcluded(relative)) continue;
        const linkSkip = entry.isSymbolicLink() ? linkGuard(path) : null;
        if (linkSkip) {
          report(path, LINKED_FOLDER_REASONS[linkSkip]);
          continue;
        }
        const identity = folderIdentity(stats);
        if (visited.has(identity)) {
          report(path, 'symbolic link to a folder already scanned (a loop or a second link)');
          continue;
        }
        visited.add(identity);
        subfolders.push({ path, relative });
      } else if (stats.isFile()) {
        if (isIncluded(relative) && !isExcluded(relative) && !isSidecarManifest(relative)) files.push({ path, size: stats.size, mtimeMs: stats.mtimeMs });
      } else {
        report(path, 'not a regular file (device, pipe or socket)');
      }
    }
    pending.push(...subfolders.reverse());
  }
  return files.sort((a, b) => naturalCompare(a.path, b.path));
}


function folderIdentity(stats: Stats): string {
  return `${stats.dev}:${stats.ino}`;
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
