import type { FSWatcher } from 'chokidar';
import { linkedFolderGuard } from '../../ingest/linked-folders';
import { relativeOf } from './active-watch';
import type { CompiledFilter } from './watch-globs';

export interface FolderWatcherOptions {
  recursive: boolean;
  /** A file counts as written once its size has not changed for this long (ms). */
  stabilityMs: number;
  /** How often a file being written is checked (ms). */
  pollMs: number;
  usePolling: boolean;
}

/**
 * A chokidar watcher of a watch folder that reports only what the watch's globs take (files and C2PA sidecars), enters
 * no excluded folder, and no linked folder the scans pass over (a loop, a second link: see linked-folders.ts; the
 * catch-up scan says which). Two links to "." once made chokidar walk l1/l2/l1/… until it ran out of memory.
 */
export async function openFolderWatcher(root: string, filter: CompiledFilter, o: FolderWatcherOptions): Promise<FSWatcher> {
  const linkSkip = linkedFolderGuard(root);
  // Imported here: only a running watcher needs chokidar, and every CLI start would otherwise pay for it.
  const { watch } = await import('chokidar');
  return watch(root, {
    ignoreInitial: true,
    persistent: true,
    ...(o.recursive ? {} : { depth: 0 }),
    awaitWriteFinish: { stabilityThreshold: o.stabilityMs, pollInterval: o.pollMs },
    usePolling: o.usePolling,
    ignored: (path, stats) => {
      const rel = relativeOf(root, path);
      if (rel === '' || rel.startsWith('..')) return false;
      if (stats?.isFile()) return !filter.file(rel) && !filter.sidecar(rel);
      return filter.folderExcluded(rel) || (stats?.isDirectory() === true && linkSkip(path) !== null);
    },
  });
}
