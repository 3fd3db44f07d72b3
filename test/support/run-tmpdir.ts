import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest global setup: every temp folder a test makes goes under one folder for the run, removed when the run ends.
 * Tests that end early or fail (and the CLI processes they start) used to leave about 70 MB in /tmp per run, which
 * adds up on a build machine. Set GENLOG_KEEP_TEST_TMP=1 to keep the folder for a look after a failure.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'genlog-vitest-'));
  // os.tmpdir() reads these on every call; the test processes are forked after this and inherit them.
  for (const name of ['TMPDIR', 'TMP', 'TEMP']) process.env[name] = root;
  return () => {
    if (process.env.GENLOG_KEEP_TEST_TMP) console.log(`test temp folders kept in ${root}`);
    else rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
