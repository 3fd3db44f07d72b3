import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';

async function run(...argv: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await runCli(argv, { io: { stdout: (s) => { stdout += s; }, stderr: () => undefined } });
  return { code, stdout };
}

describe('genlog --help', () => {
  it('lists every command; COMMAND --help shows that command alone; a group word lists its commands', async () => {
    const all = await run('--help');
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/genlog watch add DIR[\s\S]*genlog inbox confirm ID/);

    const log = await run('log', '--help');
    expect(log.code).toBe(0);
    expect(log.stdout).toMatch(/^Usage: genlog log /);
    expect(log.stdout).toMatch(/Options:\n(.*\n)* {2}--recursive\n/);
    expect(log.stdout).toMatch(/ {2}--production VALUE\n/);
    expect(log.stdout).not.toMatch(/genlog inbox/);

    // Flags whose meaning the usage line cannot say are explained beside them, with their defaults.
    const watchRun = await run('watch', 'run', '--help');
    expect(watchRun.stdout).toMatch(/\n {2}--stable-ms VALUE {3}a file counts as written once its size has not changed for this long \(default 2000\)\n/);
    expect(watchRun.stdout).toMatch(/\n {2}--settle-ms VALUE {3}quiet time in a folder .*\(default 1500\)\n/);
    expect(watchRun.stdout).toMatch(/\n {2}--poll {14}poll for changes/);

    const watch = await run('watch', '-h');
    expect(watch.stdout).toMatch(/genlog watch add[\s\S]*genlog watch list[\s\S]*genlog watch run/);
    expect(watch.stdout).not.toMatch(/genlog log /);
  });
});
