import picomatch from 'picomatch';
import { isIgnoredName } from '../../ingest/ignored-names';

/**
 * Glob matching with scanFolder's rules, so the watcher and the catch-up scan agree on what a watch folder holds:
 * a glob with "/" matches the path relative to the watched folder, one without matches the file name anywhere.
 */
export function globMatcher(globs: readonly string[]): (relative: string) => boolean {
  const onPath = globs.filter((g) => g.includes('/'));
  const onName = globs.filter((g) => !g.includes('/'));
  const matchesPath = onPath.length > 0 ? picomatch(onPath, { dot: true }) : () => false;
  const matchesName = onName.length > 0 ? picomatch(onName, { dot: true }) : () => false;
  return (relative) => matchesPath(relative) || matchesName(relative.slice(relative.lastIndexOf('/') + 1));
}

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

export interface WatchFilter {
  include: string[];
  exclude: string[];
}

/** A compiled watch filter: which files (paths relative to the watched folder, "/" separated) belong to it. */
export interface CompiledFilter {
  file(relative: string): boolean;
  /** An excluded subfolder is not entered at all. */
  folderExcluded(relative: string): boolean;
}

/** Hidden names (starting with ".") never belong to a watch, as in scanFolder. */
export function compileFilter(filter: WatchFilter): CompiledFilter {
  const included = filter.include.length > 0 ? globMatcher(filter.include) : () => true;
  const excluded = filter.exclude.length > 0 ? globMatcher(filter.exclude) : () => false;
  const hidden = (relative: string) => relative.split('/').some(isIgnoredName);
  return {
    file: (relative) => !hidden(relative) && included(relative) && !excluded(relative),
    folderExcluded: (relative) => hidden(relative) || excluded(relative),
  };
}
