import type Mail from 'nodemailer/lib/mailer';
import type { ApiContext } from '../../api/context';
import type { PacketRow } from '../../../db/packets';
import { getProductionById } from '../../../db/productions';
import { composePacketEmail } from '../../packet';
import { contactName } from './collect-manifest';
import { packetFile } from './packet-json';
import { packetManifest, packetPdf } from './packet-zip';
import { senderAddresses } from './packet-settings';

/**
 * The e-mail that carries an approved packet: to the production's Netflix contact (as recorded now, in case the
 * contact changed since the build), cc the facility manager, from the sender in settings, with the packet's stable
 * Message-ID so a re-send is recognised as the same message.
 */
export async function packetMail(ctx: ApiContext, row: PacketRow): Promise<Mail.Options> {
  const { from, cc } = senderAddresses(ctx);
  const production = getProductionById(ctx.db, row.production_id)!;
  return composePacketEmail({
    manifest: await packetManifest(ctx, row),
    zipPath: packetFile(ctx, row),
    pdf: await packetPdf(ctx, row),
    from,
    to: { name: contactName(production.contact_email), address: production.contact_email },
    cc,
    messageId: row.message_id,
  });
}
