/**
 * Characters that must not reach a terminal or a log line as they are: C0 and C1 controls (ESC starts terminal
 * escape sequences, CR and LF split one-line messages), DEL, the line and paragraph separators, and the
 * bidirectional overrides that can make text display in an order other than it reads.
 */
const UNPRINTABLE = /[\p{Cc}\p{Zl}\p{Zp}\u202a-\u202e\u2066-\u2069]/gu;

function escaped(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text taken from a file (a chunk name, a box type, a library's message quoting the file) made safe to put in an
 * error message: every unprintable character is written as an escape such as \x1b, so a hostile file cannot clear
 * the screen or forge extra lines in the CLI's one-line-per-asset output.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, escaped);
}
