import { resolve } from 'node:path';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import type { ApiContext } from '../../api/context';
import { failed, invalid, notFound } from '../../api/envelope';
import { FileReadError, fileReadError } from '../../ingest';
import { assetIngestColumns, listFrames } from '../../../db/asset-frames';
import { getProvenance } from '../../../db/provenance';
import { listTools } from '../../../db/tools';
import { matchTool, type ProvenanceRecord } from '../../provenance';
import { toIngestKeys, type AssetIngestKeys } from '../asset-json';
import { mismatchesWhenLogged, readFreshProvenance } from './provenance-capture';
import { previewIdentity, rememberPreview } from './previewed-provenance';

/** The asset's provenance record as the Provenance panel shows it. */
export interface AssetProvenance {
  record: ProvenanceRecord;
  /** true: the file says AI made it; false: camera capture; null: it says neither. */
  aiGenerated: boolean | null;
  digitalSourceType: string | null;
  /** Where the file contradicts how it was logged, one sentence each. */
  mismatches: string[];
  /** What could not be read (a malformed file is still logged; this says why its provenance is incomplete). */
  errors: string[];
  readAt: string;
}

export interface AssetFrame {
  frame: number;
  fileName: string;
  sha256: string;
  size: number;
}

export type AssetIngestDetail = AssetIngestKeys & {
  /** Per-frame hashes of a sequence (empty for a single file). */
  frames: AssetFrame[];
  /** Null when the asset was logged before provenance was read, or from a browser upload. */
  provenance: AssetProvenance | null;
};

export function assetIngestKeys(ctx: ApiContext, assetId: number): AssetIngestKeys {
  return toIngestKeys(assetIngestColumns(ctx.db, assetId));
}

export function assetIngestDetail(ctx: ApiContext, assetId: number): AssetIngestDetail {
  const p = getProvenance(ctx.db, assetId);
  return {
    ...assetIngestKeys(ctx, assetId),
    frames: listFrames(ctx.db, assetId).map((f) => ({ frame: f.frame, fileName: f.file_name, sha256: f.sha256, size: f.size })),
    provenance: p
      ? {
        record: JSON.parse(p.record) as ProvenanceRecord,
        aiGenerated: p.ai_generated === null ? null : p.ai_generated === 1,
        digitalSourceType: p.digital_source_type,
        mismatches: JSON.parse(p.mismatches) as string[],
        errors: JSON.parse(p.errors) as string[],
        readAt: p.read_at,
      }
      : null,
  };
}

/** What `genlog provenance FILE` prints: the record, the listed tool it names and what would be a mismatch. */
export type FileProvenance = ProvenanceRecord & {
  path: string;
  matchedTool: string | null;
  /** Contradictions if the file were logged as generative-AI output. */
  mismatches: string[];
};

export async function fileProvenance(ctx: ApiContext, path: string): Promise<FileProvenance> {
  const full = resolve(path);
  const s = await stat(full).catch((error: unknown) => fileReadError(full, error));
  if (s instanceof FileReadError) throw notFound(`Cannot read ${full}: ${s.reason}.`);
  // A folder where a file is wanted is a usage error (2); a pipe or device cannot be read (1), as `log` says too.
  if (s.isDirectory()) throw invalid(`Cannot read ${full}: it is a folder, not a file.`);
  if (!s.isFile()) throw failed(`Cannot read ${full}: it is not a regular file.`);
  // Nothing of it can be read: an error, not a record whose only content is that error (a script checks the exit code).
  const refused = await access(full, constants.R_OK).then(() => null, (error: unknown) => fileReadError(full, error));
  if (refused) throw failed(`Cannot read ${full}: ${refused.reason}.`);
  // Always read afresh (dropping a file again is how an artist asks for that); what was read is kept for logging.
  const identity = await previewIdentity(full);
  const record = await readFreshProvenance(full);
  rememberPreview(full, identity, record);
  return { path: full, ...record, matchedTool: matchTool(record, listTools(ctx.db).map((t) => t.name)), mismatches: mismatchesWhenLogged(record) };
}
