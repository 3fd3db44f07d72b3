// Disclosure packets in the log: build, approve, the outbox and its worker, .eml export, settings.
export { buildPacket, rebuildPacket, type BuildRequest } from './build';
export { approvePacket } from './approve';
export { sendOutbox, listOutbox, recoverInterruptedSends, retryDelayMs, OUTBOX_STATES, type OutboxRun, type SendOutcome, type SendOptions } from './outbox';
export { OutboxWorker, type OutboxWorkerOptions } from './outbox-worker';
export { confirmPacketSent, resendPacket } from './person-actions';
export { exportPacketEml } from './eml-export';
export { listPackets, getPacket, getPacketPdf, verifyPacketFile, type PacketDetail, type ManifestSummary } from './queries';
export {
  readPacketSettings, writePacketSettings, smtpUrlFromSettings, SMTP_TLS_MODES,
  type PacketSettings, type PacketSettingsChange, type SmtpTlsSetting,
} from './packet-settings';
export { facilityKey, facilityKeyInfo, type FacilityKeyInfo } from './facility-key';
export { protectorFromSafeStorage, type SafeStorageLike } from './protector';
export type { Packet } from './packet-json';
export type { PacketRef } from './lookup';
