// Disclosure packets: the manifest, its schema, signing, the ZIP, verification, PDF, CSV and e-mail.
// Pure library code (no database, no Electron): the packet lifecycle and outbox build on top of it.

export * from './manifest-types';
export { schemaPath, appRoot, MANIFEST_SCHEMA_FILE } from './schema-path';
export { validateManifest, assertValidManifest, ManifestInvalidError } from './validate-manifest';
export { loadOrCreateFacilityKey, fingerprintOf, PLAIN_KEY_FILE, PROTECTED_KEY_FILE } from './keys';
export type { FacilityKey, KeyProtector } from './keys';
export { assetsCsv, neutraliseCell } from './csv';
export { renderSummaryPdf } from './pdf';
export { writePacket, packetEntries, PacketTooLargeError, DEFAULT_PACKET_SIZE_CAP } from './write-packet';
export type { WrittenPacket } from './write-packet';
export { verifyPacket } from './verify';
export type { VerifyResult, VerifyOptions } from './verify';
export { PACKET_FILE } from './packet-files';
export { composePacketEmail, buildEml, sendEmail, classifySmtpError, packetMessageId } from './email';
export type { PacketEmailInput, SendResult } from './email';
export { parseSmtpUrl, DEFAULT_SMTP_TIMEOUTS } from './smtp-url';
export type { SmtpSettings, SmtpTimeouts, SmtpTlsMode } from './smtp-url';
