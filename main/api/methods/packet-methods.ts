import { z } from 'zod';
import { method } from '../method';
import * as s from '../schemas';
import {
  approvePacket,
  buildPacket,
  confirmPacketSent,
  exportPacketEml,
  getPacket,
  getPacketPdf,
  listOutbox,
  listPackets,
  readPacketSettings,
  rebuildPacket,
  resendPacket,
  sendOutbox,
  SMTP_TLS_MODES,
  verifyPacketFile,
  writePacketSettings,
} from '../../services/packets';
import { OUTBOX_STATES } from '../../services/packets/outbox';

const REF_HELP = 'packet ids are whole numbers (see genlog packet list) or the packet uuid';
/** A packet by row id (number or digits) or by the uuid inside its ZIP. */
const packetRef = z.union([
  z.number().int().positive(REF_HELP),
  z.string().trim().regex(/^\d+$/, REF_HELP).transform(Number),
  z.string().trim().uuid(REF_HELP),
], { error: REF_HELP });

const PACKET_STATES = ['draft', ...OUTBOX_STATES] as const;
const filePath = (what: string) => z.string().trim().min(1, `${what} is required`).max(4096);
const clearable = (schema: z.ZodType<string>) => z.union([schema, z.literal(''), z.null()]).optional();

export const packetMethods = {
  buildPacket: method(
    z.object({
      production: z.string().trim().min(1, 'production is required'),
      episode: z.string().trim().min(1).max(100).optional(),
      since: s.isoDate.optional(),
      until: s.isoDate.optional(),
      out: filePath('out').optional(),
      by: s.actorName.optional(),
    }),
    'Build a draft disclosure packet for a production (optionally one episode and a date range)',
    (ctx, i) => buildPacket(ctx, i),
  ),
  rebuildPacket: method(z.object({ id: packetRef, by: s.actorName.optional() }), 'Rebuild a draft packet from the log as it is now',
    (ctx, i) => rebuildPacket(ctx, i)),
  listPackets: method(
    z.object({ production: z.string().trim().min(1).optional(), state: z.enum(PACKET_STATES).optional() }),
    'List packets, newest first',
    (ctx, i) => listPackets(ctx, i),
  ),
  getPacket: method(z.object({ id: packetRef }), 'One packet with its history and manifest summary', (ctx, i) => getPacket(ctx, i.id)),
  getPacketPdf: method(z.object({ id: packetRef }), "A packet's summary.pdf (base64) for the preview", (ctx, i) => getPacketPdf(ctx, i.id)),
  approvePacket: method(z.object({ id: packetRef, by: s.actorName.optional() }), 'Approve a draft packet: it is frozen and queued for sending',
    (ctx, i) => approvePacket(ctx, i)),
  exportPacketEml: method(
    z.object({ id: packetRef, out: filePath('out'), by: s.actorName.optional() }),
    'Write an approved packet as a ready-to-send .eml for a mail program',
    (ctx, i) => exportPacketEml(ctx, i),
  ),
  listOutbox: method(z.object({ states: z.array(z.enum(OUTBOX_STATES)).max(OUTBOX_STATES.length).optional() }),
    'Approved packets and where each is in the outbox', (ctx, i) => listOutbox(ctx, i)),
  sendOutbox: method(
    z.object({
      /** Else the server in settings. */
      smtpUrl: z.string().trim().min(1).max(4096).optional(),
      /** Every queued packet now, ignoring the retry schedule. */
      all: z.boolean().default(false),
      by: s.actorName.optional(),
    }),
    'Send the queued packets through SMTP',
    (ctx, i) => sendOutbox(ctx, i),
  ),
  confirmPacketSent: method(z.object({ id: packetRef, by: s.actorName.optional(), note: z.string().trim().max(2000).optional() }),
    'Confirm by hand that a packet reached the Netflix contact (after an interrupted send or an .eml export)',
    (ctx, i) => confirmPacketSent(ctx, i)),
  resendPacket: method(z.object({ id: packetRef, by: s.actorName.optional(), reason: z.string().trim().max(2000).optional() }),
    'Queue a sent, failed or unknown packet to be sent again', (ctx, i) => resendPacket(ctx, i)),
  verifyPacketFile: method(z.object({ path: filePath('path'), expectedFingerprint: z.string().trim().min(1).max(200).optional() }),
    'Verify a packet ZIP: every hash, the signature and the manifest schema', (_ctx, i) => verifyPacketFile(i)),
  getPacketSettings: method(z.object({}), 'Packet and SMTP settings, and the facility key fingerprint', (ctx) => readPacketSettings(ctx)),
  setPacketSettings: method(
    z.object({
      smtpHost: clearable(z.string().trim().max(255)),
      smtpPort: z.union([z.number().int().min(1, 'smtpPort must be 1-65535').max(65535, 'smtpPort must be 1-65535'), z.null()]).optional(),
      smtpTls: z.enum(SMTP_TLS_MODES).optional(),
      smtpUser: clearable(z.string().max(255)),
      /** Stored only encrypted (desktop app); '' or null forgets it. */
      smtpPassword: clearable(z.string().max(1000)),
      fromAddress: clearable(z.email('fromAddress must be an email address')),
      facilityManagerEmail: clearable(z.email('facilityManagerEmail must be an email address')),
      sizeCapMb: z.number().min(1, 'sizeCapMb must be at least 1').max(1000, 'sizeCapMb must be at most 1000').optional(),
    }),
    'Change packet and SMTP settings',
    (ctx, i) => writePacketSettings(ctx, i),
  ),
};
