import { TAG, child, children, oidOf, parseDer, type Der } from './der';
import type { CoseSignature } from './cose';
import { defer } from './defer';
import { knownCertificate, signedBy, validAt, type KnownCertificate } from './known-certificates';
import type { TimeStamp } from './timestamp';

const EXT = {
  keyUsage: '2.5.29.15',
  extendedKeyUsage: '2.5.29.37',
  basicConstraints: '2.5.29.19',
  authorityKeyId: '2.5.29.35',
  subjectKeyId: '2.5.29.14',
  subjectAltName: '2.5.29.17',
  certificatePolicies: '2.5.29.32',
};
const KP = {
  any: '2.5.29.37.0',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  ocspSigning: '1.3.6.1.5.5.7.3.9',
};
/** Certificate signature algorithms C2PA allows for a signing certificate (RSA-PSS parameters are left to c2pa-rs). */
const SIGNER_CERT_SIGNATURES = new Set([
  '1.2.840.10045.4.3.2', '1.2.840.10045.4.3.3', '1.2.840.10045.4.3.4',
  '1.2.840.113549.1.1.11', '1.2.840.113549.1.1.12', '1.2.840.113549.1.1.13',
  '1.3.101.112',
]);
/** Critical extensions understood here; any other critical extension defers. */
const KNOWN_CRITICAL = new Set([EXT.keyUsage, EXT.extendedKeyUsage, EXT.basicConstraints, EXT.subjectAltName, EXT.certificatePolicies]);

interface Profile {
  version: number;
  signatureAlgorithm: string;
  /** The outer AlgorithmIdentifier equals the one inside the signed part (c2pa-rs requires it). */
  algorithmsAgree: boolean;
  uniqueIds: boolean;
  extensions: Map<string, { critical: boolean; value: Uint8Array }>;
}

function profileOf(der: Uint8Array): Profile {
  const certificate = parseDer(der);
  const tbs = children(child(certificate, 0, TAG.sequence).value);
  const outerAlgorithm = child(certificate, 1, TAG.sequence);
  const explicitVersion = tbs[0]?.tag === 0xa0;
  const offset = explicitVersion ? 1 : 0;
  const version = explicitVersion ? ((child(tbs[0] as Der, 0, TAG.integer).value[0] as number) + 1) : 1;
  const extensions = new Map<string, { critical: boolean; value: Uint8Array }>();
  const holder = tbs.slice(offset + 6).find((t) => t.tag === 0xa3);
  for (const extension of holder ? children(child(holder, 0, TAG.sequence).value) : []) {
    const parts = children(extension.value);
    const oid = oidOf(parts[0] as Der);
    if (extensions.has(oid)) defer('repeated certificate extension');
    const critical = parts.length === 3 && parts[1]?.tag === TAG.boolean && parts[1].value[0] !== 0;
    extensions.set(oid, { critical, value: child(parts, parts.length - 1, TAG.octetString).value });
  }
  return {
    version,
    signatureAlgorithm: oidOf(child(child(tbs, offset + 1, TAG.sequence), 0)),
    algorithmsAgree: Buffer.from(outerAlgorithm.raw).equals(child(tbs, offset + 1, TAG.sequence).raw),
    uniqueIds: tbs.slice(offset + 6).some((t) => t.tag === 0x81 || t.tag === 0xa1 || t.tag === 0x82 || t.tag === 0xa2),
    extensions,
  };
}

function purposes(profile: Profile): string[] {
  const eku = profile.extensions.get(EXT.extendedKeyUsage);
  return eku ? children(parseDer(eku.value).value).map(oidOf) : [];
}

/** keyUsage bit n (0 = digitalSignature), from the BIT STRING's first content octet onwards. */
function keyUsageBit(profile: Profile, bit: number): boolean {
  const ku = profile.extensions.get(EXT.keyUsage);
  if (!ku) return false;
  const bits = parseDer(ku.value);
  if (bits.tag !== TAG.bitString) return defer('key usage encoding');
  const octet = bits.value[1 + (bit >> 3)] ?? 0;
  return (octet & (0x80 >> (bit & 7))) !== 0;
}

function isCa(profile: Profile): boolean {
  const bc = profile.extensions.get(EXT.basicConstraints);
  if (!bc) return false;
  const first = children(parseDer(bc.value).value)[0];
  return first?.tag === TAG.boolean && first.value[0] !== 0;
}

