import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ApiContext } from '../../api/context';
import { nextStep } from '../../api/next-step';
import { scanFolder, type ScanSkip } from '../../ingest';
import type { FolderIngestRequest } from './folder-ingest';

/** Why a request found no file, naming the filters given and, when the folders have subfolders, how to include them. */
export async function nothingToLog(ctx: ApiContext, req: FolderIngestRequest, unread: readonly ScanSkip[] = []): Promise<string> {
  const filters = [
    req.include?.length ? ` matching ${req.include.join(', ')}` : '',
    req.exclude?.length ? ` once ${req.exclude.join(', ')} ${req.exclude.length === 1 ? 'is' : 'are'} left out` : '',
  ].join('');
  const hasSubfolders = !req.recursive && (await Promise.all(req.paths.map((p) => readdir(resolve(p), { withFileTypes: true }).catch(() => []))))
    .some((entries) => entries.some((e) => e.isDirectory()));
  // Advice only where it helps: subfolders holding files the same filters take. A subfolder that cannot be read
  // might hold some, so nothing is said about them then.
  let subfolderUnread = false;
  const inSubfolders = hasSubfolders && (await Promise.all(req.paths.map((p) => scanFolder(resolve(p), {
    recursive: true, include: req.include, exclude: req.exclude, onSkip: (skip) => { subfolderUnread ||= skip.unread; },
  }).then((files) => files.length > 0, () => false)))).some(Boolean);
  const subfolders = inSubfolders
    ? nextStep(ctx, { cli: ' (it has subfolders: add --recursive to include them)', app: ' (it has subfolders: tick "Include subfolders" to include them)' })
    : hasSubfolders && !subfolderUnread ? ' (nor do its subfolders)' : '';
  // What could not be looked into may hold the files: named, with why.
  const notRead = unread.length === 0 ? ''
    : ` Could not look in ${unread.slice(0, 3).map((s) => `${s.path} (${s.reason})`).join(', ')}${unread.length > 3 ? ` and ${unread.length - 3} more` : ''}.`;
  return `No files to log in ${req.paths.join(', ')}${filters}${subfolders}.${notRead}`;
}
