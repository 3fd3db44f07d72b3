import picomatch from 'picomatch';
import { globMatcher } from '../../ingest/folder-globs';
import { isIgnoredName, isSidecarManifest } from '../../ingest/ignored-names';

/** Cleans a glob list from a form or the command line; an empty or unparsable glob is refused with its text. */
export function checkGlobs(globs: readonly string[] | undefined, what: string): string[] {
  const cleaned = (globs ?? []).map((g) => g.trim());
  for (const g of cleaned) {
    if (!g) throw new Error(`${what}: a glob cannot be empty.`);
    try {
      picomatch.makeRe(g);
    } catch (error) {
      throw new Error(`${what}: "${g}" is not a valid glob (${error instanceof Error ? error.message : String(error)}).`, { cause: error });
    }
  }
  return cleaned;
}

/**
 * Names no exclude glob written for a render folder singles out (renders always have an extension, one of them
 * unheard of), starting with every letter and digit: one that leaves out all of them leaves out every render, as "*"
 * and "*.*" do, while "[!s]*" (all but names starting with s) leaves some.
 */
const UNRELATED_NAMES = [
  'qz7.png', 'qz7.1001.exr', 'qz7/qz7.mov', 'qz7/qz7/qz7.wav', 'qz7.qz9x',
  ...'abcdefghijklmnopqrstuvwxyz0123456789_'.split('').map((c) => `${c}qz7.png`),
];

/** The first exclude glob that leaves out every file ("**", "*", "*.*"), if any. */
export function excludingEverything(exclude: readonly string[]): string | undefined {
  return exclude.find((g) => {
    const excluded = globMatcher([g]);
    return UNRELATED_NAMES.every((name) => excluded(name));
  });
}

/**
 * An exclude list that leaves out every file ("**", "*") makes a watch that never drafts anything, or a log that
 * finds nothing whatever the folder holds; it is refused with the glob named. `outcome` says what it would do.
 */
export function refuseExcludingEverything(exclude: readonly string[], outcome: string): void {
  const everything = excludingEverything(exclude);
  if (everything !== undefined) {
    throw new Error(`exclude: "${everything}" leaves out every file, so ${outcome}. Name only what to leave out, such as "tmp/**" or "*.tmp".`);
  }
}

export interface WatchFilter {
  include: string[];
  exclude: string[];
}

/** A compiled watch filter: which files (paths relative to the watched folder, "/" separated) belong to it. */
export interface CompiledFilter {
  file(relative: string): boolean;
  /** An excluded subfolder is not entered at all. */
  folderExcluded(relative: string): boolean;
  /** A C2PA sidecar manifest the watch looks at: never drafted itself, but the draft of the file it describes is read again. */
  sidecar(relative: string): boolean;
}

/** Hidden names (starting with ".") and C2PA sidecar manifests never belong to a watch, as in scanFolder. */
export function compileFilter(filter: WatchFilter): CompiledFilter {
  const included = filter.include.length > 0 ? globMatcher(filter.include) : () => true;
  const excluded = filter.exclude.length > 0 ? globMatcher(filter.exclude) : () => false;
  const hidden = (relative: string) => relative.split('/').some(isIgnoredName);
  return {
    file: (relative) => !hidden(relative) && !isSidecarManifest(relative) && included(relative) && !excluded(relative),
    folderExcluded: (relative) => hidden(relative) || excluded(relative),
    sidecar: (relative) => isSidecarManifest(relative) && !hidden(relative) && !excluded(relative),
  };
}
