import type { Migration } from '../migrate';

/**
 * Compliance: facts on assets, planned uses, the evidence store, talent consent and written approvals.
 * Outcomes are stored (so the log can be filtered by outcome at 1M rows) but NULL means "not assessed yet":
 * the app assesses those rows itself, so this migration never has to run today's rule engine.
 */
export const m0002Compliance: Migration = {
  version: 2,
  name: '0002-compliance',
  up(db) {
    db.exec(`
      ALTER TABLE productions ADD COLUMN stale_days INTEGER NOT NULL DEFAULT 30 CHECK (stale_days > 0);

      CREATE TABLE planned_uses (
        id INTEGER PRIMARY KEY,
        production_id INTEGER NOT NULL REFERENCES productions(id),
        title TEXT NOT NULL,
        department TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        preset TEXT,
        classification TEXT NOT NULL DEFAULT 'temporary' CHECK (classification IN ('temporary','deliverable')),
        facts TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(facts)),
        outcome TEXT CHECK (outcome IN ('disclose','escalate','blocked','cleared')),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        retired_at TEXT,
        retired_reason TEXT
      ) STRICT;
      CREATE INDEX planned_uses_by_production ON planned_uses (production_id);

      CREATE TABLE planned_use_tools (
        use_id INTEGER NOT NULL REFERENCES planned_uses(id),
        position INTEGER NOT NULL,
        tool_id INTEGER NOT NULL REFERENCES tools(id),
        PRIMARY KEY (use_id, position)
      ) STRICT;
      CREATE INDEX planned_use_tools_by_tool ON planned_use_tools (tool_id);

      ALTER TABLE assets ADD COLUMN planned_use_id INTEGER REFERENCES planned_uses(id);
      ALTER TABLE assets ADD COLUMN facts TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(facts));
      ALTER TABLE assets ADD COLUMN outcome TEXT CHECK (outcome IN ('disclose','escalate','blocked','cleared'));
      CREATE INDEX assets_by_outcome ON assets (outcome, created_at, id);
      CREATE INDEX assets_by_use ON assets (planned_use_id) WHERE planned_use_id IS NOT NULL;

      -- The tool chain beyond the asset's primary tool (assets.tool_id is position 0 when there are no rows here).
      CREATE TABLE asset_tools (
        asset_id INTEGER NOT NULL REFERENCES assets(id),
        position INTEGER NOT NULL,
        tool_id INTEGER NOT NULL REFERENCES tools(id),
        PRIMARY KEY (asset_id, position)
      ) STRICT;
      CREATE INDEX asset_tools_by_tool ON asset_tools (tool_id);

      -- Files kept as evidence (approval emails, signed consents), copied into the data folder and hashed.
      CREATE TABLE evidence (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL,
        stored_path TEXT NOT NULL,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE consents (
        id INTEGER PRIMARY KEY,
        talent TEXT NOT NULL,
        production_id INTEGER NOT NULL REFERENCES productions(id),
        kinds TEXT NOT NULL CHECK (json_valid(kinds)),
        scope TEXT NOT NULL,
        signed TEXT NOT NULL,
        expires TEXT,
        evidence_id INTEGER NOT NULL REFERENCES evidence(id),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX consents_by_production ON consents (production_id);

      -- Approvals are never edited in place: a correction is a new row that supersedes the old one.
      CREATE TABLE approvals (
        id INTEGER PRIMARY KEY,
        production_id INTEGER NOT NULL REFERENCES productions(id),
        decision TEXT NOT NULL CHECK (decision IN ('approved','denied')),
        approver TEXT NOT NULL,
        decided_on TEXT NOT NULL,
        reference TEXT NOT NULL,
        subject_line TEXT NOT NULL DEFAULT '',
        rules TEXT NOT NULL CHECK (json_valid(rules)),
        evidence_id INTEGER NOT NULL REFERENCES evidence(id),
        supersedes_id INTEGER UNIQUE REFERENCES approvals(id),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER approvals_never_edited BEFORE UPDATE ON approvals
      BEGIN SELECT RAISE(ABORT, 'approvals are never edited in place; record a correction that supersedes it'); END;
      CREATE TRIGGER approvals_never_deleted BEFORE DELETE ON approvals
      BEGIN SELECT RAISE(ABORT, 'approvals are evidence and are never deleted'); END;
      CREATE TRIGGER consents_never_deleted BEFORE DELETE ON consents
      BEGIN SELECT RAISE(ABORT, 'consent records are evidence and are never deleted'); END;

      CREATE TABLE approval_subjects (
        approval_id INTEGER NOT NULL REFERENCES approvals(id),
        asset_id INTEGER REFERENCES assets(id),
        use_id INTEGER REFERENCES planned_uses(id),
        CHECK ((asset_id IS NULL) <> (use_id IS NULL))
      ) STRICT;
      CREATE INDEX approval_subjects_by_asset ON approval_subjects (asset_id) WHERE asset_id IS NOT NULL;
      CREATE INDEX approval_subjects_by_use ON approval_subjects (use_id) WHERE use_id IS NOT NULL;
      CREATE INDEX approval_subjects_by_approval ON approval_subjects (approval_id);

      -- History of everything that is not an asset (planned uses, consents, approvals, later packets).
      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        entity TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        at TEXT NOT NULL,
        by TEXT NOT NULL,
        action TEXT NOT NULL,
        field TEXT,
        from_value TEXT,
        to_value TEXT,
        reason TEXT
      ) STRICT;
      CREATE INDEX events_by_entity ON events (entity, entity_id, id);
      CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
      CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
      BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
    `);
  },
};
