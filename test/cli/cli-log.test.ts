import { execFileSync } from 'node:child_process';
import { writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { genlog } from '../support/cli';
import { tempDir } from '../support/context';

function fresh() {
  const dir = tempDir();
  const db = join(dir, 'g.db');
  const run = (...args: string[]) => genlog(['--db', db, ...args]);
  expect(run('production', 'add', '--code', 'SHOW1', '--title', 'The Show', '--contact', 'amy@netflix.com', '--episodes', 'E1,E2').code).toBe(0);
  expect(run('tool', 'add', '--name', 'Firefly', '--hosting', 'enterprise-cloud', '--enterprise', 'yes').code).toBe(0);
  const file = (name: string, content = name) => { const p = join(dir, name); writeFileSync(p, content); return p; };
  return { dir, db, run, file };
}

describe('genlog CLI (spawned as a user would)', () => {
  it('logs files and prints the asset contract in --json, progress on stderr', () => {
    const { run, file } = fresh();
    const r = run('--json', 'log', file('a.png'), file('b.wav'), '--production', 'SHOW1', '--tool', 'Firefly', '--by', 'ana', '--prompt', 'castle', '--episode', 'E1');
    expect(r.code).toBe(0);
    const assets = r.json();
    expect(assets).toHaveLength(2);
    for (const key of ['id', 'production', 'episode', 'fileName', 'path', 'sha256', 'size', 'mediaType', 'classification', 'tool', 'createdBy', 'createdAt', 'prompt', 'notes', 'retired', 'duplicate']) {
      expect(assets[0]).toHaveProperty(key);
    }
    expect(assets[1]).toMatchObject({ production: 'SHOW1', fileName: 'b.wav', mediaType: 'audio', classification: 'temporary', tool: 'Firefly', createdBy: 'ana', retired: false, duplicate: false });
    expect(new Date(assets[0].createdAt).toISOString()).toBe(assets[0].createdAt);
    expect(r.stderr).toMatch(/Logged 2 new asset/);
    const again = run('--json', 'log', file('c.png', 'a.png'), '--production', 'SHOW1', '--tool', 'Firefly', '--by', 'ana').json();
    expect(again[0]).toMatchObject({ id: assets[0].id, duplicate: true });
  });

  it('logs all or nothing when one file is unreadable (exit 1, one-line message)', () => {
    const { run, file, dir } = fresh();
    const r = run('log', file('ok.png'), join(dir, 'gone.png'), '--production', 'SHOW1', '--tool', 'Firefly', '--by', 'ana');
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('gone.png": it does not exist. Nothing was logged: the paths named are logged all or none.');
    expect(run('--json', 'list').json()).toEqual([]);
    // A script reading --json gets an array even then; a named pipe is refused at once, not waited on.
    execFileSync('mkfifo', [join(dir, 'pipe.png')]);
    const piped = run('--json', 'log', file('ok2.png'), join(dir, 'pipe.png'), '--production', 'SHOW1', '--tool', 'Firefly', '--by', 'ana');
    expect(piped).toMatchObject({ code: 1, stderr: expect.stringContaining('pipe.png": it is not a regular file') });
    expect(piped.json()).toEqual([]);
    expect(run('--json', 'list').json()).toEqual([]);
  });

  it('lists with filters, shows history, marks and retires', () => {
    const { run, file } = fresh();
    const [a] = run('--json', 'log', file('dragon.png'), '--production', 'SHOW1', '--tool', 'Firefly', '--by', 'ana', '--prompt', 'red dragon').json();
    run('log', file('crowd.mov'), '--production', 'SHOW1', '--tool', 'Firefly', '--by', 'bob', '--class', 'deliverable');
    expect(run('--json', 'list', '--search', 'dragon').json().map((x: { fileName: string }) => x.fileName)).toEqual(['dragon.png']);
    expect(run('--json', 'list', '--class', 'deliverable').json()).toHaveLength(1);
    expect(run('--json', 'list', '--media', 'video', '--production', 'SHOW1').json()).toHaveLength(1);
    expect(run('--json', 'list', '--limit', '1').json()).toHaveLength(1);
    expect(run('--json', 'mark', String(a.id), 'deliverable', '--reason', 'final comp', '--by', 'lead').json()).toMatchObject({ classification: 'deliverable' });
    expect(run('--json', 'retire', String(a.id), '--reason', 'replaced by v2').json()).toMatchObject({ retired: true });
    const shown = run('--json', 'show', String(a.id)).json();
    expect(shown.history.map((e: { action: string }) => e.action)).toEqual(['logged', 'classified', 'retired']);
    expect(shown.history[1]).toMatchObject({ by: 'lead', field: 'classification', from: 'temporary', to: 'deliverable' });
    for (const k of ['at', 'by', 'action', 'field', 'from', 'to']) expect(shown.history[1]).toHaveProperty(k);
    expect(run('show', String(a.id)).stdout).toMatch(/History[\s\S]*classified/);
  });

  it('exits 2 on usage errors and 1 on other errors, writing nothing', () => {
    const { run } = fresh();
    expect(run('mark', '1', 'deliverable').code).toBe(2); // missing --reason
    expect(run('mark', '1', 'final', '--reason', 'x').code).toBe(2); // unknown value
    expect(run('list', '--bogus')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^genlog: Unknown option '--bogus'\.\nUsage: genlog list/) });
    // Arguments missing or too many: said in words, with the usage.
    expect(run('log', '--production', 'SHOW1', '--by', 'ana')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^genlog: missing FILE\|DIR \(one or more\)\.\nUsage: genlog log FILE/) });
    expect(run('show')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^genlog: missing ID\.\nUsage: genlog show ID/) });
    expect(run('show', '1', '2')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^genlog: too many arguments: show takes ID, got "1" "2"\./) });
    expect(run('list', 'extra')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^genlog: list takes no arguments, got "extra"\./) });
    expect(run('mark', '1')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^genlog: missing temporary\|deliverable \(after "1"\)\./) });
    expect(run('approval', 'import')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^genlog: missing FILE\.eml\.\n/) });
    expect(run('list', '--limit', '-7')).toMatchObject({ code: 2, stderr: expect.stringMatching(/Option '--limit' needs a value; .*written --limit=-7\./) });
    expect(run('show', 'abc')).toMatchObject({ code: 2, stderr: expect.stringMatching(/asset ids are positive whole numbers/) });
    expect(run('list', '--limit', 'abc')).toMatchObject({ code: 2, stderr: expect.stringMatching(/limit must be a whole number from 1 to 5,000/) });
    expect(run('list', '--class', 'final')).toMatchObject({ code: 2, stderr: 'genlog: classification must be temporary or deliverable\n' });
    expect(run('frobnicate')).toMatchObject({ code: 2, stderr: 'genlog: unknown command "frobnicate". Run genlog --help for the list.\n' });
    // A command word without its subcommand names the subcommands it takes.
    expect(run('watch')).toMatchObject({ code: 2, stderr: 'genlog: "watch" needs a subcommand, one of: add, list, enable, disable, remove, run. Run genlog watch --help for each.\n' });
    expect(run('inbox', 'approve')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^genlog: unknown command "inbox approve": "inbox" takes one of: list, show, confirm, dismiss, reopen\./) });
    expect(run('production', 'add', '--code', 'X', '--title', 'T', '--contact', 'not-an-email').code).toBe(2);
    const missing = run('show', '999');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No asset with id 999/);
    expect(run('production', 'add', '--code', 'SHOW1', '--title', 'T', '--contact', 'a@b.co').code).toBe(1);
    expect(run('--json', 'production', 'list').json()).toHaveLength(1);
  });

  it('edits a production, keeping what is not given, and validates stale days', () => {
    const { run } = fresh();
    expect(run('--json', 'production', 'edit', 'show1', '--stale-days', '14', '--title', 'Renamed').json()).toMatchObject({ code: 'SHOW1', title: 'Renamed', staleDays: 14, episodes: ['E1', 'E2'], contactEmail: 'amy@netflix.com' });
    expect(run('production', 'edit', 'SHOW1', '--stale-days', 'soon').code).toBe(2);
    expect(run('production', 'edit', 'SHOW1', '--stale-days', '0').code).toBe(2);
    expect(run('production', 'edit', 'NOPE', '--title', 'x').code).toBe(1);
    expect(run('--json', 'production', 'list').json()[0]).toMatchObject({ title: 'Renamed', staleDays: 14 });
  });

  it('finds the db from GENLOG_DB when --db is absent', () => {
    const dir = tempDir();
    const db = join(dir, 'env.db');
    expect(genlog(['production', 'add', '--code', 'P', '--title', 'T', '--contact', 'a@b.co'], { GENLOG_DB: db }).code).toBe(0);
    expect(existsSync(db)).toBe(true);
    expect(genlog(['--json', 'production', 'list'], { GENLOG_DB: db }).json()).toHaveLength(1);
  });

  it('serve --json prints the URL with a token and refuses requests without it', async () => {
    const { db } = fresh();
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [join(__dirname, '..', '..', 'bin', 'genlog.js'), '--db', db, 'serve', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout.once('data', (d: Buffer) => resolve(d.toString()));
        child.once('exit', (c) => reject(new Error(`serve exited ${c}`)));
      });
      const info = JSON.parse(line) as { url: string; port: number; token: string };
      expect(info.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${info.port}/\\?token=`));
      const denied = await fetch(`http://127.0.0.1:${info.port}/api/listProductions`, { method: 'POST', body: '{}' });
      expect(denied.status).toBe(401);
      const allowed = await fetch(`http://127.0.0.1:${info.port}/api/listProductions`, { method: 'POST', body: '{}', headers: { authorization: `Bearer ${info.token}` } });
      expect(await allowed.json()).toMatchObject({ ok: true, value: [{ code: 'SHOW1' }] });
    } finally {
      child.kill('SIGTERM');
    }
  });
});
