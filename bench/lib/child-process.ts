import { spawn } from 'node:child_process';

export interface CommandRun {
  wallMs: number;
  stdout: string;
}

/** Runs a command to completion and times it from spawn to exit; rejects with its stderr when it fails. */
export function timeCommand(command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => reject(new Error(`Cannot run ${command}: ${error.message}`, { cause: error })));
    child.on('close', (code) => {
      const wallMs = performance.now() - startedAt;
      if (code !== 0) {
        reject(new Error(`${command} ${args.slice(0, 3).join(' ')} ... exited with ${code}: ${Buffer.concat(stderr).toString().trim()}`));
        return;
      }
      resolve({ wallMs, stdout: Buffer.concat(stdout).toString() });
    });
  });
}

/** Hex digests from `openssl dgst -sha256` ("SHA2-256(f)= hex") or `sha256sum` ("hex  f") output, in order. */
export function digestsIn(output: string): string[] {
  return [...output.matchAll(/\b[0-9a-f]{64}\b/g)].map((match) => match[0]);
}
