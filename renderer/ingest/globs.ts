/** Globs as a form shows them again (splitGlobList reads them back). */
export function globsText(globs: readonly string[]): string {
  return globs.length ? globs.join(', ') : '';
}
