/** Globs typed in a form: one per line or comma separated ("*.exr, *.png"); blanks dropped. */
export function parseGlobs(text: string): string[] {
  return text.split(/[\n,]/).map((g) => g.trim()).filter(Boolean);
}

export function globsText(globs: readonly string[]): string {
  return globs.length ? globs.join(', ') : '';
}
