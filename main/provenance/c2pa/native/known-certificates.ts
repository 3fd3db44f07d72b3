import { X509Certificate, type KeyObject } from 'node:crypto';

/** A certificate parsed once: files from one generator carry the same chain, and parsing it cost 2–3 ms per file. */
export interface KnownCertificate {
  x509: X509Certificate;
  key: KeyObject;
  validFrom: number;
  validTo: number;
}

/**
 * Certificates remembered at most. Real folders hold files from a handful of signers; a folder of thousands of
 * distinct chains only stops benefiting, it never grows memory past this.
 */
const MAX_KNOWN = 256;

const known = new Map<string, KnownCertificate>();
/** "signed by that issuer's key" answers, per pair of certificates (both immutable). */
const signatures = new WeakMap<KnownCertificate, WeakMap<KnownCertificate, boolean>>();

/** The certificate in these DER bytes (throws on bytes that are not one, as X509Certificate does). */
export function knownCertificate(der: Uint8Array): KnownCertificate {
  const bytes = Buffer.from(der.buffer, der.byteOffset, der.byteLength);
  // The exact bytes are the key: any difference, even one that would parse the same, is a different certificate.
  const id = bytes.toString('latin1');
  const found = known.get(id);
  if (found) return found;
  const x509 = new X509Certificate(Buffer.from(bytes));
  const entry = { x509, key: x509.publicKey, validFrom: Date.parse(x509.validFrom), validTo: Date.parse(x509.validTo) };
  if (known.size >= MAX_KNOWN) known.clear();
  known.set(id, entry);
  return entry;
}

/** The certificate's signature verifies with the issuer's key (whether it names that issuer is checked apart). */
export function signedBy(certificate: KnownCertificate, issuer: KnownCertificate): boolean {
  let answers = signatures.get(certificate);
  const cached = answers?.get(issuer);
  if (cached !== undefined) return cached;
  const answer = certificate.x509.verify(issuer.key);
  if (!answers) signatures.set(certificate, (answers = new WeakMap()));
  answers.set(issuer, answer);
  return answer;
}

export function validAt(certificate: KnownCertificate, at: Date): boolean {
  const t = at.getTime();
  return certificate.validFrom <= t && t <= certificate.validTo;
}
