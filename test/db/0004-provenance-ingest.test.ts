import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { seedSynthetic } from '../support/seed';

describe('migration 0004-provenance-ingest', () => {
  it('migrates a populated v3 db: assets unchanged, no frames, no thumbnails, empty inbox', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 3));
    seedSynthetic(db, 300);
    const before = db.prepare('SELECT id, sha256, path, outcome FROM assets ORDER BY id').all();
    migrate(db, MIGRATIONS.slice(0, 4));
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare('SELECT id, sha256, path, outcome FROM assets ORDER BY id').all()).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM assets WHERE frame_first IS NULL AND thumbnail IS NULL').get()).toEqual({ n: 300 });
    expect(db.prepare('SELECT count(*) AS n FROM inbox').get()).toEqual({ n: 0 });
  });

  it('records a file version in the inbox only once', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 4));
    const add = db.prepare(`INSERT INTO inbox (kind, path, file_name, size, mtime_ms, sha256, media_type, found_at)
      VALUES ('file', '/r/a.png', 'a.png', 10, ?, ?, 'image', 'now')`);
    add.run(1, 'a'.repeat(64));
    expect(() => add.run(1, 'a'.repeat(64))).toThrow(/UNIQUE/);
    add.run(2, 'b'.repeat(64)); // the same path rewritten later is a new version
  });
});
