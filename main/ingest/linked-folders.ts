import { lstatSync, realpathSync } from 'node:fs';
import { sep } from 'node:path';

/** Why a folder reached through a symbolic link is passed over, or null when it is entered. */
export type LinkedFolderSkip = 'again' | 'loop' | null;

export const LINKED_FOLDER_REASONS: Record<Exclude<LinkedFolderSkip, null>, string> = {
  again: 'symbolic link to a folder already scanned (a loop or a second link)',
  loop: 'symbolic link to a folder holding the one being scanned (a loop: it leads out and back in)',
};

function realOf(path: string): string | null {
  try {
    return realpathSync.native(path);
  } catch {
    return null;
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Whether `path` is `folder` or inside it. */
function holds(folder: string, path: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/**
 * Which folders a scan or a watch enters when symbolic links lead to them. A link may lead elsewhere (a shared plates
 * folder linked into a shot) and is followed. A link into the chosen folder, or into a folder a link already led to,
 * is passed over: what it leads to is scanned already (`self -> .`, `latest -> v003`). A link to a folder holding the
 * chosen folder or one a link led to (`up -> ..`) is a loop, passed over too: followed, it would take in the parent's
 * other folders, and two such links make paths without end (l1/l2/l1/… until the system refuses). A folder that is
 * not itself a link is always entered. One guard per scan or watch: it remembers the folders links led to.
 */
export function linkedFolderGuard(root: string): (folder: string) => LinkedFolderSkip {
  const rootReal = realOf(root) ?? root;
  const ledTo = new Map<string, string>();
  return (folder) => {
    if (!isLink(folder)) return null;
    const real = realOf(folder);
    if (real === null) return null;
    if (holds(rootReal, real)) return 'again';
    if (holds(real, rootReal)) return 'loop';
    for (const [target, link] of ledTo) {
      if (holds(target, real)) return target === real && link === folder ? null : 'again';
      if (holds(real, target)) return 'loop';
    }
    ledTo.set(real, folder);
    return null;
  };
}
