import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ApiContext } from '../../api/context';
import { conflict } from '../../api/envelope';
import type { PacketRow } from '../../../db/packets';
import { PACKET_FILE, type PacketManifest } from '../../packet';
import { readZip } from '../../packet/zip-io';
import { packetFile } from './packet-json';
import { nextStep } from '../../api/next-step';

export type FileState = 'intact' | 'changed' | 'missing';

/** Whether the packet file on disk is still the one recorded (its sha256), changed, or gone. */
export function packetFileState(ctx: Pick<ApiContext, 'dataDir'>, row: PacketRow): FileState {
  let data: Buffer;
  try {
    data = readFileSync(packetFile(ctx, row));
  } catch {
    return 'missing';
  }
  return createHash('sha256').update(data).digest('hex') === row.zip_sha256 ? 'intact' : 'changed';
}

/** How to rebuild a draft packet, for a message. */
export function rebuildStep(ctx: Pick<ApiContext, 'transport'>, id: number): string {
  return nextStep(ctx, { cli: `genlog packet rebuild ${id}`, app: 'its Rebuild button' });
}

/** Refuses to use a packet whose file is not byte for byte the one recorded: it must never be sent or approved. */
export function requireIntactFile(ctx: Pick<ApiContext, 'dataDir' | 'transport'>, row: PacketRow, what: string): void {
  const state = packetFileState(ctx, row);
  if (state === 'intact') return;
  const where = packetFile(ctx, row);
  const fix = row.approved_at === null ? `Rebuild the draft (${rebuildStep(ctx, row.id)}) and review it again.`
    : 'Restore it from a backup, or build a new packet that supersedes it.';
  throw conflict(`Cannot ${what} packet ${row.id}: its file ${where} ${state === 'missing' ? 'is missing' : 'was changed on disk since it was recorded'}. ${fix}`);
}

export async function packetEntry(ctx: Pick<ApiContext, 'dataDir'>, row: PacketRow, name: string): Promise<Buffer> {
  const { files } = await readZip(packetFile(ctx, row));
  const data = files.get(name);
  if (!data) throw conflict(`Packet ${row.id}'s file has no ${name}; it is damaged. Rebuild or replace it.`);
  return data;
}

export async function packetManifest(ctx: Pick<ApiContext, 'dataDir'>, row: PacketRow): Promise<PacketManifest> {
  return JSON.parse((await packetEntry(ctx, row, PACKET_FILE.manifest)).toString('utf8')) as PacketManifest;
}

export function packetPdf(ctx: Pick<ApiContext, 'dataDir'>, row: PacketRow): Promise<Buffer> {
  return packetEntry(ctx, row, PACKET_FILE.pdf);
}
