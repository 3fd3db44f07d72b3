import { createHash, verify } from 'node:crypto';
import { defer } from './defer';
import { knownCertificate, type KnownCertificate } from './known-certificates';
import { TAG, child, children, oidOf, parseDer, timeOf, type Der } from './der';

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  signingTime: '1.2.840.113549.1.9.5',
  messageDigest: '1.2.840.113549.1.9.4',
};

const DIGESTS = new Map([
  ['2.16.840.1.101.3.4.2.1', 'sha256'],
  ['2.16.840.1.101.3.4.2.2', 'sha384'],
  ['2.16.840.1.101.3.4.2.3', 'sha512'],
]);

/** Signature algorithms of a time stamp authority's signature: digest, and whether the key is RSA (PKCS#1 v1.5) or EC. */
const SIGNATURES = new Map<string, { digest?: string; key: 'rsa' | 'ec' }>([
  ['1.2.840.113549.1.1.1', { key: 'rsa' }],
  ['1.2.840.113549.1.1.11', { digest: 'sha256', key: 'rsa' }],
  ['1.2.840.113549.1.1.12', { digest: 'sha384', key: 'rsa' }],
  ['1.2.840.113549.1.1.13', { digest: 'sha512', key: 'rsa' }],
  ['1.2.840.10045.4.3.2', { digest: 'sha256', key: 'ec' }],
  ['1.2.840.10045.4.3.3', { digest: 'sha384', key: 'ec' }],
  ['1.2.840.10045.4.3.4', { digest: 'sha512', key: 'ec' }],
]);

/** Certificates in a signing chain or a time stamp token read here; more defer (real chains hold two to four). */
export const MAX_CERTIFICATES = 8;

export interface TimeStamp {
  /** The time c2pa-rs takes: the signed signingTime attribute when there is one, else the token's genTime. */
  time: Date;
  /** Digits after the second as the token wrote them ("669" for .669), for c2pa-rs's rendering of the time. */
  fraction: string;
  imprintDigest: string;
  imprint: Uint8Array;
  /** The authority's certificate that signed the token, and every certificate the token carries. */
  signer: KnownCertificate;
  signerDer: Uint8Array;
  certificates: Uint8Array[];
}

/** Serial number and issuer name of a DER certificate, as a CMS issuerAndSerialNumber names them. */
function issuerAndSerial(certificate: Uint8Array): string {
  const tbs = child(parseDer(certificate), 0, TAG.sequence);
  const fields = children(tbs.value);
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0;
  const serial = child(fields, offset, TAG.integer);
  const issuer = child(fields, offset + 2, TAG.sequence);
  return Buffer.concat([issuer.raw, serial.raw]).toString('hex');
}

function attributes(signedAttrs: Der): Map<string, Der[]> {
  const map = new Map<string, Der[]>();
  for (const attribute of children(signedAttrs.value)) {
    const [type, values] = children(attribute.value);
    if (!type || !values || values.tag !== TAG.set) throw new Error('time stamp: malformed attribute');
    const oid = oidOf(type);
    if (map.has(oid)) throw new Error('time stamp: repeated attribute');
    map.set(oid, children(values.value));
  }
  return map;
}

/**
 * Parses an RFC 3161 token (a TimeStampResp or its bare ContentInfo) and verifies its CMS signature and message
 * digest. Defers to c2pa-rs for any shape outside the common one (one signer, signed attributes, known algorithms).
 */
