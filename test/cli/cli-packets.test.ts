import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { readZip, zipBuffer } from '../../main/packet/zip-io';
import { ok, tempDir } from '../support/context';
import { closedPort, startSmtpServer } from '../packet/smtp-server-fixture';
import { world } from '../packets-api/fixture';

// The CLI is spawned asynchronously: the SMTP server these tests start lives in this process's event loop.
const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'genlog.js');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; json: () => any } // eslint-disable-line @typescript-eslint/no-explicit-any -- tests index into CLI JSON freely

function start(args: string[], env: Record<string, string> = {}) {
  if (!existsSync(join(root, 'dist', 'main', 'cli.js'))) throw new Error('dist/main/cli.js is missing: run `node scripts/build.mjs node` first');
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, GENLOG_DB: '', GENLOG_SMTP_URL: '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
  const done = new Promise<Run>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, json: () => JSON.parse(stdout) })));
  return { child, done };
}

const genlog = (args: string[], env?: Record<string, string>) => start(args, env).done;

/** The realistic production of the API tests, written to a file db through the API, then closed for the CLI. */
async function cliWorld(opts: { approved?: boolean } = {}) {
  const w = await world();
  ok(await w.api.setPacketSettings({ facilityManagerEmail: 'tom.avery@northlight.example' }));
  let packet: { id: number; uuid: string; sha256: string; path: string } | undefined;
  if (opts.approved) packet = ok(await w.api.approvePacket({ id: ok(await w.api.buildPacket({ production: 'HL' })).id, by: 'Tom Avery' }));
  w.ctx.db.close();
  const run = (...args: string[]) => genlog(['--db', w.ctx.dbPath, ...args]);
  return { dir: w.dir, db: w.ctx.dbPath, run, packet };
}

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

