import { describe, expect, it } from 'vitest';
import { REWRITE_LINE, terminalSafe, terminalSafeWriter } from '../../main/cli/terminal-safe';

describe('terminal-safe output', () => {
  it('writes control characters, lone carriage returns and bidi overrides out as \\u00NN, keeping tabs and line breaks', () => {
    expect(terminalSafe('a\x1b[2Jb\tc\nd\r\ne\x07\x9b')).toBe('a\\u001b[2Jb\tc\nd\r\ne\\u0007\\u009b');
    expect(terminalSafe('ok\rFAKE: signature valid')).toBe('ok\\u000dFAKE: signature valid');
    expect(terminalSafe('invoice\u202Egpj.exe')).toBe('invoice\\u202egpj.exe');
    expect(terminalSafe('Änderung – ✓')).toBe('Änderung – ✓');
  });

  it('keeps --json output valid JSON of the exact text: the escapes are JSON escapes of the same characters', () => {
    const value = { prompt: 'it\x92s \x7f\x1b[31m red\u202E', path: 'C:\\renders\\shot.png' };
    expect(JSON.parse(terminalSafe(JSON.stringify(value, null, 2)))).toEqual(value);
  });

  it("passes GenLog's own line rewrite through, and only at the start", () => {
    const out: string[] = [];
    const write = terminalSafeWriter((s) => void out.push(s));
    write(`${REWRITE_LINE}hashing shot\x1b[31m.exr`);
    write(`done ${REWRITE_LINE}`);
    expect(out).toEqual([`${REWRITE_LINE}hashing shot\\u001b[31m.exr`, 'done \\u000d\\u001b[K']);
  });
});
