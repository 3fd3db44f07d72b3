import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmodSync, chownSync, existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'genlog.js');

export interface CliResult { code: number; stdout: string; stderr: string; json: () => any } // eslint-disable-line @typescript-eslint/no-explicit-any -- tests index into CLI JSON freely

/** Runs the built CLI exactly as a script would. `npm test` builds before vitest runs. */
export function genlog(args: string[], env: Record<string, string> = {}, input?: string): CliResult {
  if (!existsSync(join(root, 'dist', 'main', 'cli.js'))) throw new Error('dist/main/cli.js is missing: run `npm run build` first');
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, GENLOG_DB: '', ...env }, input, timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

const NOBODY = 65534;

/**
 * Runs the CLI as a user a `chmod 000` file keeps out. Root reads every file, so as root this runs as "nobody"
 * (uid 65534) after handing `dir` (the db and the files of the test) to that user and letting it through the
 * folders above `dir` up to the temp root; as anyone else it is genlog() itself.
 */
export function genlogUnprivileged(dir: string, args: string[]): CliResult {
  if (process.getuid?.() !== 0) return genlog(args);
  handOver(dir);
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8', env: { ...process.env, GENLOG_DB: '', HOME: dir }, timeout: 60_000, uid: NOBODY, gid: NOBODY,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

/** genlogUnprivileged for a long-running command (`watch run`): the process, its output piped. */
export function spawnGenlogUnprivileged(dir: string, args: string[]): ChildProcessWithoutNullStreams {
  const root = process.getuid?.() === 0;
  if (root) handOver(dir);
  return spawn(process.execPath, [bin, ...args], {
    env: { ...process.env, GENLOG_DB: '', HOME: dir }, stdio: 'pipe', ...(root ? { uid: NOBODY, gid: NOBODY } : {}),
  });
}

/** Gives `dir` (db and files) to "nobody" and lets that user through the folders above it up to the temp root. */
function handOver(dir: string): void {
  const chownAll = (path: string) => {
    chownSync(path, NOBODY, NOBODY);
    if (statSync(path).isDirectory()) for (const name of readdirSync(path)) chownAll(join(path, name));
  };
  chownAll(dir);
  for (let up = dirname(dir); up.startsWith(tmpdir()); up = dirname(up)) chmodSync(up, statSync(up).mode | 0o001);
}
