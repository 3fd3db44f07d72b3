import picomatch from 'picomatch';

/**
 * Glob matching for folder scans and watch folders alike, so the watcher and the catch-up scan agree on what a
 * folder holds: a glob with "/" matches the path relative to the folder, one without matches the file name in any
 * subfolder. Case is ignored: "*.png" is meant to take the PNG files, and renders from Windows machines and
 * cameras often end in ".PNG".
 */
export function globMatcher(globs: readonly string[]): (relative: string) => boolean {
  const onPath = globs.filter((g) => g.includes('/')).map(shellBrackets);
  const onName = globs.filter((g) => !g.includes('/')).map(shellBrackets);
  const options = { dot: true, nocase: true };
  const matchesPath = onPath.length > 0 ? picomatch(onPath, options) : () => false;
  const matchesName = onName.length > 0 ? picomatch(onName, options) : () => false;
  return (relative) => matchesPath(relative) || matchesName(relative.slice(relative.lastIndexOf('/') + 1));
}

/**
 * "[!a]" is "not a" in the shell, Python and every render farm's globs; picomatch reads it as "! or a", so such an
 * exclude left out the very files it meant to keep. Written as picomatch's "[^a]" here (an escaped "\[" stays).
 */
function shellBrackets(glob: string): string {
  return glob.replace(/(^|[^\\])\[!/g, '$1[^');
}
