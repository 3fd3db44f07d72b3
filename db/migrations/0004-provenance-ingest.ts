import type { Migration } from '../migrate';

/**
 * Provenance read from files, image sequences, watch folders with their inbox of draft assets, a file index so
 * catch-up scans never re-hash unchanged files, and thumbnails.
 */
export const m0004ProvenanceIngest: Migration = {
  version: 4,
  name: '0004-provenance-ingest',
  up(db) {
    db.exec(`
      CREATE TABLE provenance (
        asset_id INTEGER PRIMARY KEY REFERENCES assets(id),
        record TEXT NOT NULL CHECK (json_valid(record)),
        ai_generated INTEGER CHECK (ai_generated IN (0, 1)),
        digital_source_type TEXT,
        mismatches TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(mismatches)),
        errors TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(errors)),
        read_at TEXT NOT NULL
      ) STRICT;

      -- An image sequence is one asset: its frames and their hashes live here; assets.sha256 is the sequence hash.
      ALTER TABLE assets ADD COLUMN frame_first INTEGER;
      ALTER TABLE assets ADD COLUMN frame_last INTEGER;
      CREATE TABLE asset_frames (
        asset_id INTEGER NOT NULL REFERENCES assets(id),
        frame INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        size INTEGER NOT NULL,
        PRIMARY KEY (asset_id, frame)
      ) STRICT;

      ALTER TABLE assets ADD COLUMN thumbnail TEXT;
      CREATE INDEX assets_by_path ON assets (path);

      -- Every file GenLog has hashed: a catch-up scan trusts the hash while path, size and mtime are unchanged.
      CREATE TABLE file_index (
        path TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        mtime_ms INTEGER NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        hashed_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE watch_folders (
        id INTEGER PRIMARY KEY,
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

      -- Draft assets found in watch folders, waiting for an artist to confirm (then logged) or dismiss.
      CREATE TABLE inbox (
        id INTEGER PRIMARY KEY,
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
      CREATE UNIQUE INDEX inbox_once_per_version ON inbox (path, size, mtime_ms);
      CREATE INDEX inbox_by_status ON inbox (status, id);
    `);
  },
};
