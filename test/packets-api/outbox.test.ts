import { readFileSync, writeFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../main/services/packets';
import { ok } from '../support/context';
import { closedPort, startSmtpServer, type TestSmtpServer } from '../packet/smtp-server-fixture';
import { fileSha, sha, world, xorProtector, type World } from './fixture';

let server: TestSmtpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const smtpError = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });

async function queued(w: World) {
  ok(await w.api.setPacketSettings({ facilityManagerEmail: 'tom.avery@northlight.example' }));
  const p = ok(await w.api.buildPacket({ production: 'HL' }));
  return ok(await w.api.approvePacket({ id: p.id, by: 'Tom Avery' }));
}

describe('sendOutbox', () => {
  it('delivers to the Netflix contact, cc the manager, with the packet and summary.pdf attached, and never twice', async () => {
    const w = await world();
    const p = await queued(w);
    server = await startSmtpServer();
    const run = ok(await w.api.sendOutbox({ smtpUrl: server.url() }));
    expect(run).toMatchObject({ attempted: 1, sent: 1, retrying: 0, failed: 0, interrupted: [] });
    expect(server.received).toHaveLength(1);
    const got = server.received[0]!;
    expect(got.from).toBe('tom.avery@northlight.example');
    expect(got.to).toEqual(['dana.whitfield@netflix.com', 'tom.avery@northlight.example']);
    const mail = await simpleParser(got.raw);
    expect(mail.messageId).toBe(`<packet-${p.uuid}@genlog.local>`);
    expect(mail.subject).toContain('Harbour Lights (HL)');
    expect(mail.text).toContain('Needs your attention');
    const zip = mail.attachments.find((a) => a.filename === `${p.uuid}.zip`);
    expect(sha(zip!.content)).toBe(p.sha256);
    expect(mail.attachments.find((a) => a.filename === 'summary.pdf')?.content.subarray(0, 5).toString()).toBe('%PDF-');

    const sent = ok(await w.api.getPacket({ id: p.id }));
    expect(sent).toMatchObject({ state: 'sent', sentAt: '2026-03-10T10:00:00.000Z', attempts: 1, lastError: null, messageId: `<packet-${p.uuid}@genlog.local>` });
    expect(sent.smtpResponse).toContain('Queued as TEST123');
    expect(sent.history.map((e) => e.action)).toEqual(['built', 'approved', 'queued', 'sending', 'sent']);
    expect(ok(await w.api.sendOutbox({ smtpUrl: server.url(), all: true }))).toMatchObject({ attempted: 0 });
    expect(server.received).toHaveLength(1);

    // Only a person sends it again, with the same Message-ID.
    ok(await w.api.resendPacket({ id: p.id, by: 'Tom Avery', reason: 'contact lost the mail' }));
    ok(await w.api.sendOutbox({ smtpUrl: server.url() }));
    expect(server.received).toHaveLength(2);
    expect((await simpleParser(server.received[1]!.raw)).messageId).toBe(`<packet-${p.uuid}@genlog.local>`);
  });

  it('server down: stays queued with a retry time, waits for it, then is sent when the server is up', async () => {
    const w = await world();
    const p = await queued(w);
    const down = `smtp://127.0.0.1:${await closedPort()}?tls=off`;
    const run = ok(await w.api.sendOutbox({ smtpUrl: down }));
    expect(run).toMatchObject({ attempted: 1, sent: 0, retrying: 1 });
    const waiting = ok(await w.api.getPacket({ id: p.id }));
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: '2026-03-10T10:01:00.000Z' });
    expect(waiting.lastError).toMatch(/ECONNREFUSED/);

    server = await startSmtpServer();
    expect(ok(await w.api.sendOutbox({ smtpUrl: server.url() }))).toMatchObject({ attempted: 0 });
    w.clock.advance(30_000);
    ok(await w.api.sendOutbox({ smtpUrl: down }));
    expect(server.received).toHaveLength(0);
    w.clock.advance(31_000);
    expect(ok(await w.api.sendOutbox({ smtpUrl: down }))).toMatchObject({ retrying: 1 });
    expect(ok(await w.api.getPacket({ id: p.id }))).toMatchObject({ attempts: 2, nextAttemptAt: '2026-03-10T10:03:01.000Z' });
    w.clock.advance(120_000);
    expect(ok(await w.api.sendOutbox({ smtpUrl: server.url() }))).toMatchObject({ sent: 1 });
    expect(ok(await w.api.getPacket({ id: p.id }))).toMatchObject({ state: 'sent', attempts: 3, lastError: null, nextAttemptAt: null });
    expect(server.received).toHaveLength(1);
  });

  it('backs off from 1 minute, doubling, to at most 1 hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it('5xx: failed with the reason and no automatic retry until a person re-queues it', async () => {
    const w = await world();
    const p = await queued(w);
    server = await startSmtpServer({
      onData(stream, _session, callback) {
        stream.resume();
        stream.on('end', () => callback(smtpError('5.7.1 Message rejected by content policy', 554)));
      },
    });
    expect(ok(await w.api.sendOutbox({ smtpUrl: server.url() }))).toMatchObject({ failed: 1 });
    const failed = ok(await w.api.getPacket({ id: p.id }));
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, nextAttemptAt: null, sentAt: null });
    expect(failed.lastError).toContain('Message rejected by content policy');
    await server.close();
    server = await startSmtpServer();
    w.clock.advance(86_400_000);
    expect(ok(await w.api.sendOutbox({ smtpUrl: server.url(), all: true }))).toMatchObject({ attempted: 0 });
    ok(await w.api.resendPacket({ id: p.id, by: 'Tom Avery' }));
    expect(ok(await w.api.sendOutbox({ smtpUrl: server.url() }))).toMatchObject({ sent: 1 });
    expect(ok(await w.api.getPacket({ id: p.id })).history.map((e) => e.action)).toEqual(['built', 'approved', 'queued', 'sending', 'failed', 'requeued', 'sending', 'sent']);
  });

  it('a connection dropped during DATA is not recorded as sent', async () => {
    const w = await world();
    const p = await queued(w);
    const holder: { server?: TestSmtpServer } = {};
    server = await startSmtpServer({
      onData(stream, session, callback) {
        stream.once('data', () => {
          for (const c of holder.server!.server.connections) if (c.id === session.id) c._socket.destroy();
        });
        stream.on('error', () => undefined);
        stream.on('end', () => callback(null, 'should never get here'));
      },
    });
    holder.server = server;
    expect(ok(await w.api.sendOutbox({ smtpUrl: server.url() }))).toMatchObject({ sent: 0, retrying: 1 });
    expect(ok(await w.api.getPacket({ id: p.id }))).toMatchObject({ state: 'queued', sentAt: null, attempts: 1 });
  });

  it('never sends a draft, nor a packet whose approved file changed on disk', async () => {
    const w = await world();
    const p = await queued(w);
    const draft = ok(await w.api.buildPacket({ production: 'HL', episode: '102' }));
    const bytes = readFileSync(p.path);
    bytes[bytes.length - 30]! ^= 1;
    writeFileSync(p.path, bytes);
    server = await startSmtpServer();
    const run = ok(await w.api.sendOutbox({ smtpUrl: server.url() }));
    expect(run).toMatchObject({ attempted: 1, failed: 1 });
    expect(run.packets[0]!.error).toMatch(/no longer the approved file/);
    expect(server.received).toHaveLength(0);
    expect(ok(await w.api.getPacket({ id: draft.id })).state).toBe('draft');
    expect(fileSha(draft.path)).toBe(draft.sha256);
  });

  it('needs a sender and a server; a stored password never sits in the db in clear', async () => {
    const w = await world();
    const p = ok(await w.api.approvePacket({ id: ok(await w.api.buildPacket({ production: 'HL' })).id, by: 'Tom' }));
    expect(await w.api.sendOutbox({})).toMatchObject({ ok: false, error: { message: expect.stringMatching(/No mail server is set. Set one on the Settings page, or export the packet \(Export \.eml…\)/) } });
    server = await startSmtpServer();
    expect(await w.api.sendOutbox({ smtpUrl: server.url() })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/facility manager's email/) } });
    expect(ok(await w.api.getPacket({ id: p.id })).state).toBe('queued');
    expect(await w.api.setPacketSettings({ smtpPassword: 'secret' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/only be stored by the GenLog desktop app/) } });
  });
});

