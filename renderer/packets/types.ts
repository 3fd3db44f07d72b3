import type { InputOf, ValueOf } from '../api-types';

/* Packet types, read off the API like every other renderer type (see api-types.ts). */

export type Packet = ValueOf<'listPackets'>[number];
export type PacketDetail = ValueOf<'getPacket'>;
export type PacketState = Packet['state'];
export type PacketEvent = PacketDetail['history'][number];
export type ManifestSummary = NonNullable<PacketDetail['manifest']>;
export type OutcomeCounts = Packet['counts'];
export type Outcome = keyof OutcomeCounts;
export type ExportedEml = ValueOf<'exportPacketEml'>;
export type PacketPdf = ValueOf<'getPacketPdf'>;
export type VerifyResult = ValueOf<'verifyPacketFile'>;
export type OutboxRun = ValueOf<'sendOutbox'>;
export type PacketSettings = ValueOf<'getPacketSettings'>;
export type PacketSettingsChange = InputOf<'setPacketSettings'>;
export type SmtpTls = PacketSettings['smtpTls'];
export type FileState = PacketDetail['file'];

/** What the build dialog sends: a production and an optional scope. */
export interface BuildInput {
  production: string;
  episode?: string;
  since?: string;
  until?: string;
}
