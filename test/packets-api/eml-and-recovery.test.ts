import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { takeLease } from '../../main/services/packets/outbox-lease';
import { OutboxWorker, protectorFromSafeStorage, recoverInterruptedSends } from '../../main/services/packets';
import { ok } from '../support/context';
import { startSmtpServer, type TestSmtpServer } from '../packet/smtp-server-fixture';
import { sha, world } from './fixture';

let server: TestSmtpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('exportPacketEml', () => {
  it('writes a ready-to-send .eml with both attachments and records who exported it; a person then confirms it was sent', async () => {
    const w = await world();
    ok(await w.api.setPacketSettings({ facilityManagerEmail: 'tom.avery@northlight.example' }));
    const draft = ok(await w.api.buildPacket({ production: 'HL' }));
    const out = join(w.dir, 'packet.eml');
    expect(await w.api.exportPacketEml({ id: draft.id, out })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/only an approved packet/) } });
    expect(existsSync(out)).toBe(false);
    const p = ok(await w.api.approvePacket({ id: draft.id, by: 'Tom Avery' }));
    expect(await w.api.confirmPacketSent({ id: p.id })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/never exported as \.eml/) } });
    expect(await w.api.exportPacketEml({ id: p.id, out: join(w.dir, 'missing', 'x.eml') })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/does not exist/) } });

    const exported = ok(await w.api.exportPacketEml({ id: p.id, out, by: 'Tom Avery' }));
    expect(exported).toMatchObject({ state: 'queued', emlExportedBy: 'Tom Avery', emlExportedAt: '2026-03-10T10:00:00.000Z', emlPath: out });
    const mail = await simpleParser(readFileSync(out));
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.messageId).toBe(p.messageId);
    expect((mail.to as { text: string }).text).toContain('dana.whitfield@netflix.com');
    expect(sha(mail.attachments.find((a) => a.filename === `${p.uuid}.zip`)!.content)).toBe(p.sha256);
    expect(mail.attachments.map((a) => a.filename)).toContain('summary.pdf');

    const confirmed = ok(await w.api.confirmPacketSent({ id: p.id, by: 'Tom Avery', note: 'sent from Outlook' }));
    expect(confirmed).toMatchObject({ state: 'sent', sentAt: '2026-03-10T10:00:00.000Z' });
    expect(confirmed.smtpResponse).toMatch(/confirmed sent by Tom Avery from the \.eml exported by Tom Avery: sent from Outlook/);
    expect(ok(await w.api.getPacket({ id: p.id })).history.map((e) => e.action)).toEqual(['built', 'approved', 'queued', 'eml-exported', 'confirmed']);
  });
});

describe('an interrupted send', () => {
  it('is found in sending, becomes unknown, is never sent by itself, and waits for a person', async () => {
    const w = await world();
    ok(await w.api.setPacketSettings({ facilityManagerEmail: 'tom.avery@northlight.example' }));
    const p = ok(await w.api.approvePacket({ id: ok(await w.api.buildPacket({ production: 'HL' })).id, by: 'Tom' }));
    w.ctx.db.prepare("UPDATE packets SET state = 'sending' WHERE id = ?").run(p.id);

    // While a live sender (this process) holds the outbox, its 'sending' packet is really in flight: untouched.
    const token = w.ctx.db.transaction(() => takeLease(w.ctx)).immediate();
    expect(token).toBeDefined();
    expect(recoverInterruptedSends(w.ctx)).toEqual([]);
    expect(await w.api.sendOutbox({ smtpUrl: 'smtp://127.0.0.1:9?tls=off' })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/being sent by another GenLog \(process \d+\)/) } });
    w.ctx.db.prepare("UPDATE settings SET value = json_set(value, '$.pid', 2147483646) WHERE key = 'packet.outbox.lease'").run();

    expect(ok(await w.api.listOutbox({})).map((x) => [x.id, x.state])).toEqual([[p.id, 'unknown']]);
    server = await startSmtpServer();
    expect(ok(await w.api.sendOutbox({ smtpUrl: server.url(), all: true }))).toMatchObject({ attempted: 0 });
    expect(server.received).toHaveLength(0);
    expect(await w.api.resendPacket({ id: p.id, by: 'Tom' })).toMatchObject({ ok: true, value: { state: 'queued' } });
    expect(ok(await w.api.sendOutbox({ smtpUrl: server.url() }))).toMatchObject({ sent: 1 });
    const history = ok(await w.api.getPacket({ id: p.id })).history;
    expect(history.find((e) => e.action === 'interrupted')).toMatchObject({ from: 'sending', to: 'unknown', by: 'GenLog outbox' });
  });
});

describe('OutboxWorker', () => {
  it('sends queued packets on its own, rounds never overlap, and stop waits for the round in progress', async () => {
    const w = await world();
    ok(await w.api.setPacketSettings({ facilityManagerEmail: 'tom.avery@northlight.example' }));
    let release: () => void = () => undefined;
    let dataCalls = 0;
    server = await startSmtpServer({
      onData(stream, _session, callback) {
        dataCalls += 1;
        stream.resume();
        stream.on('end', () => { release = () => callback(null, 'Queued as W1'); });
      },
    });
    const p = ok(await w.api.approvePacket({ id: ok(await w.api.buildPacket({ production: 'HL' })).id, by: 'Tom' }));
    const rounds: unknown[] = [];
    const url = server.url();
    const worker = new OutboxWorker(w.ctx, { smtpUrl: () => url, onRound: (r) => rounds.push(r) });
    worker.start(100);
    await until(() => dataCalls === 1);
    await new Promise((r) => setTimeout(r, 350)); // several intervals pass while the server holds the reply
    expect(dataCalls).toBe(1);
    expect(ok(await w.api.getPacket({ id: p.id })).state).toBe('sending');
    const stopping = worker.stop();
    release();
    await stopping;
    expect(ok(await w.api.getPacket({ id: p.id }))).toMatchObject({ state: 'sent', smtpResponse: expect.stringContaining('Queued as W1') });
    expect(rounds).toEqual([{ run: expect.objectContaining({ sent: 1 }) }]);
    expect(worker.running).toBe(false);
  });

  it('adapts Electron safeStorage, and offers no protector when the OS cannot encrypt', () => {
    const fake = { isEncryptionAvailable: () => true, encryptString: (s: string) => Buffer.from(s).reverse(), decryptString: (b: Buffer) => Buffer.from(b).reverse().toString() };
    const protector = protectorFromSafeStorage(fake)!;
    expect(protector.decrypt(protector.encrypt(Buffer.from('PEM text')))).toEqual(Buffer.from('PEM text'));
    expect(protectorFromSafeStorage({ ...fake, isEncryptionAvailable: () => false })).toBeUndefined();
  });
});

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
