import { basename, resolve } from 'node:path';
import type { ApiContext } from '../api/context';
import { invalid, notFound } from '../api/envelope';
import { inTransaction } from '../../db/connection';
import { findAssetIdByHash, getAssetsByIds, type Classification, type MediaType } from '../../db/assets';
import { insertAssetBatch, insertedAssetRow, type AssetBatchRow, type AssetBatchShared } from '../../db/asset-batch';
import { getProductionById } from '../../db/productions';
import { getToolById } from '../../db/tools';
import { appendAssetEventBatch } from '../../db/asset-events';
import { settleLoggedDrafts } from '../../db/inbox';
import { addChainRowsToNewAssets } from '../../db/asset-tools';
import { hashFile } from '../ingest/hash-file';
import { mediaTypeOf } from '../ingest/media-type';
import { defaultFacts } from '../compliance';
import { requireProduction } from './productions';
import { requireTool } from './tools';
import { toAsset, type Asset } from './asset-json';
import { Assessor } from './compliance/assessor';
import { planNewAssets, type NewAssetCompliance, type NewAssetFacts } from './compliance/new-assets';
import { chainRowsToStore } from './compliance/tool-chain';
import { recordIngestDetails, type FilePrefill, type IngestDetails } from './ingest/ingest-details';
import { readProvenanceOfRefs, withProvenance } from './ingest/log-provenance';
import { queueLoggedThumbnails } from './ingest/thumbnails';
import { factsJson } from './compliance/facts-input';

export type FileRef = { path: string } | { stagedId: string };

export interface LogRequest extends NewAssetFacts {
  files: FileRef[];
  production: string;
  tool: string;
  by?: string;
  prompt: string;
  notes: string;
  episode: string;
  /** Omitted -> the planned use's classification, else temporary. */
  classification?: Classification;
}

export interface HashedFile {
  fileName: string;
  path: string;
  sha256: string;
  size: number;
  mediaType: MediaType;
  /** Values for fields the request leaves empty, read from the file itself (prompt, model note, creation time). */
  prefill?: FilePrefill;
  /** Provenance and image-sequence frames stored with the new asset (see services/ingest). */
  ingest?: IngestDetails;
}

export type LoggedAsset = Asset & {
  duplicate: boolean;
  /**
   * Folder ingest: the file (or sequence, by its pattern) found that this entry answers; for a duplicate, the file
   * whose content the log already held, which may be another path than the asset's.
   */
  foundPath?: string;
  /**
   * Folder ingest: late frames of a sequence (frames rendered after it was logged) whose content the log already
   * held as this asset (a loop render repeating earlier frames), and so not logged again: the frames found.
   */
  foundFrames?: { first: number; last: number };
};

export interface InsertRequest {
  by?: string;
  prompt: string;
  notes: string;
  episode: string;
  classification?: Classification;
  /** Facts, chain and planned use for every new asset; omitted -> cautious default facts, chain = the tool. */
  compliance?: NewAssetCompliance;
}

async function hashRef(ctx: ApiContext, ref: FileRef): Promise<HashedFile> {
  if ('stagedId' in ref) {
    const s = ctx.staged.get(ref.stagedId);
    if (!s) throw notFound('That upload has expired or was never received; drop the file again.');
    return { fileName: s.fileName, path: '', sha256: s.sha256, size: s.size, mediaType: mediaTypeOf(s.fileName) };
  }
  const path = resolve(ref.path);
  const { sha256, size } = await hashFile(path);
  return { fileName: basename(path), path, sha256, size, mediaType: mediaTypeOf(path) };
}

export function validateEpisode(episodes: string[], episode: string, code: string): void {
  if (episode && episodes.length > 0 && !episodes.includes(episode)) {
    throw invalid(`Episode/reel "${episode}" is not in production ${code}'s list (${episodes.join(', ')}).`);
  }
}

/**
 * Logs files all-or-nothing: every file is hashed before anything is written, so one unreadable file fails the
 * whole request and leaves the log untouched. Content already logged in the production is returned, not duplicated.
 */
