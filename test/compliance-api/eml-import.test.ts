import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ok } from '../support/context';
import { SAFE, approvalEml, world } from './helpers';

describe('approval emails (.eml)', () => {
  it('prefill approver, date, subject and reference; the .eml itself becomes the evidence', async () => {
    const w = await world();
    const id = await w.log('double.exr', { facts: { ...SAFE, outputs: ['digital-replica'], talent: ['Alice Smith'] } });
    ok(await w.api.addConsent({ talent: 'Alice Smith', production: 'SHOW1', kinds: ['digital-replica'], scope: 'double', signed: '2025-09-01', evidence: { path: w.evidence('c.pdf') } }));
    const eml = w.evidence('RE approval.eml', approvalEml());
    const pre = ok(await w.api.previewEmlApproval({ evidence: { path: eml } }));
    expect(pre).toEqual({
      approver: 'Dana Reyes', approverAddress: 'dana.reyes@netflix.com', date: '2025-09-02',
      subject: 'RE: GenAI approval request - SHOW1 digital double, shot 042', reference: 'CAF=approval.8812.x7Q@mail.netflix.com', fileName: 'RE approval.eml',
    });
    const a = ok(await w.api.addApproval({
      assets: [id], all: true, decision: 'approved', approver: pre.approver!, date: pre.date!, reference: pre.reference!, subjectLine: pre.subject!, evidence: { path: eml },
    }));
    expect(a).toMatchObject({ approver: 'Dana Reyes', date: '2025-09-02', subjectLine: pre.subject, rules: ['W-TALENT-REPLICA'] });
    expect(a.evidence.sha256).toBe(createHash('sha256').update(readFileSync(eml)).digest('hex'));
    expect(a.evidence.storedPath).toMatch(/\.eml$/);
    expect(ok(await w.api.getAsset({ id })).outcome).toBe('cleared');
  });

  it('falls back to the sender address, leaves unknown fields null, and refuses files that are not emails', async () => {
    const w = await world();
    const bare = w.evidence('bare.eml', approvalEml({ from: 'legal@netflix.com', messageId: null }));
    expect(ok(await w.api.previewEmlApproval({ evidence: { path: bare } }))).toMatchObject({ approver: 'legal@netflix.com', reference: null });
    const pdf = w.evidence('scan.pdf', '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
    expect(await w.api.previewEmlApproval({ evidence: { path: pdf } })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/does not look like an email/) } });
  });
});
