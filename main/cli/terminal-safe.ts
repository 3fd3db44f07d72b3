/** What a progress line starts with on a terminal: back to the line's start and erase it. GenLog's own, kept as is. */
export const REWRITE_LINE = '\r\x1b[K';

/**
 * Text for a terminal with the control characters a file could smuggle in written out as \xNN: a prompt, a file
 * name or a chunk name holding ESC sequences would otherwise clear the screen, recolour it or move the cursor over
 * what GenLog printed. Tabs and line breaks stay.
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** A writer that passes GenLog's own line rewrite through and makes the rest terminal-safe. */
export function terminalSafeWriter(write: (s: string) => void): (s: string) => void {
  return (s) => write(s.startsWith(REWRITE_LINE) ? REWRITE_LINE + terminalSafe(s.slice(REWRITE_LINE.length)) : terminalSafe(s));
}
