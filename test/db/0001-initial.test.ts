import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { seedSynthetic } from '../support/seed';

function atVersion(n: number) {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS.slice(0, n));
  return db;
}

describe('migration 0001-initial', () => {
  it('creates the log tables, and its FTS triggers index what gets written', () => {
    const db = atVersion(1);
    seedSynthetic(db, 500);
    expect(db.prepare('SELECT count(*) AS n FROM assets').get()).toEqual({ n: 500 });
    expect(db.prepare("SELECT count(*) AS n FROM assets_fts WHERE assets_fts MATCH 'dragon'").get()).toEqual({ n: 125 });
    db.prepare("UPDATE tools SET name = 'Renamed' WHERE name = 'SeedTool1'").run();
    const renamed = db.prepare("SELECT count(*) AS n FROM assets_fts WHERE assets_fts MATCH 'tool:renamed'").get() as { n: number };
    expect(renamed.n).toBeGreaterThan(0);
  });

  it('makes assets undeletable and their history append-only', () => {
    const db = atVersion(1);
    seedSynthetic(db, 3);
    db.prepare("INSERT INTO asset_events (asset_id, at, by, action) VALUES (1, 'now', 'me', 'logged')").run();
    expect(() => db.prepare('DELETE FROM assets WHERE id = 1').run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE asset_events SET by = 'someone else'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM asset_events').run()).toThrow(/append-only/);
  });

  it('enforces one copy of the same content per production, and valid enums', () => {
    const db = atVersion(1);
    seedSynthetic(db, 2);
    const a = db.prepare('SELECT production_id, sha256 FROM assets WHERE id = 1').get() as { production_id: number; sha256: string };
    const insert = db.prepare(`INSERT INTO assets (production_id, file_name, path, sha256, size, media_type, created_by, created_at)
      VALUES (?, 'x', '/x', ?, 1, ?, 'me', 'now')`);
    expect(() => insert.run(a.production_id, a.sha256, 'image')).toThrow(/UNIQUE/);
    expect(() => insert.run(a.production_id, 'f'.repeat(64), 'hologram')).toThrow(/CHECK/);
  });
});
