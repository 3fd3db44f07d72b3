import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { composePacketEmail, packetMessageId, sendEmail } from '../../main/packet/email';
import { renderSummaryPdf } from '../../main/packet/pdf';
import { parseSmtpUrl } from '../../main/packet/smtp-url';
import { verifyPacket } from '../../main/packet/verify';
import { tempDir } from './helpers';
import { buildPacket } from './packet-fixture';
import type { BuiltPacket } from './packet-fixture';
import { closedPort, SMTP_PASS, SMTP_USER, startSilentServer, startSmtpServer } from './smtp-server-fixture';
import type { TestSmtpServer } from './smtp-server-fixture';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const t = tempDir('genlog-smtp-');
let built: BuiltPacket;
let pdf: Buffer;
let server: TestSmtpServer | undefined;

beforeAll(async () => {
  built = await buildPacket(t.dir);
  pdf = await renderSummaryPdf(built.manifest);
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(() => t.cleanup());

const mail = () => composePacketEmail({
  manifest: built.manifest,
  zipPath: built.zipPath,
  pdf,
  from: 'genlog@northlight.example',
  cc: 'tom.avery@northlight.example',
  messageId: packetMessageId(built.manifest.packetId),
});

const smtpError = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });

describe('sendEmail over SMTP', () => {
  it('delivers the packet with both attachments intact on the receiving side', async () => {
    server = await startSmtpServer();
    const result = await sendEmail(server.url(), mail());
    expect(result).toMatchObject({ status: 'sent', messageId: '<packet-PKT-HL-2025-0007@genlog.local>', rejected: [] });
    if (result.status !== 'sent') throw new Error('not sent');
    expect(result.response).toContain('Queued as TEST123');

    expect(server.received).toHaveLength(1);
    const got = server.received[0]!;
    expect(got.user).toBe(SMTP_USER);
    expect(got.from).toBe('genlog@northlight.example');
    expect(got.to).toEqual(['dana.whitfield@example.com', 'tom.avery@northlight.example']);

    const parsed = await simpleParser(got.raw);
    expect(parsed.messageId).toBe('<packet-PKT-HL-2025-0007@genlog.local>');
    expect(parsed.subject).toContain('Harbour Lights');
    const zip = parsed.attachments.find((a) => a.filename === 'PKT-HL-2025-0007.zip');
    const summary = parsed.attachments.find((a) => a.filename === 'summary.pdf');
    expect(sha(zip!.content)).toBe(sha(readFileSync(built.zipPath)));
    expect(sha(summary!.content)).toBe(sha(pdf));
    // What arrived is still a valid, verifiable packet.
    const arrived = path.join(t.dir, 'arrived.zip');
    writeFileSync(arrived, zip!.content);
    expect(await verifyPacket(arrived)).toEqual({ valid: true, problems: [] });
  });

  it('server down -> failed, not permanent (retry later)', async () => {
    const port = await closedPort();
    const result = await sendEmail(`smtp://127.0.0.1:${port}?tls=off`, mail());
    expect(result).toMatchObject({ status: 'failed', permanent: false });
    if (result.status === 'failed') expect(result.error).toMatch(new RegExp(`Not sent.*127\\.0\\.0\\.1:${port}.*ECONNREFUSED`));
  });

  it('a server that never greets -> failed, not permanent, within the greeting timeout', async () => {
    const silent = await startSilentServer();
    try {
      const started = Date.now();
      const result = await sendEmail(`smtp://127.0.0.1:${silent.port}?tls=off`, mail(), { greetingTimeoutMs: 300, connectionTimeoutMs: 300, socketTimeoutMs: 1000 });
      expect(result).toMatchObject({ status: 'failed', permanent: false });
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await silent.close();
    }
  });

  it('5xx to every RCPT -> failed, permanent, with the server reason', async () => {
    server = await startSmtpServer({
      onRcptTo: (_address, _session, callback) => callback(smtpError('5.1.1 Mailbox unavailable: no such user here', 550)),
    });
    const result = await sendEmail(server.url(), mail());
    expect(result).toMatchObject({ status: 'failed', permanent: true });
    if (result.status === 'failed') expect(result.error).toContain('Mailbox unavailable: no such user here');
    expect(server.received).toHaveLength(0);
  });

  it('5xx to one of two recipients -> sent, naming the refused one', async () => {
    server = await startSmtpServer({
      onRcptTo: (address, _session, callback) => callback(address.address.startsWith('tom.') ? smtpError('5.1.1 Unknown user', 550) : null),
    });
    const result = await sendEmail(server.url(), mail());
    expect(result).toMatchObject({ status: 'sent', accepted: ['dana.whitfield@example.com'], rejected: ['tom.avery@northlight.example'] });
  });

  it('5xx after DATA -> failed, permanent, with the server reason', async () => {
    server = await startSmtpServer({
      onData(stream, _session, callback) {
        stream.resume();
        stream.on('end', () => callback(smtpError('5.7.1 Message rejected by content policy', 554)));
      },
    });
    const result = await sendEmail(server.url(), mail());
    expect(result).toMatchObject({ status: 'failed', permanent: true });
    if (result.status === 'failed') expect(result.error).toContain('Message rejected by content policy');
  });

  it('4xx -> failed, not permanent, with the server reason', async () => {
    server = await startSmtpServer({
      onRcptTo: (_address, _session, callback) => callback(smtpError('4.2.2 Mailbox full, try later', 452)),
    });
    const result = await sendEmail(server.url(), mail());
    expect(result).toMatchObject({ status: 'failed', permanent: false });
    if (result.status === 'failed') expect(result.error).toContain('Mailbox full, try later');
  });

  it('connection destroyed during DATA -> failed, not permanent, never sent', async () => {
    const holder: { server?: TestSmtpServer } = {};
    server = await startSmtpServer({
      onData(stream, session, callback) {
        stream.once('data', () => {
          for (const connection of holder.server!.server.connections) if (connection.id === session.id) connection._socket.destroy();
        });
        stream.on('error', () => undefined);
        stream.on('end', () => callback(null, 'should never get here'));
      },
    });
    holder.server = server;
    const result = await sendEmail(server.url(), mail());
    expect(result).toMatchObject({ status: 'failed', permanent: false });
    expect(server.received).toHaveLength(0);
  });

  it('wrong password -> failed, permanent (a person must fix the settings)', async () => {
    server = await startSmtpServer();
    const result = await sendEmail(`smtp://${SMTP_USER}:wrong@127.0.0.1:${server.port}?tls=off`, mail());
    expect(result).toMatchObject({ status: 'failed', permanent: true });
    if (result.status === 'failed') expect(result.error).toContain('Authentication credentials invalid');
  });

  it('STARTTLS is required by default: a server without it is refused, not sent to in clear', async () => {
    server = await startSmtpServer();
    const result = await sendEmail(server.url(''), mail());
    expect(result).toMatchObject({ status: 'failed', permanent: true });
    if (result.status === 'failed') expect(result.error).toMatch(/TLS mode of the SMTP address/);
    expect(server.received).toHaveLength(0);
  });

  it('a bad SMTP URL -> failed, permanent, never a throw', async () => {
    const result = await sendEmail('http://mail.example.com', mail());
    expect(result).toMatchObject({ status: 'failed', permanent: true });
    if (result.status === 'failed') expect(result.error).toMatch(/must start with smtp:\/\/ or smtps:\/\//);
  });
});

describe('parseSmtpUrl', () => {
  it('reads host, port, credentials and TLS mode with safe defaults', () => {
    expect(parseSmtpUrl('smtp://mail.example.com')).toEqual({ host: 'mail.example.com', port: 587, tls: 'starttls' });
    expect(parseSmtpUrl('smtps://u%40x:p%3Aw@mail.example.com')).toEqual({ host: 'mail.example.com', port: 465, tls: 'implicit', user: 'u@x', pass: 'p:w' });
    expect(parseSmtpUrl(`smtp://${SMTP_USER}:${encodeURIComponent(SMTP_PASS)}@127.0.0.1:2525?tls=off`)).toEqual({ host: '127.0.0.1', port: 2525, tls: 'off', user: SMTP_USER, pass: SMTP_PASS });
    expect(parseSmtpUrl('smtp://relay.local:25?tls=optional').tls).toBe('optional');
    expect(parseSmtpUrl('smtp://[::1]:2525?tls=off').host).toBe('::1');
  });

  it('refuses what it does not understand', () => {
    expect(() => parseSmtpUrl('not a url')).toThrow(/not a valid URL/);
    expect(() => parseSmtpUrl('smtp://mail.example.com?tsl=off')).toThrow(/unknown setting "tsl"/);
    expect(() => parseSmtpUrl('smtp://mail.example.com?tls=maybe')).toThrow(/unknown TLS mode "tls=maybe"/);
    expect(() => parseSmtpUrl('smtps://mail.example.com?tls=off')).toThrow(/smtps:\/\/ always uses TLS/);
  });
});
