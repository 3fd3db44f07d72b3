import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { methodTable } from '../../main/api/table';
import { startServer, type RunningServer } from '../../main/server/http-server';
import { ok, tempDir } from '../support/context';
import { ownStagingDir } from '../../main/services/staged-files';
import { snapshot, storedFiles, world } from './helpers';

const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

function upload(s: RunningServer, query: string, body: Buffer): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON reply
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: s.port, path: `/api/upload?${query}`, method: 'POST',
      headers: { host: `127.0.0.1:${s.port}`, authorization: `Bearer ${s.token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('evidence store', () => {
  it('copies evidence into evidence/<2 hex>/<sha256><ext>, hashed, and keeps one copy per content', async () => {
    const w = await world();
    const content = '%PDF-1.7 signed consent of Alice Smith';
    const c1 = ok(await w.api.addConsent({
      talent: 'Alice Smith', production: 'SHOW1', kinds: ['digital-replica'], scope: 'double', signed: '2025-09-01', evidence: { path: w.evidence('Consent Alice.PDF', content) },
    }));
    const expected = join(w.ctx.dataDir, 'evidence', sha(content).slice(0, 2), `${sha(content)}.pdf`);
    expect(c1.evidence).toMatchObject({ sha256: sha(content), size: content.length, fileName: 'Consent Alice.PDF', storedPath: expected, addedBy: 'tester' });
    expect(readFileSync(expected, 'utf8')).toBe(content);
    const c2 = ok(await w.api.addConsent({
      talent: 'Alice Smith', production: 'SHOW1', kinds: ['synthetic-voice'], scope: 'voice', signed: '2025-09-01', evidence: { path: w.evidence('copy.pdf', content) },
    }));
    expect(c2.evidence.id).toBe(c1.evidence.id);
    expect(storedFiles(w.ctx.dataDir)).toEqual([expected]);
    expect(w.ctx.db.prepare('SELECT count(*) AS n FROM evidence').get()).toEqual({ n: 1 });
    const history = w.ctx.db.prepare("SELECT action, reason FROM events WHERE entity = 'consent' ORDER BY id").all();
    expect(history).toEqual([{ action: 'recorded', reason: `evidence ${sha(content)}` }, { action: 'recorded', reason: `evidence ${sha(content)}` }]);
  });

  it('refuses a missing, unreadable, empty or folder evidence file with a clear message and writes nothing', async () => {
    const w = await world();
    const id = await w.log('a.png', { classification: 'deliverable' });
    const before = snapshot(w.ctx);
    const consent = (path: string) => w.api.addConsent({ talent: 'A', production: 'SHOW1', kinds: ['digital-replica'], scope: 's', signed: '2025-09-01', evidence: { path } });
    const approval = (path: string) => w.api.addApproval({ assets: [id], rules: ['W-FINAL'], decision: 'approved', approver: 'D', date: '2025-09-01', reference: 'R', evidence: { path } });
    const missing = join(w.dir, 'nope.eml');
    for (const r of [await consent(missing), await approval(missing)]) {
      expect(r).toMatchObject({ ok: false, error: { message: `Evidence file: Cannot read "${missing}": it does not exist` } });
    }
    expect(await consent(w.evidence('empty.pdf', ''))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/is empty/) } });
    expect(await approval(w.dir)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/it is a folder/) } });
    expect(snapshot(w.ctx)).toBe(before);
    expect(existsSync(join(w.ctx.dataDir, 'evidence'))).toBe(false);
  });

  it('serve keeps evidence uploads (keep=1) under staging for the evidence store, up to a size cap', async () => {
    const w = await world();
    const staticDir = tempDir();
    mkdirSync(join(staticDir, 'x'), { recursive: true });
    const s = await startServer({ ctx: w.ctx, table: methodTable, staticDir, maxKeptUploadBytes: 1000 });
    try {
      const bytes = Buffer.from('%PDF-1.4 consent form bytes');
      const kept = await upload(s, 'name=consent.pdf&keep=1', bytes);
      expect(kept).toMatchObject({ status: 200, body: { ok: true, value: { fileName: 'consent.pdf', size: bytes.length, sha256: sha(bytes), kept: true } } });
      expect(readdirSync(ownStagingDir(w.ctx.dataDir))).toHaveLength(1);
      const c = ok(await w.api.addConsent({
        talent: 'A', production: 'SHOW1', kinds: ['digital-replica'], scope: 's', signed: '2025-09-01', evidence: { stagedId: kept.body.value.stagedId },
      }));
      expect(c.evidence).toMatchObject({ sha256: sha(bytes), fileName: 'consent.pdf' });
      expect(readFileSync(c.evidence.storedPath)).toEqual(bytes);

      const tooBig = await upload(s, 'name=huge.eml&keep=1', Buffer.alloc(1001, 1));
      expect(tooBig).toMatchObject({ status: 413, body: { ok: false, error: { message: expect.stringMatching(/limited to 1000 B; "huge.eml" is larger/) } } });
      expect(readdirSync(ownStagingDir(w.ctx.dataDir))).toHaveLength(1);

      const hashedOnly = await upload(s, 'name=plate.png', bytes);
      expect(hashedOnly.body.value.kept).toBe(false);
      const refused = await w.api.addConsent({
        talent: 'A', production: 'SHOW1', kinds: ['digital-replica'], scope: 's', signed: '2025-09-01', evidence: { stagedId: hashedOnly.body.value.stagedId },
      });
      expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/only hashed, not kept/) } });
    } finally {
      await s.close();
    }
  });
});