function criticalUnderstood(profile: Profile): void {
  for (const [oid, extension] of profile.extensions) if (extension.critical && !KNOWN_CRITICAL.has(oid)) defer(`critical extension ${oid}`);
}

/**
 * Run after the claim signature verified with this certificate's key (which also checked the key fits the
 * algorithm). The signing certificate meets C2PA's certificate profile at the time stamp's time, and the chain it came with is
 * intact (each certificate signed by the next, CAs marked as such, all valid then). Stricter than c2pa-rs where in
 * doubt: this only decides when the native path may confirm; anything else defers.
 */
export function checkSigningChain(cose: CoseSignature, chain: KnownCertificate[], at: Date): void {
  const [signer] = chain;
  const der = cose.chain[0];
  if (!signer || !der) return defer('no signing certificate');
  const profile = profileOf(der);
  if (profile.version !== 3 || profile.uniqueIds) defer('signer certificate version or unique ids');
  if (!SIGNER_CERT_SIGNATURES.has(profile.signatureAlgorithm) || !profile.algorithmsAgree) defer('signer certificate signature algorithm');
  criticalUnderstood(profile);
  if (!profile.extensions.has(EXT.authorityKeyId) || !profile.extensions.get(EXT.keyUsage)?.critical) defer('signer key identifiers or key usage');
  if (!keyUsageBit(profile, 0) || keyUsageBit(profile, 5) || keyUsageBit(profile, 6)) defer('signer key usage');
  if (isCa(profile)) defer('signer is a CA');
  const eku = purposes(profile);
  if (eku.includes(KP.any) || eku.includes(KP.timeStamping) || eku.includes(KP.ocspSigning)) defer('signer extended key usage');
  // emailProtection is the purpose c2pa-rs accepts whatever its settings; documentSigning and the C2PA purpose
  // depend on its configured list, so certificates with only those are left to it.
  if (!eku.includes(KP.emailProtection)) defer('signer extended key usage');
  const key = signer.key;
  const bits = key.asymmetricKeyDetails?.modulusLength;
  const exponent = key.asymmetricKeyDetails?.publicExponent;
  if ((key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss') && (!bits || bits < 2048 || bits > 8192 || !exponent || exponent < 3n || exponent % 2n === 0n)) defer('signer RSA key');
  if (signer.x509.checkIssued(signer.x509)) defer('self-signed signer');
  for (let i = 0; i < chain.length; i++) {
    const certificate = chain[i] as KnownCertificate;
    if (!validAt(certificate, at)) defer('a certificate in the chain was not valid at the time stamp');
    const issuer = chain[i + 1];
    if (!issuer) break;
    const issuerProfile = profileOf(cose.chain[i + 1] as Uint8Array);
    criticalUnderstood(issuerProfile);
    if (!isCa(issuerProfile) || !certificate.x509.checkIssued(issuer.x509) || !signedBy(certificate, issuer)) defer('broken certificate chain');
  }
}

/**
 * The time stamp authority's certificate: valid at the time it stamped, for time stamping only, and every certificate
 * the token carries forms one intact chain above it (c2pa-rs rejects a token with a damaged certificate in it).
 */
export function checkTimeStampAuthority(stamp: TimeStamp): void {
  const profile = profileOf(stamp.signerDer);
  criticalUnderstood(profile);
  const eku = profile.extensions.get(EXT.extendedKeyUsage);
  if (profile.version !== 3 || !eku?.critical || purposes(profile).join() !== KP.timeStamping) defer('time stamp authority purpose');
  if (!validAt(stamp.signer, stamp.time)) defer('time stamp authority certificate not valid at its time');
  const rest = stamp.certificates.filter((der) => der !== stamp.signerDer).map((der) => ({ der, certificate: knownCertificate(der) }));
  let current = stamp.signer;
  while (rest.length > 0) {
    const at = rest.findIndex((r) => current.x509.checkIssued(r.certificate.x509));
    const issuer = rest[at];
    if (!issuer) return defer('time stamp certificates do not form one chain');
    const issuerProfile = profileOf(issuer.der);
    criticalUnderstood(issuerProfile);
    if (!isCa(issuerProfile) || !signedBy(current, issuer.certificate) || !validAt(issuer.certificate, stamp.time)) defer('broken time stamp certificate chain');
    rest.splice(at, 1);
    current = issuer.certificate;
  }
}
