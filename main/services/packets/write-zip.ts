import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiContext } from '../../api/context';
import { failed } from '../../api/envelope';
import { ManifestInvalidError, PacketTooLargeError, writePacket, type FacilityKey, type PacketManifest, type WrittenPacket } from '../../packet';
import { storedPacketSettings } from './packet-settings';

export const PACKETS_DIR = 'packets';

/** Where a packet lives, relative to the data folder (stored so the folder can be moved). */
export function packetRelPath(uuid: string): string {
  return join(PACKETS_DIR, `${uuid}.zip`);
}

/** A hidden file beside the packet, renamed over it once the database agrees. */
export function stagingPath(ctx: Pick<ApiContext, 'dataDir'>, uuid: string, purpose: string): string {
  const dir = join(ctx.dataDir, PACKETS_DIR);
  mkdirSync(dir, { recursive: true });
  return join(dir, `.${uuid}.${purpose}-${randomBytes(4).toString('hex')}.zip`);
}

export function removeQuietly(path: string): void {
  rmSync(path, { force: true });
}

/** Writes the signed ZIP under the size cap from settings; refusals become messages a manager can act on. */
export async function writePacketZip(ctx: ApiContext, manifest: PacketManifest, key: FacilityKey, path: string): Promise<WrittenPacket> {
  try {
    return await writePacket(manifest, key, path, { sizeCapBytes: storedPacketSettings(ctx).sizeCapBytes });
  } catch (err) {
    if (err instanceof PacketTooLargeError) throw failed(err.message);
    if (err instanceof ManifestInvalidError) throw failed(`GenLog could not build a valid packet (please report this): ${err.problems.join('; ')}`);
    throw failed(`The packet file could not be written: ${(err as Error).message}`);
  }
}
