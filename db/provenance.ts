import type { Db } from './connection';
import { stmt } from './statements';

/** What a file said about its origin when it was logged (one row per asset; JSON columns are parsed by services). */
export interface ProvenanceRow {
  asset_id: number;
  /** JSON ProvenanceRecord (main/provenance). */
  record: string;
  ai_generated: 0 | 1 | null;
  digital_source_type: string | null;
  /** JSON string[]: where the file contradicts how it was logged. */
  mismatches: string;
  /** JSON string[]: what could not be read. */
  errors: string;
  read_at: string;
}

export interface NewProvenance {
  assetId: number;
  record: string;
  aiGenerated: boolean | null;
  digitalSourceType: string | null;
  mismatches: string[];
  errors: string[];
  readAt: string;
}

/** Stores (or replaces, when a file is read again) an asset's provenance record. */
export function upsertProvenance(db: Db, p: NewProvenance): void {
  stmt(db, `INSERT INTO provenance (asset_id, record, ai_generated, digital_source_type, mismatches, errors, read_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (asset_id) DO UPDATE SET record = excluded.record, ai_generated = excluded.ai_generated,
      digital_source_type = excluded.digital_source_type, mismatches = excluded.mismatches, errors = excluded.errors,
      read_at = excluded.read_at`)
    .run(p.assetId, p.record, p.aiGenerated === null ? null : p.aiGenerated ? 1 : 0, p.digitalSourceType,
      JSON.stringify(p.mismatches), JSON.stringify(p.errors), p.readAt);
}

export function getProvenance(db: Db, assetId: number): ProvenanceRow | undefined {
  return stmt<[number], ProvenanceRow>(db, 'SELECT * FROM provenance WHERE asset_id = ?').get(assetId);
}
