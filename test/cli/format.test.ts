import { describe, expect, it } from 'vitest';
import { keyValues } from '../../main/cli/format';

describe('keyValues', () => {
  it('lines up keys and continues a multi-line value under its first line', () => {
    expect(keyValues([['prompt', 'harbour at dusk,\nwide shot'], ['model', 'sdxl'], ['notes', null]])).toBe(
      'prompt  harbour at dusk,\n        wide shot\nmodel   sdxl\nnotes   \n',
    );
  });
});
