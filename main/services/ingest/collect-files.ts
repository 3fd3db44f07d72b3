import { readlink, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ScanError, scanFolder, type ScanSkip, type ScannedFile } from '../../ingest';
import { FileReadError, fileReadError, unreadablePathsError } from '../../ingest/file-errors';
import { isSidecarManifest } from '../../ingest/ignored-names';
import { sidecarCandidates } from '../../provenance/c2pa/sidecar';

export interface CollectOptions {
  /** Enter subfolders of the folders given. */
  recursive: boolean;
  /** Globs applied inside the folders given (see scanFolder); files named directly are always taken. */
  include?: string[];
  exclude?: string[];
  onSkip?: (skip: ScanSkip) => void;
  /**
   * When given, a path that cannot be read (gone since it was dropped, a pipe) is reported here; otherwise one error
   * naming every such path is thrown once all were looked at.
   */
  onUnreadable?: (error: FileReadError) => void;
}

/** A missing path that is a link says so, as the folder scan does: "it is a broken symbolic link (to /mnt/gone.exr)". */
async function whyNotFound(path: string, error: unknown): Promise<FileReadError> {
  const link = (error as NodeJS.ErrnoException).code === 'ENOENT' ? await readlink(path).catch(() => null) : null;
  return link === null ? fileReadError(path, error) : new FileReadError(path, 'ENOENT', `it is a broken symbolic link (to ${link})`);
}

/** Files named directly and the files of folders named, each once, with size and modification time. */
export async function collectFiles(paths: readonly string[], o: CollectOptions): Promise<ScannedFile[]> {
  const found = new Map<string, ScannedFile>();
  const problems: FileReadError[] = [];
  const unreadable = (problem: FileReadError) => (o.onUnreadable ? o.onUnreadable(problem) : problems.push(problem));
  for (const given of paths) {
    const path = resolve(given);
    const s = await stat(path).catch((error: unknown) => whyNotFound(path, error));
    if (s instanceof FileReadError || (!s.isDirectory() && !s.isFile())) {
      unreadable(s instanceof FileReadError ? s : fileReadError(path, { code: 'ENOTFILE' }));
      continue;
    }
    if (s.isDirectory()) {
      // A named folder that cannot be listed is one more path not read, named with the others.
      const files = await scanFolder(path, { recursive: o.recursive, include: o.include, exclude: o.exclude, onSkip: o.onSkip })
        .catch((error: unknown) => {
          if (!(error instanceof ScanError)) throw error;
          unreadable(new FileReadError(path, undefined, error.reason));
          return [];
        });
      for (const f of files) found.set(f.path, f);
    } else {
      found.set(path, { path, size: s.size, mtimeMs: s.mtimeMs });
    }
  }
  if (problems.length > 0) throw unreadablePathsError(problems);
  withoutNamedSidecars(found, o.onSkip);
  return [...found.values()];
}

/**
 * A sidecar manifest named beside the file it describes (every file of a folder selected and dropped) is read as
 * that file's provenance, not logged as an asset of its own; folder scans pass over sidecars anyway.
 */
function withoutNamedSidecars(found: Map<string, ScannedFile>, onSkip: CollectOptions['onSkip']): void {
  // Matched ignoring case, as the sidecar is found when reading provenance.
  const sidecars = new Map([...found.keys()].filter(isSidecarManifest).map((p) => [p.toLowerCase(), p]));
  if (sidecars.size === 0) return;
  for (const path of [...found.keys()]) {
    if (isSidecarManifest(path)) continue;
    for (const candidate of sidecarCandidates(path)) {
      const sidecar = sidecars.get(candidate.toLowerCase());
      if (sidecar === undefined || !found.delete(sidecar)) continue;
      onSkip?.({ path: sidecar, reason: `C2PA sidecar manifest of ${path}: read as its provenance, not logged on its own`, unread: false });
    }
  }
}
