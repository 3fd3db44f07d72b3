import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEml, composePacketEmail, packetMessageId } from '../../main/packet/email';
import { renderSummaryPdf } from '../../main/packet/pdf';
import { buildFixtureManifest } from './fixture-manifest';
import { tempDir } from './helpers';
import { buildPacket } from './packet-fixture';
import type { BuiltPacket } from './packet-fixture';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const t = tempDir('genlog-email-');
let built: BuiltPacket;
let pdf: Buffer;

beforeAll(async () => {
  built = await buildPacket(t.dir);
  pdf = await renderSummaryPdf(built.manifest);
});
afterAll(() => t.cleanup());

function compose(overrides: Partial<Parameters<typeof composePacketEmail>[0]> = {}) {
  return composePacketEmail({
    manifest: built.manifest,
    zipPath: built.zipPath,
    pdf,
    from: { name: 'Northlight VFX GenLog', address: 'genlog@northlight.example' },
    cc: 'tom.avery@northlight.example',
    messageId: packetMessageId(built.manifest.packetId),
    ...overrides,
  });
}

describe('packet e-mail', () => {
  it('names production and packet, lists counts and what awaits approval, and attaches both files', () => {
    const mail = compose();
    expect(mail.subject).toBe('GenAI disclosure packet PKT-HL-2025-0007: Harbour Lights — Season 1 (HL)');
    expect(mail.messageId).toBe('<packet-PKT-HL-2025-0007@genlog.local>');
    expect(mail.to).toEqual({ name: 'Dana Whitfield', address: 'dana.whitfield@example.com' });
    const text = String(mail.text);
    expect(text).toMatch(/Blocked: 1\n\s+Awaiting approval: 1\n\s+Cleared: 1\n\s+Disclosure only: 2/);
    expect(text).toContain('[BLOCKED] HL_102_newsdesk_anchor_replica_v001.mov');
    expect(text).toContain('[AWAITING APPROVAL] HL_103_cityhall_campaign_poster_v002.png');
    expect(text.indexOf('[BLOCKED]')).toBeLessThan(text.indexOf('[AWAITING APPROVAL]'));
    expect(text).toContain('W-TALENT-REPLICA: A digital replica');
    expect(text).not.toContain('HL_moodboard_harbour_night_012.jpg');
    expect(text).toContain(built.key.fingerprint);
    const html = String(mail.html);
    expect(html).toContain('HL_103_cityhall_campaign_poster_v002.png');
    expect(html).toContain('Needs your attention');
    expect(mail.attachments?.map((a) => a.filename)).toEqual(['PKT-HL-2025-0007.zip', 'summary.pdf']);
  });

  it('escapes HTML from the manifest', () => {
    const manifest = buildFixtureManifest({ signingKeyFingerprint: built.key.fingerprint });
    manifest.production.title = 'Night <script>alert(1)</script> & Day';
    const html = String(compose({ manifest }).html);
    expect(html).not.toContain('<script>');
    expect(html).toContain('Night &lt;script&gt;alert(1)&lt;/script&gt; &amp; Day');
  });

  it('says when nothing waits for approval', () => {
    const manifest = buildFixtureManifest({ signingKeyFingerprint: built.key.fingerprint });
    manifest.assets = manifest.assets.filter((a) => a.outcome === 'disclose' || a.outcome === 'cleared');
    const mail = compose({ manifest });
    expect(String(mail.text)).toContain('Nothing is blocked or waiting for your approval.');
  });

  it('refuses a malformed Message-ID, a missing ZIP or a non-PDF summary', () => {
    expect(() => compose({ messageId: 'packet-7' })).toThrow(/Message-ID must look like <packet-ID@genlog.local>/);
    expect(() => compose({ zipPath: path.join(t.dir, 'missing.zip') })).toThrow(/packet file to attach does not exist/);
    expect(() => compose({ pdf: Buffer.from('hello') })).toThrow(/not a PDF/);
  });

  it('exports an .eml that a mail parser opens with both attachments intact', async () => {
    const eml = await buildEml(compose());
    const parsed = await simpleParser(eml);
    expect(parsed.subject).toBe('GenAI disclosure packet PKT-HL-2025-0007: Harbour Lights — Season 1 (HL)');
    expect(parsed.messageId).toBe('<packet-PKT-HL-2025-0007@genlog.local>');
    expect(parsed.headers.get('x-unsent')).toBe('1');
    expect(parsed.text).toContain('[BLOCKED] HL_102_newsdesk_anchor_replica_v001.mov');
    expect(parsed.html).toContain('Needs your attention');
    const byName = new Map(parsed.attachments.map((a) => [a.filename, a]));
    expect(byName.get('PKT-HL-2025-0007.zip')?.contentType).toBe('application/zip');
    expect(sha(byName.get('PKT-HL-2025-0007.zip')!.content)).toBe(sha(readFileSync(built.zipPath)));
    expect(sha(byName.get('summary.pdf')!.content)).toBe(sha(pdf));
  });

  it('keeps headers the caller set when exporting an .eml', async () => {
    for (const headers of [{ 'X-GenLog-Packet': 'PKT-HL-2025-0007' }, [{ key: 'X-GenLog-Packet', value: 'PKT-HL-2025-0007' }]]) {
      const parsed = await simpleParser(await buildEml({ ...compose(), headers }));
      expect(parsed.headers.get('x-genlog-packet')).toBe('PKT-HL-2025-0007');
      expect(parsed.headers.get('x-unsent')).toBe('1');
    }
  });
});
