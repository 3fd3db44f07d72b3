import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { knownCertificate, signedBy } from '../../main/provenance/c2pa/native/known-certificates';
import { pngChunkData } from './helpers/c2pa';
import { sharedC2paFixture } from './helpers/paths';

/** The DER certificates inside the Titan manifest store, in the order they appear (signer first, then its issuer). */
function titanCertificates(): Buffer[] {
  const store = pngChunkData(readFileSync(sharedC2paFixture('amazon-titan-g1.png')), 'caBX');
  const found: Buffer[] = [];
  for (let at = 0; at + 4 < store.length; at++) {
    if (store[at] !== 0x30 || store[at + 1] !== 0x82 || store[at + 4] !== 0x30) continue;
    const der = store.subarray(at, at + 4 + store.readUInt16BE(at + 2));
    try {
      new X509Certificate(der);
      found.push(Buffer.from(der));
      at += der.length - 1;
    } catch {
      // not a certificate that starts here
    }
  }
  return found;
}

describe('certificates read once per distinct DER', () => {
  const [signer, issuer] = titanCertificates();

  it('gives the same parsed certificate for the same bytes wherever they sit, and a new one for changed bytes', () => {
    expect(signer && issuer).toBeTruthy();
    const elsewhere = Buffer.concat([Buffer.alloc(7), signer as Buffer]).subarray(7);
    expect(knownCertificate(elsewhere)).toBe(knownCertificate(signer as Buffer));
    const changed = Buffer.from(signer as Buffer);
    changed[changed.length - 10] = (changed[changed.length - 10] as number) ^ 0x01; // inside the issuer's signature
    expect(knownCertificate(changed)).not.toBe(knownCertificate(signer as Buffer));
  });

  it('remembers a verified signature per pair, and a changed signature does not verify', () => {
    const child = knownCertificate(signer as Buffer);
    const parent = knownCertificate(issuer as Buffer);
    expect(signedBy(child, parent)).toBe(true);
    expect(signedBy(child, parent)).toBe(true);
    expect(signedBy(parent, child)).toBe(false);
    const changed = Buffer.from(signer as Buffer);
    changed[changed.length - 10] = (changed[changed.length - 10] as number) ^ 0x01;
    expect(signedBy(knownCertificate(changed), parent)).toBe(false);
  });
});
