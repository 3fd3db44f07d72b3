import type { ApiContext } from '../../api/context';
import { notFound } from '../../api/envelope';
import { getPacketRow, getPacketRowByUuid, type PacketRow } from '../../../db/packets';
import { nextStep } from '../../api/next-step';

/** A packet by its row id (what `genlog packet list` shows) or its uuid (the id inside the ZIP). */
export type PacketRef = number | string;

export function requirePacket(ctx: Pick<ApiContext, 'db' | 'transport'>, ref: PacketRef): PacketRow {
  const row = typeof ref === 'number' ? getPacketRow(ctx.db, ref) : getPacketRowByUuid(ctx.db, ref.toLowerCase());
  if (!row) throw notFound(`No packet with id ${ref}.${nextStep(ctx, { cli: ' List them with genlog packet list.', app: '' })}`);
  return row;
}
