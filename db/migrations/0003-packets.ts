import type { Migration } from '../migrate';

/**
 * Disclosure packets and their outbox. A packet is a draft until a manager approves it; from then on its contents
 * are frozen (a trigger refuses changes) and it moves through the outbox: queued -> sending -> sent | failed, or
 * unknown when the app stopped mid-send and a person must confirm. Nothing is ever re-sent without a person asking.
 */
export const m0003Packets: Migration = {
  version: 3,
  name: '0003-packets',
  up(db) {
    db.exec(`
      CREATE TABLE packets (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        production_id INTEGER NOT NULL REFERENCES productions(id),
        episode TEXT,
        since TEXT,
        until TEXT,
        state TEXT NOT NULL DEFAULT 'draft'
          CHECK (state IN ('draft','approved','queued','sending','sent','failed','unknown')),
        supersedes_id INTEGER REFERENCES packets(id),
        zip_path TEXT NOT NULL,
        zip_sha256 TEXT NOT NULL CHECK (length(zip_sha256) = 64),
        zip_size INTEGER NOT NULL,
        asset_count INTEGER NOT NULL,
        counts TEXT NOT NULL CHECK (json_valid(counts)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        approved_by TEXT,
        approved_at TEXT,
        message_id TEXT NOT NULL,
        sent_at TEXT,
        smtp_response TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        next_attempt_at TEXT,
        eml_exported_at TEXT,
        eml_exported_by TEXT
      ) STRICT;
      CREATE INDEX packets_by_production ON packets (production_id, id);
      CREATE INDEX packets_by_state ON packets (state, next_attempt_at);

      CREATE TABLE packet_assets (
        packet_id INTEGER NOT NULL REFERENCES packets(id),
        asset_id INTEGER NOT NULL REFERENCES assets(id),
        PRIMARY KEY (packet_id, asset_id)
      ) STRICT;
      CREATE INDEX packet_assets_by_asset ON packet_assets (asset_id);

      CREATE TRIGGER packets_frozen_after_approval
      BEFORE UPDATE OF uuid, production_id, episode, since, until, zip_path, zip_sha256, zip_size, asset_count, counts,
        supersedes_id, message_id ON packets
      WHEN old.approved_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'an approved packet is frozen; build a new packet that supersedes it'); END;

      CREATE TRIGGER packets_never_deleted BEFORE DELETE ON packets
      BEGIN SELECT RAISE(ABORT, 'packets are evidence and are never deleted'); END;

      CREATE TRIGGER packet_assets_frozen BEFORE DELETE ON packet_assets
      WHEN (SELECT approved_at FROM packets WHERE id = old.packet_id) IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'an approved packet is frozen'); END;
    `);
  },
};
