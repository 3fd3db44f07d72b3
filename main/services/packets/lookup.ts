import type { ApiContext } from '../../api/context';
import { notFound } from '../../api/envelope';
import { getPacketRow, getPacketRowByUuid, type PacketRow } from '../../../db/packets';

/** A packet by its row id (what `genlog packet list` shows) or its uuid (the id inside the ZIP). */
export type PacketRef = number | string;

export function requirePacket(ctx: Pick<ApiContext, 'db'>, ref: PacketRef): PacketRow {
  const row = typeof ref === 'number' ? getPacketRow(ctx.db, ref) : getPacketRowByUuid(ctx.db, ref.toLowerCase());
  if (!row) throw notFound(`No packet with id ${ref}. List them with genlog packet list.`);
  return row;
}
