import type { KeyProtector } from '../../packet';

/** The parts of Electron's safeStorage GenLog uses (typed here so this file runs, and is tested, without Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * Secrets are protected with the OS keychain through safeStorage when it is available. Without it (a Linux desktop
 * with no keyring) there is no protector: the key is a 0600 file as in the CLI and the SMTP password is not stored.
 */
export function protectorFromSafeStorage(safeStorage: SafeStorageLike): KeyProtector | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  return {
    encrypt: (plain) => safeStorage.encryptString(plain.toString('utf8')),
    decrypt: (encrypted) => Buffer.from(safeStorage.decryptString(encrypted), 'utf8'),
  };
}
