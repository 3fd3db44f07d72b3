import type { Migration } from '../migrate';

/**
 * Inbox ids are never reused. When a watched file changes, its pending draft is replaced by one for the new
 * version; with a plain INTEGER PRIMARY KEY the new draft could take the deleted draft's id (SQLite reuses the
 * highest id), so `inbox confirm 5`, typed after looking at item 5, could log a version nobody looked at, and
 * advice to "dismiss item 5" could dismiss the new version. AUTOINCREMENT never hands out an id twice.
 */
export const m0005InboxIds: Migration = {
  version: 5,
  name: '0005-inbox-ids',
  up(db) {
    db.exec(`
      CREATE TABLE inbox_new (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        watch_id INTEGER REFERENCES watch_folders(id),
        kind TEXT NOT NULL CHECK (kind IN ('file','sequence')),
        path TEXT NOT NULL,
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ms INTEGER NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        media_type TEXT NOT NULL,
        frames TEXT CHECK (frames IS NULL OR json_valid(frames)),
        provenance TEXT CHECK (provenance IS NULL OR json_valid(provenance)),
        prefill TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(prefill)),
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','confirmed','dismissed')),
        asset_id INTEGER REFERENCES assets(id),
        found_at TEXT NOT NULL,
        decided_at TEXT,
        decided_by TEXT
      ) STRICT;
      INSERT INTO inbox_new (id, watch_id, kind, path, file_name, size, mtime_ms, sha256, media_type, frames, provenance,
        prefill, status, asset_id, found_at, decided_at, decided_by)
        SELECT id, watch_id, kind, path, file_name, size, mtime_ms, sha256, media_type, frames, provenance,
          prefill, status, asset_id, found_at, decided_at, decided_by FROM inbox;
      DROP TABLE inbox;
      ALTER TABLE inbox_new RENAME TO inbox;
      CREATE UNIQUE INDEX inbox_once_per_version ON inbox (path, size, mtime_ms);
      CREATE INDEX inbox_by_status ON inbox (status, id);
    `);
  },
};
