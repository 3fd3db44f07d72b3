import { randomBytes, sign } from 'node:crypto';
import { mkdirSync, openSync, closeSync, fsyncSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { assetsCsv } from './csv';
import type { FacilityKey } from './keys';
import type { PacketManifest } from './manifest-types';
import { formatSha256Sums, PACKET_FILE, sha256Hex } from './packet-files';
import { renderSummaryPdf } from './pdf';
import { humanSize } from './pdf-text';
import { assertValidManifest } from './validate-manifest';
import { zipBuffer } from './zip-io';
import type { ZipEntry } from './zip-io';

export const DEFAULT_PACKET_SIZE_CAP = 20 * 1024 * 1024;

export interface WrittenPacket {
  path: string;
  sha256: string;
  size: number;
}

/** The packet would exceed the size cap; nothing was written. */
export class PacketTooLargeError extends Error {
  constructor(readonly size: number, readonly cap: number) {
    super(
      `The packet would be ${humanSize(size)}, over the ${humanSize(cap)} limit, so it was not written. ` +
        'Split it: build one packet per episode, or cover a shorter date range (since/until), and send them separately.',
    );
    this.name = 'PacketTooLargeError';
  }
}

/** The six files of the packet, in ZIP order, signed with the facility key. */
export async function packetEntries(manifest: PacketManifest, key: FacilityKey): Promise<ZipEntry[]> {
  assertValidManifest(manifest);
  if (manifest.signingKeyFingerprint !== key.fingerprint) {
    throw new Error(
      `manifest.signingKeyFingerprint (${manifest.signingKeyFingerprint}) is not the fingerprint of the signing key ` +
        `(${key.fingerprint}); set it from the facility key before building the packet.`,
    );
  }
  const hashed: ZipEntry[] = [
    { name: PACKET_FILE.manifest, data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    { name: PACKET_FILE.pdf, data: await renderSummaryPdf(manifest) },
    { name: PACKET_FILE.csv, data: Buffer.from(assetsCsv(manifest)) },
    { name: PACKET_FILE.publicKey, data: Buffer.from(key.publicKeyPem) },
  ];
  const sums = Buffer.from(formatSha256Sums(hashed));
  const signature = sign(null, sums, key.privateKey);
  return [...hashed, { name: PACKET_FILE.sums, data: sums }, { name: PACKET_FILE.signature, data: signature }];
}

// Readers never see a half-written packet: write a hidden temp file beside it, flush, rename.
function writeAtomically(outPath: string, data: Buffer): void {
  mkdirSync(path.dirname(outPath), { recursive: true });
  const tmp = path.join(path.dirname(outPath), `.${path.basename(outPath)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, outPath);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Builds the signed disclosure packet ZIP at `outPath` (replacing an older file there).
 * Refuses an invalid manifest (ManifestInvalidError, with the problems) and a packet over the size
 * cap (PacketTooLargeError); in both cases no file is left behind. Same manifest and key, same bytes.
 */
export async function writePacket(
  manifest: PacketManifest,
  key: FacilityKey,
  outPath: string,
  opts: { sizeCapBytes?: number } = {},
): Promise<WrittenPacket> {
  const cap = opts.sizeCapBytes ?? DEFAULT_PACKET_SIZE_CAP;
  if (!Number.isFinite(cap) || cap <= 0) throw new Error(`The packet size cap must be a positive number of bytes, not ${cap}.`);
  if (!outPath) throw new Error('No output file was given for the packet.');
  const entries = await packetEntries(manifest, key);
  const zip = await zipBuffer(entries, new Date(manifest.approvedAt ?? manifest.createdAt));
  if (zip.length > cap) throw new PacketTooLargeError(zip.length, cap);
  const resolved = path.resolve(outPath);
  writeAtomically(resolved, zip);
  return { path: resolved, sha256: sha256Hex(zip), size: zip.length };
}
