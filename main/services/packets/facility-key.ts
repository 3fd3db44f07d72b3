import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiContext } from '../../api/context';
import { failed } from '../../api/envelope';
import { loadOrCreateFacilityKey, PLAIN_KEY_FILE, PROTECTED_KEY_FILE, type FacilityKey } from '../../packet';

export interface FacilityKeyInfo {
  /** "SHA256:abcd ef01 ..." to read to the Netflix contact; null when the key cannot be read here. */
  fingerprint: string | null;
  /** True when the private key is encrypted by the desktop app's OS keychain protection. */
  protected: boolean;
  /** Why the fingerprint is missing, in words a person understands. */
  problem: string | null;
}

const APP_ONLY = 'The facility signing key is protected by the GenLog desktop app (OS keychain) and cannot be used from ' +
  'here. Build and approve packets in the desktop app; the command line can still list, verify and send approved packets.';

/**
 * The facility's signing key from the data folder, created on first use: encrypted with ctx.protector in the app
 * (Electron safeStorage), a 0600 PEM file without one (CLI).
 */
export function facilityKey(ctx: Pick<ApiContext, 'dataDir' | 'protector'>): FacilityKey {
  const appOnly = existsSync(join(ctx.dataDir, PROTECTED_KEY_FILE)) && !existsSync(join(ctx.dataDir, PLAIN_KEY_FILE));
  if (!ctx.protector && appOnly) throw failed(APP_ONLY);
  try {
    return loadOrCreateFacilityKey(ctx.dataDir, ctx.protector);
  } catch (err) {
    throw failed((err as Error).message);
  }
}

/** The key's fingerprint for the settings page (creating the key on first use), or why it cannot be shown. */
export function facilityKeyInfo(ctx: Pick<ApiContext, 'dataDir' | 'protector'>): FacilityKeyInfo {
  const protectedFile = join(ctx.dataDir, PROTECTED_KEY_FILE);
  try {
    const { fingerprint } = facilityKey(ctx);
    // With a protector the library prefers the protected file; without one it can only have read the plain file.
    return { fingerprint, protected: ctx.protector !== undefined && existsSync(protectedFile), problem: null };
  } catch (err) {
    return { fingerprint: null, protected: existsSync(protectedFile), problem: (err as Error).message };
  }
}
