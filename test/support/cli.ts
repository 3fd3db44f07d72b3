import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'genlog.js');

export interface CliResult { code: number; stdout: string; stderr: string; json: () => any } // eslint-disable-line @typescript-eslint/no-explicit-any -- tests index into CLI JSON freely

/** Runs the built CLI exactly as a script would. `npm test` builds before vitest runs. */
export function genlog(args: string[], env: Record<string, string> = {}, input?: string): CliResult {
  if (!existsSync(join(root, 'dist', 'main', 'cli.js'))) throw new Error('dist/main/cli.js is missing: run `npm run build` first');
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, GENLOG_DB: '', ...env }, input, timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}
