import { readlink, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ScanError, scanFolder, type ScanSkip, type ScannedFile } from '../../ingest';
import { FileReadError, fileReadError, unreadablePathsError } from '../../ingest/file-errors';

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
  return [...found.values()];
}