export async function logAssets(ctx: ApiContext, req: LogRequest): Promise<LoggedAsset[]> {
  if (req.files.length === 0) throw invalid('No files to log.');
  const production = requireProduction(ctx, req.production);
  const tool = requireTool(ctx, req.tool);
  validateEpisode(JSON.parse(production.episodes) as string[], req.episode, production.code);
  const compliance = planNewAssets(ctx, production, tool.id, req);
  // Provenance is read while the files are hashed; it never fails the request (errors are stored on the asset).
  const provenance = readProvenanceOfRefs(req.files, ctx.staged);
  const hashed: HashedFile[] = [];
  for (const ref of req.files) hashed.push(await hashRef(ctx, ref));
  const described = withProvenance(ctx, hashed, await provenance);
  const logged = inTransaction(ctx.db, () => {
    const assets = insertHashed(ctx, production.id, tool.id, { ...req, classification: compliance.classification, compliance }, described);
    // Drafts of these files waiting in the inbox (a watch folder saw them first) are decided by whoever logged them.
    settleLoggedDrafts(ctx.db, { at: ctx.now().toISOString(), by: req.by ?? ctx.actor(), assetIds: assets.map((a) => a.id) });
    return assets;
  });
  queueLoggedThumbnails(ctx, logged); // made after the commit; a failure never touches the log
  return logged;
}

/**
 * Inserts already-hashed files in one transaction. Every new asset in a batch shares facts, classification, chain
 * and production and has no approvals yet, so the rule engine runs once per batch, not once per file.
 */
export function insertHashed(
  ctx: ApiContext,
  productionId: number,
  toolId: number | null,
  req: InsertRequest,
  hashed: HashedFile[],
): LoggedAsset[] {
  const by = req.by ?? ctx.actor();
  const at = ctx.now().toISOString();
  const classification = req.classification ?? req.compliance?.classification ?? 'temporary';
  const plan = req.compliance ?? { facts: defaultFacts(), chain: toolId === null ? [] : [toolId], classification, plannedUseId: null };
  const facts = factsJson(plan.facts);
  const chainRows = chainRowsToStore(toolId, plan.chain);
  const shared: AssetBatchShared = {
    productionId, episode: req.episode, classification, toolId, createdBy: by, plannedUseId: plan.plannedUseId, facts, outcome: null,
  };
  return inTransaction(ctx.db, () => {
    shared.outcome = new Assessor(ctx.db, ctx.now()).assess({ productionId, classification, facts: plan.facts, chain: plan.chain }, []).outcome;
    // Decide first which files are new (content already logged, or repeated in this batch, is a duplicate), then
    // write the new ones in bulk: per-row statements cost a full-text index flush each (see insertAssetBatch).
    const fresh = new Map<string, AssetBatchRow & { ingest?: IngestDetails }>();
    const existingIds = new Map<string, number>();
    for (const h of hashed) {
      if (fresh.has(h.sha256) || existingIds.has(h.sha256)) continue;
      const existing = findAssetIdByHash(ctx.db, productionId, h.sha256);
      if (existing !== undefined) { existingIds.set(h.sha256, existing); continue; }
      fresh.set(h.sha256, {
        fileName: h.fileName,
        path: h.path,
        sha256: h.sha256,
        size: h.size,
        mediaType: h.mediaType,
        createdAt: h.prefill?.createdAt ?? at,
        prompt: req.prompt || (h.prefill?.prompt ?? ''),
        notes: [req.notes || (h.prefill?.notes ?? ''), h.prefill?.link].filter(Boolean).join('\n'),
        ...(h.ingest ? { ingest: h.ingest } : {}),
      });
    }
    const rows = [...fresh.values()];
    const ids = insertAssetBatch(ctx.db, shared, rows);
    if (chainRows.length > 0) addChainRowsToNewAssets(ctx.db, ids, chainRows);
    appendAssetEventBatch(ctx.db, { at, by, action: 'logged' }, rows.map((r, i) => ({ assetId: ids[i]!, to: r.sha256 })));
    rows.forEach((r, i) => { if (r.ingest) recordIngestDetails(ctx.db, ids[i]!, r.ingest, at); });
    const names = {
      productionCode: getProductionById(ctx.db, productionId)?.code ?? '',
      toolName: toolId === null ? null : (getToolById(ctx.db, toolId)?.name ?? null),
    };
    const created = new Map<string, LoggedAsset>();
    rows.forEach((r, i) => {
      const ingest = { frame_first: r.ingest?.sequence?.first ?? null, frame_last: r.ingest?.sequence?.last ?? null, thumbnail: r.ingest?.thumbnail ?? null };
      created.set(r.sha256, { ...toAsset(insertedAssetRow(shared, r, ids[i]!, names, ingest)), duplicate: false });
    });
    const existing = getAssetsByIds(ctx.db, [...existingIds.values()]);
    const returned = new Set<string>();
    return hashed.map((h): LoggedAsset => {
      const mine = created.get(h.sha256);
      if (mine && !returned.has(h.sha256)) { returned.add(h.sha256); return mine; }
      return { ...(mine ?? toAsset(existing.get(existingIds.get(h.sha256)!)!)), duplicate: true };
    });
  });
}
