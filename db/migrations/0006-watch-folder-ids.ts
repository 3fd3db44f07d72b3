import type { Migration } from '../migrate';

/**
 * Watch folder ids are never reused. `watch remove 3`, typed after reading `watch list`, must not remove a folder
 * someone added after folder 3 was removed; with a plain INTEGER PRIMARY KEY the new folder takes the highest
 * deleted id. AUTOINCREMENT never hands out an id twice.
 *
 * The inbox references watch_folders. Foreign keys cannot be switched off inside the migration's transaction, and
 * dropping a table its drafts still point at counts as a violation that renaming the new table does not undo; so
 * the links are set aside in a temp table while the table is rebuilt, and put back (checked again) afterwards.
 */
export const m0006WatchFolderIds: Migration = {
  version: 6,
  name: '0006-watch-folder-ids',
  up(db) {
    db.exec(`
      CREATE TEMP TABLE inbox_watch_links AS SELECT id, watch_id FROM inbox WHERE watch_id IS NOT NULL;
      UPDATE inbox SET watch_id = NULL WHERE watch_id IS NOT NULL;
      CREATE TABLE watch_folders_new (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        path TEXT NOT NULL UNIQUE,
        production_id INTEGER NOT NULL REFERENCES productions(id),
        planned_use_id INTEGER REFERENCES planned_uses(id),
        tool_id INTEGER REFERENCES tools(id),
        artist TEXT,
        classification TEXT NOT NULL DEFAULT 'temporary' CHECK (classification IN ('temporary','deliverable')),
        include_globs TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(include_globs)),
        exclude_globs TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(exclude_globs)),
        recursive INTEGER NOT NULL DEFAULT 1 CHECK (recursive IN (0, 1)),
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_scan_at TEXT
      ) STRICT;
      INSERT INTO watch_folders_new (id, path, production_id, planned_use_id, tool_id, artist, classification,
        include_globs, exclude_globs, recursive, enabled, created_by, created_at, last_scan_at)
        SELECT id, path, production_id, planned_use_id, tool_id, artist, classification,
          include_globs, exclude_globs, recursive, enabled, created_by, created_at, last_scan_at FROM watch_folders;
      DROP TABLE watch_folders;
      ALTER TABLE watch_folders_new RENAME TO watch_folders;
      UPDATE inbox SET watch_id = (SELECT l.watch_id FROM inbox_watch_links l WHERE l.id = inbox.id)
        WHERE id IN (SELECT id FROM inbox_watch_links);
      DROP TABLE inbox_watch_links;
    `);
  },
};
