import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { ApiContext } from '../../api/context';
import { conflict, invalid } from '../../api/envelope';
import { inTransaction } from '../../../db/connection';
import { appendPacketEvent, getPacketRow, recordEmlExport } from '../../../db/packets';
import { buildEml } from '../../packet';
import { requirePacket, type PacketRef } from './lookup';
import { packetMail } from './mail';
import { toPacket, type Packet } from './packet-json';
import { requireIntactFile } from './packet-zip';
import { approveStep } from './person-actions';

function checkedTarget(out: string): string {
  const path = resolve(out);
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw invalid(`Cannot write ${path}: the folder ${dir} does not exist.`);
  if (existsSync(path) && statSync(path).isDirectory()) throw invalid(`Cannot write ${path}: it is a folder; give a file name ending in .eml.`);
  return path;
}

/**
 * Writes the ready-to-send message (attachments included, marked unsent) for a mail program, when there is no
 * SMTP server, and records who exported it. The packet's state does not change: nobody knows yet whether it was
 * sent, so a person confirms that afterwards.
 */
export async function exportPacketEml(ctx: ApiContext, req: { id: PacketRef; out: string; by?: string }): Promise<Packet & { emlPath: string }> {
  const row = requirePacket(ctx, req.id);
  if (row.approved_at === null) {
    throw conflict(`Packet ${row.id} is a draft: only an approved packet may leave the facility. Approve it first (${approveStep(ctx, row.id)}).`);
  }
  const target = checkedTarget(req.out);
  requireIntactFile(ctx, row, 'export');
  const eml = await buildEml(await packetMail(ctx, row));
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  const by = req.by ?? ctx.actor();
  const at = ctx.now().toISOString();
  try {
    writeFileSync(tmp, eml, { flag: 'wx' });
    inTransaction(ctx.db, () => {
      recordEmlExport(ctx.db, row.id, by, at);
      appendPacketEvent(ctx.db, { packetId: row.id, at, by, action: 'eml-exported', from: row.state, to: row.state, reason: target });
      renameSync(tmp, target);
    });
  } finally {
    rmSync(tmp, { force: true });
  }
  return { ...toPacket(ctx, getPacketRow(ctx.db, row.id)!), emlPath: target };
}
