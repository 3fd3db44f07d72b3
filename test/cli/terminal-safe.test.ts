import { describe, expect, it } from 'vitest';
import { REWRITE_LINE, terminalSafe, terminalSafeWriter } from '../../main/cli/terminal-safe';

describe('terminal-safe output', () => {
  it('writes control characters out as \\xNN, keeping tabs and line breaks', () => {
    expect(terminalSafe('a\x1b[2Jb\tc\nd\re\x07\x9b')).toBe('a\\x1b[2Jb\tc\nd\re\\x07\\x9b');
    expect(terminalSafe('Änderung – ✓')).toBe('Änderung – ✓');
  });

  it("passes GenLog's own line rewrite through, and only at the start", () => {
    const out: string[] = [];
    const write = terminalSafeWriter((s) => void out.push(s));
    write(`${REWRITE_LINE}hashing shot\x1b[31m.exr`);
    write(`done ${REWRITE_LINE}`);
    expect(out).toEqual([`${REWRITE_LINE}hashing shot\\x1b[31m.exr`, 'done \r\\x1b[K']);
  });
});
