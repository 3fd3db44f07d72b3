import { resolve } from 'node:path';
import type { ApiContext } from '../../api/context';
import { listPacketEvents, listPacketRows, type PacketState } from '../../../db/packets';
import { verifyPacket, type OutcomeCounts, type VerifyResult } from '../../packet';
import type { HistoryEvent } from '../asset-json';
import { requireProduction } from '../productions';
import { requirePacket, type PacketRef } from './lookup';
import { toPacket, toPacketEvent, type Packet } from './packet-json';
import { packetFileState, packetManifest, packetPdf, requireIntactFile, type FileState } from './packet-zip';

export function listPackets(ctx: ApiContext, filter: { production?: string; state?: PacketState } = {}): Packet[] {
  const productionId = filter.production ? requireProduction(ctx, filter.production).id : undefined;
  return listPacketRows(ctx.db, { productionId, states: filter.state ? [filter.state] : undefined }).map((r) => toPacket(ctx, r));
}

/** What the packet view shows above the PDF: read from the packet's own manifest, so it is what was signed. */
export interface ManifestSummary {
  productionTitle: string;
  vendor: string;
  netflixContact: { name: string; email: string };
  scope: { episodes: string[]; since: string | null; until: string | null };
  counts: OutcomeCounts;
  /** Blocked and awaiting-approval assets, with the rules still open: what the contact must look at first. */
  attention: { id: string; fileName: string; outcome: string; openRules: string[] }[];
  plannedUses: number;
  tools: string[];
  consents: number;
  approvals: number;
  supersedes: string | null;
  signingKeyFingerprint: string;
}

export type PacketDetail = Packet & {
  history: HistoryEvent[];
  /** intact: the file is the one recorded; changed or missing: it must not be sent. */
  file: FileState;
  manifest: ManifestSummary | null;
};

export async function getPacket(ctx: ApiContext, ref: PacketRef): Promise<PacketDetail> {
  const row = requirePacket(ctx, ref);
  const file = packetFileState(ctx, row);
  let manifest: ManifestSummary | null = null;
  if (file === 'intact') {
    const m = await packetManifest(ctx, row);
    manifest = {
      productionTitle: m.production.title,
      vendor: m.production.vendor,
      netflixContact: m.production.netflixContact,
      scope: m.scope,
      counts: m.counts,
      attention: m.assets.filter((a) => a.outcome === 'blocked' || a.outcome === 'escalate').map((a) => ({
        id: a.id, fileName: a.fileName, outcome: a.outcome, openRules: a.findings.filter((f) => f.coveredBy.length === 0).map((f) => f.rule),
      })),
      plannedUses: m.plannedUses.length,
      tools: m.toolDisclosure.map((t) => t.name),
      consents: m.consents.length,
      approvals: m.approvals.length,
      supersedes: m.supersedes,
      signingKeyFingerprint: m.signingKeyFingerprint,
    };
  }
  return { ...toPacket(ctx, row), history: listPacketEvents(ctx.db, row.id).map(toPacketEvent), file, manifest };
}

/** summary.pdf of the packet, base64, for the UI's preview. */
export async function getPacketPdf(ctx: ApiContext, ref: PacketRef): Promise<{ id: number; fileName: string; base64: string }> {
  const row = requirePacket(ctx, ref);
  requireIntactFile(ctx, row, 'preview');
  return { id: row.id, fileName: 'summary.pdf', base64: (await packetPdf(ctx, row)).toString('base64') };
}

/** Checks any packet file as an outsider would: hashes, signature, schema. Needs no database. */
export async function verifyPacketFile(req: { path: string; expectedFingerprint?: string }): Promise<VerifyResult & { path: string }> {
  const path = resolve(req.path);
  const result = await verifyPacket(path, req.expectedFingerprint ? { expectedFingerprint: req.expectedFingerprint } : {});
  return { valid: result.valid, problems: result.problems, path };
}
