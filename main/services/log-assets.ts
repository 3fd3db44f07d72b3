import { basename, resolve } from 'node:path';
import type { ApiContext } from '../api/context';
import { invalid, notFound } from '../api/envelope';
import { inTransaction } from '../../db/connection';
import { findAssetByHash, getAsset, insertAsset, type Classification, type MediaType } from '../../db/assets';
import { appendAssetEvent } from '../../db/asset-events';
import { hashFile } from '../ingest/hash-file';
import { mediaTypeOf } from '../ingest/media-type';
import { requireProduction } from './productions';
import { requireTool } from './tools';
import { toAsset, type Asset } from './asset-json';

export type FileRef = { path: string } | { stagedId: string };

export interface LogRequest {
  files: FileRef[];
  production: string;
  tool: string;
  by?: string;
  prompt: string;
  notes: string;
  episode: string;
  classification: Classification;
}

export interface HashedFile {
  fileName: string;
  path: string;
  sha256: string;
  size: number;
  mediaType: MediaType;
}

export type LoggedAsset = Asset & { duplicate: boolean };

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
  const hashed: HashedFile[] = [];
  for (const ref of req.files) hashed.push(await hashRef(ctx, ref));
  return insertHashed(ctx, production.id, tool.id, req, hashed);
}

export function insertHashed(
  ctx: ApiContext,
  productionId: number,
  toolId: number | null,
  req: Omit<LogRequest, 'files' | 'production' | 'tool'>,
  hashed: HashedFile[],
): LoggedAsset[] {
  const by = req.by ?? ctx.actor();
  const at = ctx.now().toISOString();
  const logged = inTransaction(ctx.db, () =>
    hashed.map((h) => {
      const existing = findAssetByHash(ctx.db, productionId, h.sha256);
      if (existing) return { id: existing.id, duplicate: true };
      const id = insertAsset(ctx.db, {
        productionId,
        episode: req.episode,
        fileName: h.fileName,
        path: h.path,
        sha256: h.sha256,
        size: h.size,
        mediaType: h.mediaType,
        classification: req.classification,
        toolId,
        createdBy: by,
        createdAt: at,
        prompt: req.prompt,
        notes: req.notes,
      });
      appendAssetEvent(ctx.db, { assetId: id, at, by, action: 'logged', to: h.sha256, reason: null });
      return { id, duplicate: false };
    }),
  );
  return logged.map((l) => ({ ...toAsset(getAsset(ctx.db, l.id)!), duplicate: l.duplicate }));
}
