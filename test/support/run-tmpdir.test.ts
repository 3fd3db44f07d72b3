import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';
import { expect, it } from 'vitest';

it('temp folders of this run go under the run folder that global setup removes at the end', () => {
  expect(basename(tmpdir())).toMatch(/^genlog-vitest-/);
  expect(dirname(tmpdir())).not.toBe(tmpdir());
});
