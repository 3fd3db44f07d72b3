import type { Db } from '../../../db/connection';
import { insertFrames, setThumbnail, type NewFrame } from '../../../db/asset-frames';
import { upsertProvenance } from '../../../db/provenance';
import type { ProvenanceRecord } from '../../provenance';
import { mismatchesWhenLogged } from './provenance-capture';

/** An image sequence logged as one asset. */
export interface SequenceDetails {
  first: number;
  last: number;
  frames: NewFrame[];
}

/** What ingest knows about a file beyond its hash, stored with the asset when it is logged. */
export interface IngestDetails {
  /** What the file said about itself; null when it could not be read at all (a browser upload has no path). */
  provenance: ProvenanceRecord | null;
  sequence?: SequenceDetails;
  /** A thumbnail already made (a browser upload's, made while its bytes were briefly staged): file name in the cache. */
  thumbnail?: string;
}

/** Per-file values used where the artist gave none (the request's own values always win). */
export interface FilePrefill {
  prompt?: string;
  notes?: string;
  /** ISO time the file says it was made; else the logging time. */
  createdAt?: string;
  /** Added to the notes whatever the artist typed: which logged asset holds the rest of a sequence. */
  link?: string;
}

/** Writes provenance and frames for a just-inserted asset, inside the caller's transaction. */
export function recordIngestDetails(db: Db, assetId: number, details: IngestDetails, at: string): void {
  const record = details.provenance;
  if (record) {
    upsertProvenance(db, {
      assetId,
      record: JSON.stringify(record),
      aiGenerated: record.summary.aiGenerated,
      digitalSourceType: record.summary.digitalSourceType ?? null,
      mismatches: mismatchesWhenLogged(record),
      errors: record.errors,
      readAt: at,
    });
  }
  if (details.thumbnail) setThumbnail(db, assetId, details.thumbnail);
  if (details.sequence) insertFrames(db, assetId, details.sequence.first, details.sequence.last, details.sequence.frames);
}
