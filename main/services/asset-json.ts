import type { AssetRow } from '../../db/assets';
import type { AssetEventRow } from '../../db/asset-events';

/** The asset as scripts and the UI see it. Key names are part of the CLI contract: add, never rename. */
export interface Asset {
  id: number;
  production: string;
  episode: string;
  fileName: string;
  path: string;
  sha256: string;
  size: number;
  mediaType: AssetRow['media_type'];
  classification: AssetRow['classification'];
  tool: string | null;
  createdBy: string;
  createdAt: string;
  prompt: string;
  notes: string;
  retired: boolean;
  retiredAt: string | null;
  retiredReason: string | null;
  /** Compliance outcome (disclose | escalate | blocked | cleared); null until assessed. */
  outcome: AssetRow['outcome'];
  /** The planned use the asset was logged against, if any. */
  plannedUseId: number | null;
  /** First and last frame of an image sequence logged as one asset; null for a single file. */
  frameRange: { first: number; last: number } | null;
  /** Whether a thumbnail is cached (fetch it with getThumbnail). */
  thumbnail: boolean;
}

export interface HistoryEvent {
  at: string;
  by: string;
  action: string;
  field: string | null;
  from: string | null;
  to: string | null;
  reason: string | null;
}

export function toAsset(r: AssetRow): Asset {
  return {
    id: r.id,
    production: r.production_code,
    episode: r.episode,
    fileName: r.file_name,
    path: r.path,
    sha256: r.sha256,
    size: r.size,
    mediaType: r.media_type,
    classification: r.classification,
    tool: r.tool_name,
    createdBy: r.created_by,
    createdAt: r.created_at,
    prompt: r.prompt,
    notes: r.notes,
    retired: r.retired_at !== null,
    retiredAt: r.retired_at,
    retiredReason: r.retired_reason,
    outcome: r.outcome,
    plannedUseId: r.planned_use_id,
    ...toIngestKeys(r),
  };
}

export function toHistoryEvent(e: AssetEventRow): HistoryEvent {
  return { at: e.at, by: e.by, action: e.action, field: e.field, from: e.from_value, to: e.to_value, reason: e.reason };
}

/** The asset keys that come from ingest columns: every asset carries them (see Asset). */
export type AssetIngestKeys = Pick<Asset, 'frameRange' | 'thumbnail'>;

export function toIngestKeys(cols: { frame_first: number | null; frame_last: number | null; thumbnail: string | null } | undefined): AssetIngestKeys {
  const first = cols?.frame_first ?? null;
  const last = cols?.frame_last ?? null;
  return { frameRange: first !== null && last !== null ? { first, last } : null, thumbnail: Boolean(cols?.thumbnail) };
}
