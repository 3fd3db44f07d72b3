import { splitGlobList } from '../../main/ingest/glob-list';

/** Globs typed in a form: one per line or comma separated ("*.exr, *.png", "*.{png,exr}" being one); blanks dropped. */
export function parseGlobs(text: string): string[] {
  return splitGlobList(text);
}

export function globsText(globs: readonly string[]): string {
  return globs.length ? globs.join(', ') : '';
}
