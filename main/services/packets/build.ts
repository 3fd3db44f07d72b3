import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, renameSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ApiContext } from '../../api/context';
import { conflict, invalid } from '../../api/envelope';
import { inReadTransaction, inTransaction } from '../../../db/connection';
import {
  appendPacketEvent,
  getPacketRow,
  insertPacket,
  latestApprovedInScope,
  setPacketAssets,
  updateDraftContent,
  type PacketRow,
} from '../../../db/packets';
import { getProductionById, type ProductionRow } from '../../../db/productions';
import { packetMessageId } from '../../packet';
import { requireProduction } from '../productions';
import { collectManifest, type CollectedPacket } from './collect-manifest';
import { facilityKey } from './facility-key';
import { requirePacket, type PacketRef } from './lookup';
import { toPacket, type Packet } from './packet-json';
import { checkedScope, describeScope, type PacketScope } from './scope';
import { packetRelPath, removeQuietly, stagingPath, writePacketZip } from './write-zip';

export interface BuildRequest {
  production: string;
  episode?: string;
  since?: string;
  until?: string;
  /** Also copy the packet here. */
  out?: string;
  by?: string;
}

/** The copy target must be a file in an existing folder; checked before anything is built. */
function checkedOut(out: string | undefined): string | undefined {
  if (out === undefined) return undefined;
  const path = resolve(out);
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw invalid(`Cannot write the packet to ${path}: the folder ${dir} does not exist.`);
  if (existsSync(path) && statSync(path).isDirectory()) throw invalid(`Cannot write the packet to ${path}: it is a folder; give a file name ending in .zip.`);
  return path;
}

function collect(ctx: ApiContext, production: ProductionRow, scope: PacketScope, uuid: string, by: string, fingerprint: string, excludeId = 0) {
  // One read transaction: the manifest is a consistent snapshot even while others log assets.
  return inReadTransaction(ctx.db, () => {
    const previous = latestApprovedInScope(ctx.db, production.id, scope, excludeId);
    const collected = collectManifest(ctx, production, scope, {
      packetId: uuid, createdBy: by, createdAt: ctx.now().toISOString(), supersedes: previous?.uuid ?? null, signingKeyFingerprint: fingerprint,
    });
    if (collected.manifest.assets.length === 0 && collected.manifest.plannedUses.length === 0) {
      throw invalid(`Nothing to disclose: production ${production.code} has no active assets or planned uses in ${describeScope(scope)}.`);
    }
    return { collected, supersedesId: previous?.id ?? null };
  });
}

function content(c: CollectedPacket, written: { sha256: string; size: number }, zipPath: string, supersedesId: number | null) {
  return {
    zipPath, zipSha256: written.sha256, zipSize: written.size, assetCount: c.assetIds.length, counts: JSON.stringify(c.manifest.counts),
    supersedesId, createdBy: c.manifest.createdBy, createdAt: c.manifest.createdAt,
  };
}

/**
 * Builds a draft packet: collects the production's assets in scope with their compliance, writes the signed ZIP
 * into <dataDir>/packets/<uuid>.zip (and a copy to `out`), then records the packet and its assets in one
 * transaction. A refusal (over the size cap, nothing in scope, bad input) leaves neither rows nor files.
 */
export async function buildPacket(ctx: ApiContext, req: BuildRequest): Promise<Packet> {
  const production = requireProduction(ctx, req.production);
  const scope = checkedScope(production, req);
  const out = checkedOut(req.out);
  const by = req.by ?? ctx.actor();
  const key = facilityKey(ctx);
  const uuid = randomUUID();
  const { collected, supersedesId } = collect(ctx, production, scope, uuid, by, key.fingerprint);
  const relPath = packetRelPath(uuid);
  const file = join(ctx.dataDir, relPath);
  const written = await writePacketZip(ctx, collected.manifest, key, file);
  try {
    if (out) copyFileSync(file, out);
    const id = inTransaction(ctx.db, () => {
      const packetId = insertPacket(ctx.db, {
        ...content(collected, written, relPath, supersedesId),
        uuid, productionId: production.id, episode: scope.episode, since: scope.since, until: scope.until, messageId: packetMessageId(uuid),
      });
      setPacketAssets(ctx.db, packetId, collected.assetIds);
      appendPacketEvent(ctx.db, {
        packetId, at: collected.manifest.createdAt, by, action: 'built', to: 'draft',
        reason: `${collected.assetIds.length} asset(s), ${describeScope(scope)}${supersedesId ? `; supersedes packet ${supersedesId}` : ''}`,
      });
      return packetId;
    });
    return toPacket(ctx, getPacketRow(ctx.db, id)!);
  } catch (err) {
    removeQuietly(file);
    if (out) removeQuietly(out);
    throw err;
  }
}

function scopeOf(row: PacketRow): PacketScope {
  return { episode: row.episode, since: row.since, until: row.until };
}

/** Regenerates a draft in place (same id and file) from today's log; an approved packet is frozen. */
export async function rebuildPacket(ctx: ApiContext, req: { id: PacketRef; by?: string }): Promise<Packet> {
  const row = requirePacket(ctx, req.id);
  if (row.approved_at !== null) {
    throw conflict(`Packet ${row.id} was approved on ${row.approved_at.slice(0, 10)} and is frozen. Build a new packet; it will supersede this one.`);
  }
  const production = getProductionById(ctx.db, row.production_id)!;
  const by = req.by ?? ctx.actor();
  const key = facilityKey(ctx);
  const { collected, supersedesId } = collect(ctx, production, scopeOf(row), row.uuid, by, key.fingerprint, row.id);
  const staging = stagingPath(ctx, row.uuid, 'rebuild');
  try {
    const written = await writePacketZip(ctx, collected.manifest, key, staging);
    inTransaction(ctx.db, () => {
      if (!updateDraftContent(ctx.db, row.id, content(collected, written, row.zip_path, supersedesId))) {
        throw conflict(`Packet ${row.id} was approved while it was being rebuilt; it is frozen now.`);
      }
      setPacketAssets(ctx.db, row.id, collected.assetIds);
      appendPacketEvent(ctx.db, {
        packetId: row.id, at: collected.manifest.createdAt, by, action: 'rebuilt', from: 'draft', to: 'draft',
        reason: `${collected.assetIds.length} asset(s)`,
      });
      // Last step before commit: if the rename fails, the row change rolls back with it.
      renameSync(staging, join(ctx.dataDir, row.zip_path));
    });
  } finally {
    removeQuietly(staging);
  }
  return toPacket(ctx, getPacketRow(ctx.db, row.id)!);
}
