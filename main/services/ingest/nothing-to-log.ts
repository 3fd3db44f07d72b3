import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ApiContext } from '../../api/context';
import { nextStep } from '../../api/next-step';
import { scanFolder } from '../../ingest';
import type { FolderIngestRequest } from './folder-ingest';

/** Why a request found no file, naming the filters given and, when the folders have subfolders, how to include them. */
export async function nothingToLog(ctx: ApiContext, req: FolderIngestRequest): Promise<string> {
  const filters = [
    req.include?.length ? ` matching ${req.include.join(', ')}` : '',
    req.exclude?.length ? ` once ${req.exclude.join(', ')} ${req.exclude.length === 1 ? 'is' : 'are'} left out` : '',
  ].join('');
  const hasSubfolders = !req.recursive && (await Promise.all(req.paths.map((p) => readdir(resolve(p), { withFileTypes: true }).catch(() => []))))
    .some((entries) => entries.some((e) => e.isDirectory()));
  // Advice only where it helps: subfolders holding files the same filters take. A subfolder that cannot be read
  // might hold some, so nothing is said about them then.
  let unread = false;
  const inSubfolders = hasSubfolders && (await Promise.all(req.paths.map((p) => scanFolder(resolve(p), {
    recursive: true, include: req.include, exclude: req.exclude, onSkip: (skip) => { unread ||= skip.unread; },
  }).then((files) => files.length > 0, () => false)))).some(Boolean);
  const subfolders = inSubfolders
    ? nextStep(ctx, { cli: ' (it has subfolders: add --recursive to include them)', app: ' (it has subfolders: tick "Include subfolders" to include them)' })
    : hasSubfolders && !unread ? ' (nor do its subfolders)' : '';
  return `No files to log in ${req.paths.join(', ')}${filters}${subfolders}.`;
}
