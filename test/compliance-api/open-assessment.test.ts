import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../main/app-context';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { ok, tempDir, testClient } from '../support/context';
import { seedSynthetic } from '../support/seed';
import { SAFE, clock, world } from './helpers';

describe('outcomes are brought up to date when a database is opened', () => {
  it('assesses every row of a db from before compliance (outcome NULL), in batches', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'd'));
    const dbPath = join(dir, 'd', 'old.db');
    const raw = new Database(dbPath);
    migrate(raw, MIGRATIONS.slice(0, 1));
    seedSynthetic(raw, 12_000, { productions: 2, tools: 3 });
    raw.close();
    const ctx = createContext({ dbPath, transport: 'test', now: clock().now });
    const counts = ctx.db.prepare('SELECT classification, outcome, count(*) AS n FROM assets GROUP BY classification, outcome ORDER BY 1, 2').all();
    // Seeded assets have no facts (unownedMaterial unsure -> P1) on local tools; deliverables add W-FINAL and P4.
    expect(counts).toEqual([
      { classification: 'deliverable', outcome: 'escalate', n: 2400 },
      { classification: 'temporary', outcome: 'escalate', n: 9600 },
    ]);
    ctx.db.close();
  });

  it('assesses rows whose outcome is missing, and re-judges talent subjects when a consent starts or expires', async () => {
    const w = await world('2025-09-15T12:00:00Z');
    const id = await w.log('double.png', { facts: { ...SAFE, outputs: ['digital-replica'], talent: ['Alice Smith'] } });
    const use = ok(await w.api.addPlannedUse({ production: 'SHOW1', title: 'Double', preset: 'digital-replica', facts: { ...SAFE, talent: ['Alice Smith'] }, tools: ['LocalSD'] }));
    ok(await w.api.addConsent({ talent: 'Alice Smith', production: 'SHOW1', kinds: ['digital-replica'], scope: 'double', signed: '2025-09-01', expires: '2025-09-20', evidence: { path: w.evidence('c.pdf') } }));
    expect(ok(await w.api.getAsset({ id })).outcome).toBe('escalate');
    w.ctx.db.prepare('UPDATE planned_uses SET outcome = NULL').run();
    w.ctx.db.close();

    const later = clock('2025-09-25T12:00:00Z');
    const reopened = createContext({ dbPath: w.dbPath, transport: 'test', now: later.now });
    const api = testClient(reopened);
    expect(reopened.db.prepare('SELECT outcome FROM assets WHERE id = ?').get(id)).toEqual({ outcome: 'blocked' });
    expect(ok(await api.getPlannedUse({ id: use.id })).outcome).toBe('blocked');
    expect(ok(await api.listConsents({})).map((c) => c.inForce)).toEqual([false]);
    reopened.db.close();
  });
});
