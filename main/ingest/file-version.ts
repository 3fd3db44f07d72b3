import { stat } from 'node:fs/promises';
import type { FileVersion } from '../../db/file-index';

/** The file's size and modification time now; null when it is gone or no longer a regular file. */
export async function currentVersion(path: string): Promise<FileVersion | null> {
  const s = await stat(path).catch(() => null);
  return s?.isFile() ? { path, size: s.size, mtimeMs: s.mtimeMs } : null;
}

/** currentVersion of each path, leaving out those gone or no longer regular files. */
export async function currentVersions(paths: readonly string[]): Promise<FileVersion[]> {
  const found = await Promise.all(paths.map(currentVersion));
  return found.filter((v): v is FileVersion => v !== null);
}
