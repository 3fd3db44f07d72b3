import picomatch from 'picomatch';

/**
 * Glob matching for folder scans and watch folders alike, so the watcher and the catch-up scan agree on what a
 * folder holds: a glob with "/" matches the path relative to the folder, one without matches the file name in any
 * subfolder. Case is ignored: "*.png" is meant to take the PNG files, and renders from Windows machines and
 * cameras often end in ".PNG".
 */
export function globMatcher(globs: readonly string[]): (relative: string) => boolean {
  const onPath = globs.filter((g) => g.includes('/'));
  const onName = globs.filter((g) => !g.includes('/'));
  const options = { dot: true, nocase: true };
  const matchesPath = onPath.length > 0 ? picomatch(onPath, options) : () => false;
  const matchesName = onName.length > 0 ? picomatch(onName, options) : () => false;
  return (relative) => matchesPath(relative) || matchesName(relative.slice(relative.lastIndexOf('/') + 1));
}
