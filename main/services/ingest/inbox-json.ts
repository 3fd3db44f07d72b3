import { dirname, join } from 'node:path';
import type { Classification } from '../../../db/assets';
import type { InboxRow } from '../../../db/inbox';
import type { C2paValidationState, ProvenanceRecord, ProvenanceSummary } from '../../provenance';
import { matchTool, uncheckedProblems } from '../../provenance';
import { mismatchesWhenDismissed, mismatchesWhenLogged } from './provenance-capture';

/** One frame of a sequence found in a watch folder. */
export interface InboxFrame {
  frame: number;
  fileName: string;
  sha256: string;
  size: number;
  mtimeMs: number;
}

/** The watch folder's defaults and what the file said, as they were when the item was found. */
export interface InboxPrefill {
  production: string;
  plannedUseId: number | null;
  /** The watch folder's tool. */
  tool: string | null;
  artist: string | null;
  classification: Classification;
  prompt?: string;
  notes?: string;
  model?: string;
  createdAt?: string;
  /** The listed tool the file's provenance names. */
  matchedTool?: string;
  /**
   * Late frames of a sequence already logged: frames between this draft's first and last that assets in the log
   * hold (when the draft was found), so they are not missing.
   */
  framesInLog?: number[];
  /** Late frames of a dismissed sequence draft: frames between this draft's first and last that it held, so not missing. */
  framesDismissed?: number[];
}

export interface InboxProvenanceBrief {
  summary: ProvenanceSummary;
  errors: string[];
  /**
   * Where the file contradicts what was decided: being logged as generative-AI output (pending or confirmed), or
   * being dismissed as not that (a dismissed file that says AI made it).
   */
  mismatches: string[];
  /** The C2PA manifest's validation state and its problems; null when the file has none. */
  c2pa: { state: C2paValidationState; problems: string[] } | null;
}

/** A manifest that failed validation (a file changed after signing, a broken signature) is never only in the detail. */
export function c2paFailed(brief: InboxProvenanceBrief | null): boolean {
  return brief?.c2pa?.state === 'invalid';
}

/** Checks that could not be made on a manifest that did not fail (a damaged time stamp): raised as a failure is. */
export function c2paUnchecked(brief: InboxProvenanceBrief | null): string[] {
  return uncheckedProblems(brief?.c2pa);
}

/** An inbox item as scripts and the UI see it. */
export interface InboxItem {
  id: number;
  watchId: number | null;
  kind: 'file' | 'sequence';
  path: string;
  fileName: string;
  size: number;
  sha256: string;
  mediaType: InboxRow['media_type'];
  frameRange: { first: number; last: number } | null;
  frameCount: number;
  status: InboxRow['status'];
  /** The asset it was logged as, once confirmed. */
  assetId: number | null;
  /** That asset's tool (chosen at confirmation, or the default); null until confirmed. */
  assetTool: string | null;
  /** That asset's production (chosen at confirmation, or the watch folder's); null until confirmed. */
  assetProduction: string | null;
  foundAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  prefill: InboxPrefill;
  provenance: InboxProvenanceBrief | null;
}

export type InboxItemDetail = InboxItem & { record: ProvenanceRecord | null; frames: InboxFrame[] };

export function rowFrames(r: InboxRow): InboxFrame[] {
  return r.frames ? (JSON.parse(r.frames) as InboxFrame[]) : [];
}

export function rowRecord(r: InboxRow): ProvenanceRecord | null {
  return r.provenance ? (JSON.parse(r.provenance) as ProvenanceRecord) : null;
}

/** Every file an inbox row stands for, with the version that was found. */
export function rowFiles(r: InboxRow): { path: string; size: number; mtimeMs: number }[] {
  if (r.kind === 'file') return [{ path: r.path, size: r.size, mtimeMs: r.mtime_ms }];
  const dir = dirname(r.path);
  return rowFrames(r).map((f) => ({ path: join(dir, f.fileName), size: f.size, mtimeMs: f.mtimeMs }));
}

/**
 * An inbox row as scripts and the UI see it. With `toolNames` (the tool list now), a pending draft's
 * `prefill.matchedTool` is matched again: a tool added after the file was found is matched as soon as it is listed.
 */
export function toInboxItem(r: InboxRow, toolNames?: readonly string[]): InboxItem {
  const frames = rowFrames(r);
  const record = rowRecord(r);
  const prefill = JSON.parse(r.prefill) as InboxPrefill;
  if (toolNames && record && r.status === 'pending') {
    const matched = matchTool(record, toolNames);
    if (matched) prefill.matchedTool = matched;
    else delete prefill.matchedTool;
  }
  const first = frames[0];
  const last = frames[frames.length - 1];
  return {
    id: r.id,
    watchId: r.watch_id,
    kind: r.kind,
    path: r.path,
    fileName: r.file_name,
    size: r.size,
    sha256: r.sha256,
    mediaType: r.media_type,
    frameRange: first && last ? { first: first.frame, last: last.frame } : null,
    frameCount: r.kind === 'file' ? 1 : frames.length,
    status: r.status,
    assetId: r.asset_id,
    assetTool: r.asset_tool ?? null,
    assetProduction: r.asset_production ?? null,
    foundAt: r.found_at,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by,
    prefill,
    provenance: record
      ? {
        summary: record.summary, errors: record.errors, c2pa: record.c2pa ? { ...record.c2pa.validation } : null,
        mismatches: r.status === 'dismissed' ? mismatchesWhenDismissed(record) : mismatchesWhenLogged(record),
      }
      : null,
  };
}

export function toInboxDetail(r: InboxRow, toolNames?: readonly string[]): InboxItemDetail {
  return { ...toInboxItem(r, toolNames), record: rowRecord(r), frames: rowFrames(r) };
}
