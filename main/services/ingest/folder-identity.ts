import { stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';

/** A stat that takes longer than this (a hung network share) leaves the folder as it was until the next recheck. */
const IDENTITY_WAIT_MS = 3000;

/** Device, inode and birth time of a folder ('' when it is missing or not a folder). */
export function identityOf(s: Stats | null): string {
  // ext4 hands a folder made right after `rm -rf` the inode just freed: the birth time tells the two apart.
  return s?.isDirectory() ? `${s.dev}:${s.ino}:${s.birthtimeMs}` : '';
}

/** Whether the folder watched as `identity` is gone or replaced (false while a hung share does not answer). */
export async function replaced(root: string, identity: string): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const unanswered = new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), IDENTITY_WAIT_MS); });
  const now = await Promise.race([stat(root).then(identityOf, () => ''), unanswered]).finally(() => clearTimeout(timer));
  return now !== null && now !== identity;
}
