import type { Migration } from '../migrate';

/** The asset log: productions, the AI tool list, assets, their append-only history and full-text search. */
export const m0001Initial: Migration = {
  version: 1,
  name: '0001-initial',
  up(db) {
    db.exec(`
      CREATE TABLE productions (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE COLLATE NOCASE,
        title TEXT NOT NULL,
        contact_email TEXT NOT NULL,
        vendor TEXT NOT NULL DEFAULT '',
        episodes TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE tools (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        vendor TEXT NOT NULL DEFAULT '',
        version TEXT NOT NULL DEFAULT '',
        hosting TEXT NOT NULL DEFAULT 'unsure' CHECK (hosting IN ('local','enterprise-cloud','public-cloud','unsure')),
        enterprise TEXT NOT NULL DEFAULT 'no' CHECK (enterprise IN ('yes','no')),
        trains_on_inputs TEXT NOT NULL DEFAULT 'unsure' CHECK (trains_on_inputs IN ('yes','no','unsure')),
        retains_data TEXT NOT NULL DEFAULT 'unsure' CHECK (retains_data IN ('yes','no','unsure')),
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE assets (
        id INTEGER PRIMARY KEY,
        production_id INTEGER NOT NULL REFERENCES productions(id),
        episode TEXT NOT NULL DEFAULT '',
        file_name TEXT NOT NULL,
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        size INTEGER NOT NULL CHECK (size >= 0),
        media_type TEXT NOT NULL CHECK (media_type IN ('image','video','audio','text','3d','other')),
        classification TEXT NOT NULL DEFAULT 'temporary' CHECK (classification IN ('temporary','deliverable')),
        tool_id INTEGER REFERENCES tools(id),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        prompt TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        retired_at TEXT,
        retired_reason TEXT,
        UNIQUE (production_id, sha256)
      ) STRICT;

      CREATE INDEX assets_by_created ON assets (created_at, id);
      CREATE INDEX assets_by_production ON assets (production_id, created_at, id);
      CREATE INDEX assets_by_class ON assets (classification, created_at, id);
      CREATE INDEX assets_by_production_class ON assets (production_id, classification, created_at, id);
      CREATE INDEX assets_by_media ON assets (media_type, created_at, id);
      CREATE INDEX assets_by_tool ON assets (tool_id, created_at, id);
      CREATE INDEX assets_by_artist ON assets (created_by COLLATE NOCASE, created_at, id);
      CREATE INDEX assets_by_file_name ON assets (file_name COLLATE NOCASE, id);
      CREATE INDEX assets_by_size ON assets (size, id);

      -- Assets are evidence: never deleted, only retired.
      CREATE TRIGGER assets_never_deleted BEFORE DELETE ON assets
      BEGIN SELECT RAISE(ABORT, 'assets are evidence and are never deleted; retire the asset instead'); END;

      CREATE TABLE asset_events (
        id INTEGER PRIMARY KEY,
        asset_id INTEGER NOT NULL REFERENCES assets(id),
        at TEXT NOT NULL,
        by TEXT NOT NULL,
        action TEXT NOT NULL,
        field TEXT,
        from_value TEXT,
        to_value TEXT,
        reason TEXT
      ) STRICT;
      CREATE INDEX asset_events_by_asset ON asset_events (asset_id, id);

      CREATE TRIGGER asset_events_append_only_update BEFORE UPDATE ON asset_events
      BEGIN SELECT RAISE(ABORT, 'asset history is append-only'); END;
      CREATE TRIGGER asset_events_append_only_delete BEFORE DELETE ON asset_events
      BEGIN SELECT RAISE(ABORT, 'asset history is append-only'); END;

      -- Full-text search over what people remember about an asset. Kept in step by triggers so every writer
      -- (app, CLI, watch folder) gets it for free.
      CREATE VIRTUAL TABLE assets_fts USING fts5 (
        prompt, notes, file_name, tool, artist,
        tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TRIGGER assets_fts_insert AFTER INSERT ON assets
      BEGIN
        INSERT INTO assets_fts (rowid, prompt, notes, file_name, tool, artist)
        VALUES (new.id, new.prompt, new.notes, new.file_name,
                coalesce((SELECT name FROM tools WHERE id = new.tool_id), ''), new.created_by);
      END;

      CREATE TRIGGER assets_fts_update AFTER UPDATE OF prompt, notes, file_name, tool_id, created_by ON assets
      BEGIN
        DELETE FROM assets_fts WHERE rowid = old.id;
        INSERT INTO assets_fts (rowid, prompt, notes, file_name, tool, artist)
        VALUES (new.id, new.prompt, new.notes, new.file_name,
                coalesce((SELECT name FROM tools WHERE id = new.tool_id), ''), new.created_by);
      END;

      CREATE TRIGGER tools_rename_fts AFTER UPDATE OF name ON tools
      BEGIN
        UPDATE assets_fts SET tool = new.name WHERE rowid IN (SELECT id FROM assets WHERE tool_id = new.id);
      END;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
