/** What a progress line starts with on a terminal: back to the line's start and erase it. GenLog's own, kept as is. */
export const REWRITE_LINE = '\r\x1b[K';

/**
 * Text for a terminal with the characters a file could smuggle in written out as \u00NN: a prompt, a file name or a
 * chunk name holding ESC sequences would otherwise clear the screen, recolour it or move the cursor over what GenLog
 * printed; a carriage return not ending a line would let it overwrite a line, and bidirectional overrides reorder
 * one. Tabs and line breaks stay. \u00NN, not \xNN: in --json output it is a JSON escape of the very same character
 * (JSON.stringify leaves DEL and the C1 controls raw), so the JSON stays valid and exact.
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A writer that passes GenLog's own line rewrite through and makes the rest terminal-safe. */
export function terminalSafeWriter(write: (s: string) => void): (s: string) => void {
  return (s) => write(s.startsWith(REWRITE_LINE) ? REWRITE_LINE + terminalSafe(s.slice(REWRITE_LINE.length)) : terminalSafe(s));
}
