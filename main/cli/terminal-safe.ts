import { controlsWrittenOut } from '../format/controls-written-out';

/** What a progress line starts with on a terminal: back to the line's start and erase it. GenLog's own, kept as is. */
export const REWRITE_LINE = '\r\x1b[K';

/**
 * Text for a terminal: a prompt, a file name or a chunk name holding ESC sequences would otherwise clear the screen,
 * recolour it or move the cursor over what GenLog printed (see controlsWrittenOut).
 */
export const terminalSafe = controlsWrittenOut;

/** A writer that passes GenLog's own line rewrite through and makes the rest terminal-safe. */
export function terminalSafeWriter(write: (s: string) => void): (s: string) => void {
  return (s) => write(s.startsWith(REWRITE_LINE) ? REWRITE_LINE + terminalSafe(s.slice(REWRITE_LINE.length)) : terminalSafe(s));
}