describe('settings with a protector (the desktop app)', () => {
  it('keeps the SMTP password encrypted and builds the SMTP address from settings', async () => {
    const w = await world({ protector: xorProtector });
    server = await startSmtpServer();
    const s = ok(await w.api.setPacketSettings({
      smtpHost: '127.0.0.1', smtpPort: server.port, smtpTls: 'off', smtpUser: 'genlog', smtpPassword: 'p@ss:word/1',
      facilityManagerEmail: 'tom.avery@northlight.example', fromAddress: 'packets@northlight.example', sizeCapMb: 5,
    }));
    expect(s).toMatchObject({ smtpConfigured: true, smtpPasswordSet: true, canStorePassword: true, sizeCapBytes: 5 * 1024 * 1024, fromAddress: 'packets@northlight.example' });
    expect(JSON.stringify(s)).not.toContain('p@ss');
    const dump = JSON.stringify(w.ctx.db.prepare('SELECT * FROM settings').all());
    expect(dump).not.toContain('p@ss:word/1');
    const p = ok(await w.api.approvePacket({ id: ok(await w.api.buildPacket({ production: 'HL' })).id, by: 'Tom' }));
    expect(ok(await w.api.sendOutbox({}))).toMatchObject({ sent: 1 });
    expect(server.received[0]).toMatchObject({ user: 'genlog', from: 'packets@northlight.example' });
    expect(ok(await w.api.getPacket({ id: p.id })).state).toBe('sent');
    expect(ok(await w.api.setPacketSettings({ smtpPassword: null, smtpHost: '' }))).toMatchObject({ smtpPasswordSet: false, smtpConfigured: false });
  });
});
