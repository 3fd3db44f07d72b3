import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { deletePendingInboxItem, insertInboxItem } from '../../db/inbox';
import { seedSynthetic } from '../support/seed';

const draft = (path: string, mtimeMs: number) => ({
  watchId: null, kind: 'file' as const, path, fileName: path.split('/').pop() as string, size: 10, mtimeMs,
  sha256: String(mtimeMs % 10).repeat(64), mediaType: 'image' as const, frames: null, provenance: null, prefill: '{}', foundAt: '2026-12-01T10:00:00.000Z',
});

describe('migration 0005-inbox-ids', () => {
  it('migrates a populated v4 db with every inbox row as it was, and never hands out an id twice afterwards', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 4));
    seedSynthetic(db, 50);
    for (let i = 1; i <= 5; i++) insertInboxItem(db, draft(`/renders/f${i}.png`, i));
    db.prepare("UPDATE inbox SET status = 'confirmed', asset_id = 7, decided_at = 'x', decided_by = 'ana' WHERE id = 2").run();
    db.prepare("UPDATE inbox SET status = 'dismissed', decided_at = 'y', decided_by = 'bo' WHERE id = 3").run();
    const before = db.prepare('SELECT * FROM inbox ORDER BY id').all();

    migrate(db, MIGRATIONS.slice(0, 5));
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(db.prepare('SELECT * FROM inbox ORDER BY id').all()).toEqual(before);
    expect(db.pragma('foreign_key_check')).toEqual([]);

    // The watcher replaces the newest pending draft when its file changes: the new version gets a new id.
    deletePendingInboxItem(db, 5);
    expect(insertInboxItem(db, draft('/renders/f5.png', 99))).toBe(6);
    // Still one row per file version.
    expect(insertInboxItem(db, draft('/renders/f5.png', 99))).toBeNull();
  });

  it('on an empty v4 db, the first id is 1 and a deleted id is not reused', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 5));
    expect(insertInboxItem(db, draft('/r/a.png', 1))).toBe(1);
    deletePendingInboxItem(db, 1);
    expect(insertInboxItem(db, draft('/r/a.png', 2))).toBe(2);
  });
});
