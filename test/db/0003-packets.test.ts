import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { seedSynthetic } from '../support/seed';

const insertPacket = `INSERT INTO packets (uuid, production_id, zip_path, zip_sha256, zip_size, asset_count, counts, created_by, created_at, message_id)
  VALUES (?, 1, '/p.zip', ?, 10, 1, '{}', 'me', 'now', '<m@genlog>')`;

describe('migration 0003-packets', () => {
  it('migrates a populated v2 db without touching assets', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 2));
    seedSynthetic(db, 300);
    db.prepare("UPDATE assets SET outcome = 'escalate', facts = '{\"onScreen\":\"none\"}' WHERE id <= 10").run();
    const before = db.prepare('SELECT * FROM assets ORDER BY id').all();
    migrate(db, MIGRATIONS.slice(0, 3));
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(db.prepare('SELECT * FROM assets ORDER BY id').all()).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM packets').get()).toEqual({ n: 0 });
  });

  it('freezes an approved packet and never deletes one', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 3));
    seedSynthetic(db, 2);
    db.prepare(insertPacket).run('u1', 'a'.repeat(64));
    db.prepare('INSERT INTO packet_assets VALUES (1, 1)').run();
    db.prepare("UPDATE packets SET zip_sha256 = ? WHERE id = 1").run('b'.repeat(64)); // a draft can be rebuilt
    db.prepare("UPDATE packets SET approved_at = 'now', approved_by = 'mgr', state = 'queued' WHERE id = 1").run();
    expect(() => db.prepare('UPDATE packets SET zip_sha256 = ? WHERE id = 1').run('c'.repeat(64))).toThrow(/frozen/);
    expect(() => db.prepare('DELETE FROM packet_assets').run()).toThrow(/frozen/);
    db.prepare("UPDATE packets SET state = 'sent', sent_at = 'now' WHERE id = 1").run(); // the outbox may still move it
    expect(() => db.prepare('DELETE FROM packets').run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE packets SET state = 'lost' WHERE id = 1").run()).toThrow(/CHECK/);
  });
});
