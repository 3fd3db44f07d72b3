import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { seedSynthetic } from '../support/seed';

describe('migration 0002-compliance', () => {
  it('migrates a populated v1 db: assets keep their data, gain empty facts and an unassessed outcome', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 1));
    seedSynthetic(db, 1000);
    db.prepare("INSERT INTO asset_events (asset_id, at, by, action) VALUES (1, 'now', 'me', 'logged')").run();
    const before = db.prepare('SELECT id, sha256, prompt, classification FROM assets ORDER BY id').all();
    migrate(db, MIGRATIONS.slice(0, 2));
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT id, sha256, prompt, classification FROM assets ORDER BY id').all()).toEqual(before);
    expect(db.prepare("SELECT count(*) AS n FROM assets WHERE facts = '{}' AND outcome IS NULL AND planned_use_id IS NULL").get()).toEqual({ n: 1000 });
    expect(db.prepare('SELECT DISTINCT stale_days FROM productions').all()).toEqual([{ stale_days: 30 }]);
    expect(db.prepare('SELECT count(*) AS n FROM asset_events').get()).toEqual({ n: 1 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('keeps approvals immutable and history append-only', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 2));
    seedSynthetic(db, 1);
    db.prepare("INSERT INTO evidence (sha256, file_name, size, stored_path, added_by, added_at) VALUES (?, 'a.eml', 1, '/x', 'me', 'now')").run('a'.repeat(64));
    db.prepare(`INSERT INTO approvals (production_id, decision, approver, decided_on, reference, rules, evidence_id, created_by, created_at)
      VALUES (1, 'approved', 'Amy', '2026-01-01', 'REF', '["W-FINAL"]', 1, 'me', 'now')`).run();
    expect(() => db.prepare("UPDATE approvals SET decision = 'denied'").run()).toThrow(/never edited/);
    expect(() => db.prepare('DELETE FROM approvals').run()).toThrow(/never deleted/);
    db.prepare("INSERT INTO events (entity, entity_id, at, by, action) VALUES ('approval', 1, 'now', 'me', 'recorded')").run();
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO approval_subjects (approval_id, asset_id, use_id) VALUES (1, NULL, NULL)").run()).toThrow(/CHECK/);
  });
});
