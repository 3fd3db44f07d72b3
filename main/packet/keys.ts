import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Encrypts the private key at rest (the Electron app passes safeStorage). */
export interface KeyProtector {
  encrypt(plain: Buffer): Buffer;
  decrypt(encrypted: Buffer): Buffer;
}

export interface FacilityKey {
  privateKey: KeyObject;
  /** SPKI PEM, the form shipped in packets as facility-public-key.pem. */
  publicKeyPem: string;
  /** "SHA256:" + SHA-256 of the SPKI DER in hex groups of four, for people to compare. */
  fingerprint: string;
}

/** The private key as PKCS#8 PEM, readable by openssl; only the owner may read it (0600). */
export const PLAIN_KEY_FILE = 'facility-private-key.pem';
/** The same PEM encrypted by the protector (the OS keychain in the app). */
export const PROTECTED_KEY_FILE = 'facility-private-key.protected';

export function fingerprintOf(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  const der = key.export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex');
  return `SHA256:${hex.match(/.{4}/g)!.join(' ')}`;
}

function facilityKeyFrom(privateKey: KeyObject): FacilityKey {
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: fingerprintOf(publicKey),
  };
}

function damaged(file: string, reason: string): Error {
  return new Error(
    `The facility signing key ${file} is damaged (${reason}). GenLog will not replace it on its own: packets ` +
      'already sent were signed with it. Restore the file from a backup, or move it away to create a new key ' +
      '(and tell the Netflix contact the new fingerprint).',
  );
}

function parsePrivateKey(pem: Buffer, file: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch (err) {
    throw damaged(file, `not a readable private key: ${(err as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw damaged(file, `an ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519`);
  return key;
}

// Publish with link(): it fails when the target exists, so two processes starting at once cannot
// overwrite each other's key; the loser loads the winner's.
function writeNewKeyFile(file: string, bytes: Buffer): boolean {
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(tmp, bytes, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(tmp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    unlinkSync(tmp);
  }
}

function tightenPermissions(file: string): void {
  if (process.platform === 'win32') return;
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
}

function loadPlain(file: string): FacilityKey {
  tightenPermissions(file);
  return facilityKeyFrom(parsePrivateKey(readFileSync(file), file));
}

function loadProtected(file: string, protector: KeyProtector): FacilityKey {
  let pem: Buffer;
  try {
    pem = protector.decrypt(readFileSync(file));
  } catch (err) {
    throw damaged(file, `it cannot be decrypted: ${(err as Error).message}`);
  }
  return facilityKeyFrom(parsePrivateKey(pem, file));
}

// A protector that cannot give back what it encrypted would leave an unreadable key behind.
function protect(pem: Buffer, protector: KeyProtector): Buffer {
  const encrypted = protector.encrypt(pem);
  if (!protector.decrypt(encrypted).equals(pem)) {
    throw new Error('The key protection (OS keychain) did not give back what it encrypted; the signing key was not created.');
  }
  return encrypted;
}

/**
 * The facility's Ed25519 signing key from `dir`, created on first use. Without a protector the
 * private key is a PKCS#8 PEM file readable only by its owner; with one, the file holds the
 * protector's encryption of that PEM. A damaged key file is refused, never silently replaced.
 */
export function loadOrCreateFacilityKey(dir: string, protector?: KeyProtector): FacilityKey {
  if (!dir) throw new Error('The folder for the facility signing key is not set.');
  const plainFile = path.join(dir, PLAIN_KEY_FILE);
  const protectedFile = path.join(dir, PROTECTED_KEY_FILE);

  if (protector && existsSync(protectedFile)) return loadProtected(protectedFile, protector);
  if (existsSync(plainFile)) return loadPlain(plainFile);
  if (!protector && existsSync(protectedFile)) {
    throw new Error(
      `The facility signing key in ${dir} is encrypted with the GenLog app's keychain protection and cannot be ` +
        'read here. Sign packets from the GenLog app, or point this command at a folder with an unprotected key.',
    );
  }

  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = Buffer.from(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  const file = protector ? protectedFile : plainFile;
  const created = writeNewKeyFile(file, protector ? protect(pem, protector) : pem);
  if (!created) return protector ? loadProtected(file, protector) : loadPlain(file);
  return facilityKeyFrom(privateKey);
}