// Each test spawns the CLI a handful of times; on a busy machine one start can take seconds, hence the timeout.
describe.concurrent('genlog packet (spawned)', { timeout: 120_000 }, () => {
  it('build -> {id,path,sha256,assets}; verify passes; one changed byte fails naming the file; outsiders check with sha256sum and openssl', async () => {
    const { dir, run } = await cliWorld();
    const out = join(dir, 'HL-packet.zip');
    const built = await run('--json', 'packet', 'build', '--production', 'HL', '--out', out, '--by', 'Tom Avery');
    expect(built.code).toBe(0);
    const p = built.json();
    expect(p).toMatchObject({ id: 1, assets: 4, state: 'draft', path: expect.stringMatching(/packets\/[0-9a-f-]{36}\.zip$/) });
    expect(sha(readFileSync(p.path))).toBe(p.sha256);
    expect(sha(readFileSync(out))).toBe(p.sha256);
    expect(built.stderr).toMatch(/genlog packet approve 1 --by NAME/);

    // A recipient with GenLog but no database of their own.
    const stranger = join(tempDir(), 'nobody.db');
    const valid = await genlog(['--json', 'packet', 'verify', out], { GENLOG_DB: stranger });
    expect(valid.code).toBe(0);
    expect(valid.json()).toMatchObject({ valid: true, problems: [] });
    expect(existsSync(stranger)).toBe(false); // verifying needs no database and creates none

    const { files } = await readZip(out);
    const csv = Buffer.from(files.get('assets.csv')!);
    csv[csv.length - 3]! ^= 0x01;
    const tampered = join(dir, 'tampered.zip');
    writeFileSync(tampered, await zipBuffer([...files].map(([name, data]) => ({ name, data: name === 'assets.csv' ? csv : data })), new Date()));
    const bad = await genlog(['--json', 'packet', 'verify', tampered], { GENLOG_DB: stranger });
    expect(bad.code).toBe(1);
    expect(bad.json()).toMatchObject({ valid: false, problems: ['changed file: assets.csv'] });
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('changed file: assets.csv');

    const unpacked = join(dir, 'unpacked');
    mkdirSync(unpacked);
    for (const [name, data] of files) writeFileSync(join(unpacked, name), data);
    const sums = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: unpacked, encoding: 'utf8' });
    expect(sums.status).toBe(0);
    expect(sums.stdout).toMatch(/manifest\.json: OK[\s\S]*summary\.pdf: OK[\s\S]*assets\.csv: OK/);
    const sig = spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', 'facility-public-key.pem', '-rawin', '-in', 'SHA256SUMS', '-sigfile', 'SHA256SUMS.sig'], { cwd: unpacked, encoding: 'utf8' });
    expect(sig.status).toBe(0);
    expect(sig.stdout).toContain('Signature Verified Successfully');
    const der = spawnSync('openssl', ['pkey', '-pubin', '-in', 'facility-public-key.pem', '-outform', 'DER'], { cwd: unpacked });
    const manifest = JSON.parse(files.get('manifest.json')!.toString());
    expect(`SHA256:${sha(der.stdout).match(/.{4}/g)!.join(' ')}`).toBe(manifest.signingKeyFingerprint);

    const shown = await run('packet', 'show', '1');
    expect(shown.stdout).toMatch(/state\s+draft[\s\S]*Needs attention[\s\S]*blocked[\s\S]*History[\s\S]*built/);
  });

  it('approve needs --by and queues; eml writes an openable message; bad input writes nothing', async () => {
    const { dir, run } = await cliWorld();
    expect((await run('packet', 'build', '--production', 'HL')).code).toBe(0);
    const noBy = await run('packet', 'approve', '1');
    expect(noBy.code).toBe(2);
    expect(noBy.stderr).toMatch(/--by is required/);
    const eml = join(dir, 'HL.eml');
    const approved = await run('--json', 'packet', 'approve', '1', '--by', 'Tom Avery');
    expect(approved.code).toBe(0);
    expect(approved.json()).toMatchObject({ id: 1, state: 'queued', approvedBy: 'Tom Avery' });
    const exported = await run('--json', 'packet', 'eml', '1', '--out', eml, '--by', 'Tom Avery');
    expect(exported.code).toBe(0);
    const mail = await simpleParser(readFileSync(eml));
    const packet = approved.json();
    expect(mail.messageId).toBe(packet.messageId);
    expect(sha(mail.attachments.find((a) => a.filename === `${packet.uuid}.zip`)!.content)).toBe(packet.sha256);
    expect(mail.attachments.some((a) => a.filename === 'summary.pdf')).toBe(true);
    expect(exported.json()).toMatchObject({ emlExportedBy: 'Tom Avery', state: 'queued', emlPath: eml });

    expect((await run('packet', 'build', '--production', 'NOPE')).code).toBe(1);
    const badDate = await run('packet', 'build', '--production', 'HL', '--since', '2026-13-01');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr.trim().split('\n')).toHaveLength(1);
    expect((await run('--json', 'packet', 'list')).json()).toHaveLength(1);
  });

  it('outbox send: server down -> exit 1, stays queued with a retry time; sent once the server is up', async () => {
    const { run, db, packet } = await cliWorld({ approved: true });
    const down = await run('--json', 'outbox', 'send', '--smtp', `smtp://127.0.0.1:${await closedPort()}?tls=off`);
    expect(down.code).toBe(1);
    expect(down.json()).toMatchObject({ attempted: 1, sent: 0, retrying: 1 });
    expect(down.stderr).toMatch(/still queued/);
    expect(down.json().packets[0]).toMatchObject({ id: packet!.id, result: 'retrying', nextAttemptAt: expect.any(String) });

    const server = await startSmtpServer();
    try {
      const up = await genlog(['--json', '--db', db, 'outbox', 'send'], { GENLOG_SMTP_URL: server.url() });
      expect(up.code).toBe(0);
      expect(up.json()).toMatchObject({ sent: 1 });
      expect(server.received).toHaveLength(1);
      expect(server.received[0]!.to).toEqual(['dana.whitfield@netflix.com', 'tom.avery@northlight.example']);
      expect((await run('--json', 'outbox', 'list')).json()[0]).toMatchObject({
        state: 'sent', attempts: 2, smtpResponse: expect.stringContaining('Queued as TEST123'),
      });
    } finally {
      await server.close();
    }
  });

  it('a crash between send and record -> unknown, never sent twice; a person confirms it', async () => {
    const { run, db, packet } = await cliWorld({ approved: true });
    let dataCommands = 0;
    let holding = false;
    const server = await startSmtpServer({
      onData(stream) {
        dataCommands += 1;
        stream.resume();
        stream.on('end', () => { holding = true; }); // the message is in; the 250 never comes
      },
    });
    try {
      const sender = start(['--db', db, 'outbox', 'send', '--smtp', server.url()]);
      await until(() => holding);
      sender.child.kill('SIGKILL');
      expect((await sender.done).signal).toBe('SIGKILL');

      const listed = (await run('--json', 'outbox', 'list')).json();
      expect(listed[0]).toMatchObject({ id: packet!.id, state: 'unknown', sentAt: null });
      const second = await run('--json', 'outbox', 'send', '--smtp', server.url());
      expect(second.code).toBe(0);
      expect(second.json()).toMatchObject({ attempted: 0 });
      expect(dataCommands).toBe(1);

      const confirmed = await run('--json', 'outbox', 'confirm', String(packet!.id), '--by', 'Tom Avery', '--note', 'Dana replied');
      expect(confirmed.code).toBe(0);
      expect(confirmed.json()).toMatchObject({ state: 'sent' });
      const history = (await run('--json', 'packet', 'show', String(packet!.id))).json().history.map((e: { action: string }) => e.action);
      expect(history).toEqual(['built', 'approved', 'queued', 'sending', 'interrupted', 'confirmed']);
    } finally {
      await server.close();
    }
  });
});
