import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { genlog } from '../support/cli';
import { tempDir } from '../support/context';

const bin = join(__dirname, '..', '..', 'bin', 'genlog.js');

interface Served { url: string; port: number; token: string }

async function callApi<T>(s: Served, method: string, input: unknown): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${s.port}/api/${method}`, {
    method: 'POST', body: JSON.stringify(input), headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` },
  });
  const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value;
}

describe('genlog serve --watch (spawned)', () => {
  it('catches up on start, drafts a file written while serving into the inbox the API lists, and stops cleanly on SIGTERM', async () => {
    const dir = tempDir('genlog-cli-serve-watch-');
    const db = join(dir, 'g.db');
    const renders = join(dir, 'renders');
    mkdirSync(renders);
    writeFileSync(join(renders, 'before_start.exr'), randomBytes(2048));
    // Written a minute before the server starts (one modified moments before could still be being written).
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(join(renders, 'before_start.exr'), minuteAgo, minuteAgo);
    expect(genlog(['--db', db, 'production', 'add', '--code', 'SHOW1', '--title', 'The Show', '--contact', 'amy@netflix.com']).code).toBe(0);
    expect(genlog(['--db', db, 'watch', 'add', renders, '--production', 'SHOW1', '--by', 'ana']).code).toBe(0);
    expect(genlog(['serve', '--help']).stdout).toMatch(/^Usage: genlog serve \[--port N\] \[--watch\]\n\n.*--watch also watches the enabled watch folders/);

    const child = spawn(process.execPath, [bin, '--db', db, '--json', 'serve', '--port', '0', '--watch'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const served = await new Promise<Served>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
        createInterface({ input: child.stdout }).once('line', (line) => resolve(JSON.parse(line) as Served));
      });
      const inboxNames = async () =>
        (await callApi<{ rows: { fileName: string; prefill: { artist: string } }[] }>(served, 'listInbox', {})).rows.map((i) => i.fileName).sort();
      const waitFor = async (test: () => Promise<boolean>, what: string) => {
        const end = Date.now() + 15_000;
        while (!(await test())) {
          if (Date.now() > end) throw new Error(`timed out waiting for ${what}; stderr so far:\n${stderr}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      await waitFor(async () => (await inboxNames()).includes('before_start.exr'), 'the catch-up scan to draft before_start.exr');
      expect(stderr).toMatch(/Watching 1 enabled watch folder/);

      writeFileSync(join(renders, 'while_serving.exr'), randomBytes(4096));
      await waitFor(async () => (await inboxNames()).includes('while_serving.exr'), 'while_serving.exr to reach the inbox');
      expect(await inboxNames()).toEqual(['before_start.exr', 'while_serving.exr']);
      expect(stderr).toMatch(/Inbox #\d+: .*while_serving\.exr/);

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stderr).toMatch(/Stopped watching/);
    } finally {
      child.kill('SIGKILL');
    }
  }, 30_000);

  it('plain serve does not watch: nothing is drafted', async () => {
    const dir = tempDir('genlog-cli-serve-nowatch-');
    const db = join(dir, 'g.db');
    const renders = join(dir, 'renders');
    mkdirSync(renders);
    writeFileSync(join(renders, 'a.exr'), randomBytes(512));
    expect(genlog(['--db', db, 'production', 'add', '--code', 'SHOW1', '--title', 'The Show', '--contact', 'amy@netflix.com']).code).toBe(0);
    expect(genlog(['--db', db, 'watch', 'add', renders, '--production', 'SHOW1']).code).toBe(0);
    const child = spawn(process.execPath, [bin, '--db', db, '--json', 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const served = await new Promise<Served>((resolve) => createInterface({ input: child.stdout }).once('line', (line) => resolve(JSON.parse(line) as Served)));
      await new Promise((r) => setTimeout(r, 500));
      expect((await callApi<{ total: number }>(served, 'listInbox', {})).total).toBe(0);
      expect(stderr).not.toMatch(/Watching/);
      // The browser is told what to do in the app's words, not with genlog commands.
      await expect(callApi(served, 'logAssets', { files: [{ path: join(renders, 'a.exr') }], production: 'NOPE', tool: 'x' }))
        .rejects.toThrow(/No production with code "NOPE"\. Add it first \(Productions page\)/);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
