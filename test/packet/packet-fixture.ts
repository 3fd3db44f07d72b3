import path from 'node:path';
import { loadOrCreateFacilityKey } from '../../main/packet/keys';
import type { FacilityKey } from '../../main/packet/keys';
import type { PacketManifest } from '../../main/packet/manifest-types';
import { writePacket } from '../../main/packet/write-packet';
import { readZip, zipBuffer } from '../../main/packet/zip-io';
import { writeFileSync } from 'node:fs';
import { buildFixtureManifest } from './fixture-manifest';

export interface BuiltPacket {
  key: FacilityKey;
  manifest: PacketManifest;
  zipPath: string;
  sha256: string;
}

/** A facility key in `dir`/keys and a signed fixture packet at `dir`/<name>. */
export async function buildPacket(dir: string, name = 'PKT-HL-2025-0007.zip', overrides: Partial<PacketManifest> = {}): Promise<BuiltPacket> {
  const key = loadOrCreateFacilityKey(path.join(dir, 'keys'));
  const manifest = buildFixtureManifest({ signingKeyFingerprint: key.fingerprint, ...overrides });
  const written = await writePacket(manifest, key, path.join(dir, name));
  return { key, manifest, zipPath: written.path, sha256: written.sha256 };
}

/** Copies a packet ZIP with its entries changed, as someone tampering with it would. */
export async function rewriteZip(
  src: string,
  dst: string,
  change: (files: Map<string, Buffer>) => void,
): Promise<string> {
  const { files } = await readZip(src);
  change(files);
  const zip = await zipBuffer([...files].map(([name, data]) => ({ name, data })), new Date('2025-09-25T14:30:00Z'));
  writeFileSync(dst, zip);
  return dst;
}
