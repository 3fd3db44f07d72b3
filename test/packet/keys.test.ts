import { createCipheriv, createDecipheriv, generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateFacilityKey, PLAIN_KEY_FILE, PROTECTED_KEY_FILE } from '../../main/packet/keys';
import type { KeyProtector } from '../../main/packet/keys';
import { run, tempDir } from './helpers';

// Stands in for Electron safeStorage: AES-256-GCM with a key only this test knows.
function testProtector(): KeyProtector & { calls: { encrypt: number; decrypt: number } } {
  const secret = randomBytes(32);
  const calls = { encrypt: 0, decrypt: 0 };
  return {
    calls,
    encrypt(plain) {
      calls.encrypt += 1;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(data) {
      calls.decrypt += 1;
      const decipher = createDecipheriv('aes-256-gcm', secret, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]);
    },
  };
}

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());
function freshDir(): string {
  const t = tempDir('genlog-keys-');
  cleanup = t.cleanup;
  return path.join(t.dir, 'data');
}

describe('facility key', () => {
  it('is created once (0600), then reused, and signs what openssl verifies', () => {
    const dir = freshDir();
    const first = loadOrCreateFacilityKey(dir);
    const file = path.join(dir, PLAIN_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(first.fingerprint).toMatch(/^SHA256:[0-9a-f]{4}( [0-9a-f]{4}){15}$/);
    expect(first.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);

    const again = loadOrCreateFacilityKey(dir);
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(again.publicKeyPem).toBe(first.publicKeyPem);
    expect(readdirSync(dir)).toEqual([PLAIN_KEY_FILE]);

    const data = Buffer.from('SHA256SUMS content');
    expect(verify(null, data, again.publicKeyPem, sign(null, data, first.privateKey))).toBe(true);

    // The fingerprint is what an outsider computes from the PEM with openssl and sha256sum.
    writeFileSync(path.join(dir, 'pub.pem'), first.publicKeyPem);
    const der = run('openssl', ['pkey', '-pubin', '-in', path.join(dir, 'pub.pem'), '-outform', 'DER', '-out', path.join(dir, 'pub.der')]);
    expect(der.status, der.stderr).toBe(0);
    const sum = run('sha256sum', [path.join(dir, 'pub.der')]);
    expect(first.fingerprint.replace(/^SHA256:/, '').replace(/ /g, '')).toBe(sum.stdout.split(' ')[0]);
  });

  it('tightens a key file others can read back to 0600', () => {
    const dir = freshDir();
    loadOrCreateFacilityKey(dir);
    const file = path.join(dir, PLAIN_KEY_FILE);
    chmodSync(file, 0o644);
    loadOrCreateFacilityKey(dir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a corrupted key file and leaves it in place', () => {
    const dir = freshDir();
    const { fingerprint } = loadOrCreateFacilityKey(dir);
    const file = path.join(dir, PLAIN_KEY_FILE);
    const pem = readFileSync(file, 'utf8');
    const corrupted = pem.replace(/\n(.)(.)/, (_m, a: string, b: string) => `\n${b}${a}`).slice(0, -20);
    writeFileSync(file, corrupted);
    expect(() => loadOrCreateFacilityKey(dir)).toThrow(/facility signing key .* is damaged.*will not replace it/s);
    expect(readFileSync(file, 'utf8')).toBe(corrupted);

    writeFileSync(file, 'not a key at all');
    expect(() => loadOrCreateFacilityKey(dir)).toThrow(/damaged/);
    writeFileSync(file, pem);
    expect(loadOrCreateFacilityKey(dir).fingerprint).toBe(fingerprint);
  });

  it('refuses a key file holding another kind of key', () => {
    const dir = freshDir();
    loadOrCreateFacilityKey(dir);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    writeFileSync(path.join(dir, PLAIN_KEY_FILE), rsa);
    expect(() => loadOrCreateFacilityKey(dir)).toThrow(/an rsa key, not Ed25519/);
  });

  it('with a protector, stores only encrypted bytes and round-trips them', () => {
    const dir = freshDir();
    const protector = testProtector();
    const created = loadOrCreateFacilityKey(dir, protector);
    const file = path.join(dir, PROTECTED_KEY_FILE);
    expect(existsSync(path.join(dir, PLAIN_KEY_FILE))).toBe(false);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file).toString('latin1')).not.toContain('PRIVATE KEY');
    expect(protector.calls.encrypt).toBe(1);

    const loaded = loadOrCreateFacilityKey(dir, protector);
    expect(loaded.fingerprint).toBe(created.fingerprint);
    expect(protector.calls.decrypt).toBeGreaterThanOrEqual(2);

    // Without the keychain (the CLI) the key cannot be read, and no second key is made.
    expect(() => loadOrCreateFacilityKey(dir)).toThrow(/encrypted with the GenLog app's keychain protection/);
    expect(readdirSync(dir)).toEqual([PROTECTED_KEY_FILE]);

    // Another keychain (or damaged bytes) cannot decrypt it: refused, not replaced.
    expect(() => loadOrCreateFacilityKey(dir, testProtector())).toThrow(/damaged \(it cannot be decrypted/);
    expect(loadOrCreateFacilityKey(dir, protector).fingerprint).toBe(created.fingerprint);
  });

  it('does not create a key when the protector cannot give back what it encrypted', () => {
    const dir = freshDir();
    const broken: KeyProtector = { encrypt: (b) => Buffer.from(b), decrypt: () => Buffer.from('something else') };
    expect(() => loadOrCreateFacilityKey(dir, broken)).toThrow(/did not give back what it encrypted/);
    expect(existsSync(path.join(dir, PROTECTED_KEY_FILE))).toBe(false);
  });

  it('needs a folder', () => {
    expect(() => loadOrCreateFacilityKey('')).toThrow(/folder for the facility signing key/);
  });
});
