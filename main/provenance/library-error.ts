import { printable } from './printable';

/**
 * A failure a parsing library (exifr, the c2pa-rs reader) reported about the file, as opposed to one of GenLog's own
 * (a timeout, a parser thread that stopped): only the library's words need translating for the reader.
 */
export class LibraryError extends Error {
  override name = 'LibraryError';
}

/** Enough of a library's message for an expert to look it up; hostile input can make it arbitrarily long. */
const MAX_DETAIL_CHARS = 300;

/**
 * A library's message as one printable line: runs of whitespace (its own line breaks included) become one space,
 * and control characters quoted from the file are escaped. The CLI prints one line per asset.
 */
export function oneLine(message: string): string {
  const line = printable(message.replace(/\s+/g, ' ').trim());
  return line.length > MAX_DETAIL_CHARS ? `${line.slice(0, MAX_DETAIL_CHARS)}…` : line;
}

/** Plain words first, for everyone; the library's own text after them in parentheses, for experts. */
export function withLibraryText(plain: string, libraryMessage: string): string {
  const detail = oneLine(libraryMessage);
  return detail === '' ? plain : `${plain} (${detail})`;
}