export function readTimeStamp(token: Uint8Array): TimeStamp {
  let info = parseDer(token);
  const first = child(info, 0);
  if (first.tag === TAG.sequence) {
    // TimeStampResp: PKIStatusInfo (status 0 granted or 1 grantedWithMods), then the token.
    const status = child(first, 0, TAG.integer).value;
    if (status.length !== 1 || (status[0] !== 0 && status[0] !== 1)) defer('time stamp response status is not granted');
    info = child(info, 1, TAG.sequence);
  }
  if (oidOf(child(info, 0)) !== OID.signedData) defer('time stamp is not CMS signed data');
  const signedData = child(child(info, 1, 0xa0), 0, TAG.sequence);
  const parts = children(signedData.value);
  const encapsulated = child(parts, 2, TAG.sequence);
  if (oidOf(child(encapsulated, 0)) !== OID.tstInfo) defer('time stamp does not hold TSTInfo');
  const tstInfoDer = child(child(encapsulated, 1, 0xa0), 0, TAG.octetString).value;
  const certificates = parts[3]?.tag === 0xa0 ? children(parts[3].value).map((c) => c.raw) : [];
  if (certificates.length > MAX_CERTIFICATES) defer('time stamp carries too many certificates');
  const signerInfos = parts.at(-1);
  if (!signerInfos || signerInfos.tag !== TAG.set) defer('time stamp has no signer infos');
  const signers = children(signerInfos.value);
  if (signers.length !== 1) defer('time stamp has more than one signer');
  const signerInfo = children((signers[0] as Der).value);
  const sid = child(signerInfo, 1);
  if (sid.tag !== TAG.sequence) defer('time stamp signer named by key identifier'); // subjectKeyIdentifier form: rare, left to c2pa-rs
  const digest = DIGESTS.get(oidOf(child(child(signerInfo, 2, TAG.sequence), 0)));
  const signedAttrs = child(signerInfo, 3);
  if (!digest || signedAttrs.tag !== 0xa0) defer('time stamp digest or signed attributes');
  const algorithm = SIGNATURES.get(oidOf(child(child(signerInfo, 4, TAG.sequence), 0)));
  const signature = child(signerInfo, 5, TAG.octetString).value;
  if (!algorithm || (algorithm.digest && algorithm.digest !== digest)) defer('time stamp signature algorithm');

  const wanted = Buffer.from(sid.value).toString('hex');
  const signerDer = certificates.find((c) => issuerAndSerial(c) === wanted);
  if (!signerDer) defer('time stamp signer certificate missing');
  const signer = knownCertificate(signerDer);
  const key = signer.key;
  if ((algorithm.key === 'rsa') !== (key.asymmetricKeyType === 'rsa')) defer('time stamp key type');
  const attrs = attributes(signedAttrs);
  const contentType = attrs.get(OID.contentType);
  const messageDigest = attrs.get(OID.messageDigest);
  if (contentType?.length !== 1 || oidOf(contentType[0] as Der) !== OID.tstInfo) defer('time stamp content type attribute');
  if (messageDigest?.length !== 1 || (messageDigest[0] as Der).tag !== TAG.octetString) defer('time stamp message digest attribute');
  if (!createHash(digest).update(tstInfoDer).digest().equals((messageDigest[0] as Der).value)) defer('time stamp message digest mismatch');
  // The signature covers the attributes DER-encoded as a SET, not with their [0] IMPLICIT tag.
  const signedBytes = Buffer.from(signedAttrs.raw);
  signedBytes[0] = TAG.set;
  if (!verify(digest, signedBytes, key, signature)) defer('time stamp signature does not verify');

  const tstInfo = children(parseDer(tstInfoDer).value);
  const imprint = child(tstInfo, 2, TAG.sequence);
  const imprintDigest = DIGESTS.get(oidOf(child(child(imprint, 0, TAG.sequence), 0)));
  const genTime = child(tstInfo, 4, TAG.generalizedTime);
  if (!imprintDigest) defer('time stamp imprint algorithm');
  const signingTime = attrs.get(OID.signingTime);
  if (signingTime && signingTime.length !== 1) defer('time stamp signing time attribute');
  const stated = signingTime ? (signingTime[0] as Der) : genTime;
  const fraction = Buffer.from(stated.value).toString('latin1').match(/\.(\d+)Z$/)?.[1] ?? '';
  return {
    time: timeOf(stated),
    fraction,
    imprintDigest,
    imprint: child(imprint, 1, TAG.octetString).value,
    signer,
    signerDer,
    certificates,
  };
}
