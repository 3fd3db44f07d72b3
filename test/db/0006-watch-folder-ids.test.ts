import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { insertInboxItem } from '../../db/inbox';
import { deleteWatchFolder, insertWatchFolder, listWatchFolders } from '../../db/watch-folders';
import { seedSynthetic } from '../support/seed';

const folder = (path: string, productionId: number) => ({
  path, productionId, plannedUseId: null, toolId: null, artist: 'ana', classification: 'temporary' as const,
  include: ['*.png'], exclude: [], recursive: true, createdBy: 'ana', createdAt: '2026-12-01T10:00:00.000Z',
});

const draft = (watchId: number, path: string) => ({
  watchId, kind: 'file' as const, path, fileName: path.split('/').pop() as string, size: 10, mtimeMs: 1,
  sha256: 'a'.repeat(64), mediaType: 'image' as const, frames: null, provenance: null, prefill: '{}', foundAt: '2026-12-01T10:00:00.000Z',
});

function populatedV5(): { db: Database.Database; productionId: number } {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, 5));
  seedSynthetic(db, 50);
  const productionId = (db.prepare('SELECT min(id) AS id FROM productions').get() as { id: number }).id;
  for (let i = 1; i <= 3; i++) insertWatchFolder(db, folder(`/renders/w${i}`, productionId));
  insertInboxItem(db, draft(2, '/renders/w2/a.png'));
  insertInboxItem(db, draft(3, '/renders/w3/b.png'));
  return { db, productionId };
}

describe('migration 0006-watch-folder-ids', () => {
  it('migrates a populated v5 db with every watch folder and its inbox links as they were', () => {
    const { db } = populatedV5();
    const folders = db.prepare('SELECT * FROM watch_folders ORDER BY id').all();
    const inbox = db.prepare('SELECT * FROM inbox ORDER BY id').all();

    migrate(db, MIGRATIONS.slice(0, 6));
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare('SELECT * FROM watch_folders ORDER BY id').all()).toEqual(folders);
    expect(db.prepare('SELECT * FROM inbox ORDER BY id').all()).toEqual(inbox);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // The inbox still points at the (new) watch_folders table, so a draft cannot name a folder that does not exist.
    expect(() => insertInboxItem(db, draft(99, '/renders/x.png'))).toThrow(/FOREIGN KEY/);
  });

  it('never hands a removed folder\'s id to a folder added later', () => {
    const { db, productionId } = populatedV5();
    migrate(db, MIGRATIONS.slice(0, 6));
    deleteWatchFolder(db, 3);
    const added = insertWatchFolder(db, folder('/renders/new', productionId));
    expect(added).toBe(4);
    expect(listWatchFolders(db).map((w) => w.id).sort()).toEqual([1, 2, 4]);
    // The removed folder's draft stays in the inbox, unlinked, not claimed by the new folder.
    expect(db.prepare("SELECT watch_id FROM inbox WHERE path = '/renders/w3/b.png'").get()).toEqual({ watch_id: null });
  });
});
