import { verify, type KeyObject } from 'node:crypto';
import type { KnownCertificate } from './known-certificates';
import { CborTag, decodeCbor, encodeCbor, isMap, type CborMap, type CborValue } from './cbor';

/** COSE algorithm ids C2PA allows, with the digest and signature form Node's verify() needs. */
const ALGORITHMS = new Map<number, { digest: string | null; key: 'ec' | 'rsa-pss' | 'ed25519'; curve?: string }>([
  [-7, { digest: 'sha256', key: 'ec', curve: 'prime256v1' }],
  [-35, { digest: 'sha384', key: 'ec', curve: 'secp384r1' }],
  [-36, { digest: 'sha512', key: 'ec', curve: 'secp521r1' }],
  [-37, { digest: 'sha256', key: 'rsa-pss' }],
  [-38, { digest: 'sha384', key: 'rsa-pss' }],
  [-39, { digest: 'sha512', key: 'rsa-pss' }],
  [-8, { digest: null, key: 'ed25519' }],
]);

export interface CoseSignature {
  digest: string | null;
  keyKind: 'ec' | 'rsa-pss' | 'ed25519';
  curve?: string;
  protectedBytes: Uint8Array;
  signature: Uint8Array;
  /** DER certificates, signer first. */
  chain: Uint8Array[];
  /** Version 1 ("sigTst") or 2 ("sigTst2") time stamp tokens, as stored. */
  timeStamps: { version: 1 | 2; tokens: Uint8Array[] } | null;
  /** The stapled revocation values (rVals), as stored. */
  revocationValues: CborValue | undefined;
  /** Unprotected header labels other than the time stamp and padding. */
  otherUnprotected: (string | number)[];
}

function bytesList(value: CborValue): Uint8Array[] | null {
  if (value instanceof Uint8Array) return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((v) => v instanceof Uint8Array)) return value as Uint8Array[];
  return null;
}

function tokensOf(value: CborValue | undefined): Uint8Array[] | null {
  if (!value || !isMap(value)) return null;
  const list = value.get('tstTokens');
  if (!Array.isArray(list) || list.length === 0) return null;
  const tokens: Uint8Array[] = [];
  for (const entry of list) {
    const val = isMap(entry) && entry.size === 1 ? entry.get('val') : undefined;
    if (!(val instanceof Uint8Array)) return null;
    tokens.push(val);
  }
  return tokens;
}

/**
 * Reads a claim signature box: a tagged COSE_Sign1 with a detached payload, the algorithm and certificate chain in
 * the protected header. Returns null for any other shape (the caller then defers to c2pa-rs).
 */
export function readCoseSign1(bytes: Uint8Array): CoseSignature | null {
  const outer = decodeCbor(bytes);
  if (!(outer instanceof CborTag) || outer.tag !== 18 || !Array.isArray(outer.value) || outer.value.length !== 4) return null;
  const [protectedBytes, unprotected, payload, signature] = outer.value;
  if (!(protectedBytes instanceof Uint8Array) || !isMap(unprotected as CborValue) || payload !== null || !(signature instanceof Uint8Array)) return null;
  const header = decodeCbor(protectedBytes);
  if (!isMap(header)) return null;
  // Only alg and the chain: other protected labels (content type, crit, key id...) may carry meaning c2pa-rs acts on.
  if ([...header.keys()].some((key) => key !== 1 && key !== 33)) return null;
  const algorithm = ALGORITHMS.get(header.get(1) as number);
  const chain = bytesList(header.get(33) as CborValue);
  if (!algorithm || !chain) return null;
  const open = unprotected as CborMap;
  const v1 = tokensOf(open.get('sigTst'));
  const v2 = tokensOf(open.get('sigTst2'));
  if ((open.has('sigTst') && !v1) || (open.has('sigTst2') && !v2) || (v1 && v2)) return null;
  const pad = [open.get('pad'), open.get('pad2')];
  if (pad.some((p) => p !== undefined && !(p instanceof Uint8Array && p.every((b) => b === 0)))) return null;
  return {
    digest: algorithm.digest,
    keyKind: algorithm.key,
    ...(algorithm.curve ? { curve: algorithm.curve } : {}),
    protectedBytes,
    signature,
    chain,
    timeStamps: v1 ? { version: 1, tokens: v1 } : v2 ? { version: 2, tokens: v2 } : null,
    revocationValues: open.get('rVals'),
    otherUnprotected: [...open.keys()].filter((key) => !['sigTst', 'sigTst2', 'pad', 'pad2'].includes(String(key))),
  };
}

/** The key's type matches the algorithm the header names (an EC key of the named curve, RSA for PS*). */
export function keyFitsAlgorithm(cose: CoseSignature, key: KeyObject): boolean {
  if (cose.keyKind === 'ec') return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === cose.curve;
  if (cose.keyKind === 'ed25519') return key.asymmetricKeyType === 'ed25519';
  return key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss';
}

/** Verifies the COSE signature over Sig_structure ["Signature1", protected, h'', claim]. */
export function verifyClaimSignature(cose: CoseSignature, claim: Uint8Array, signer: KnownCertificate): boolean {
  const toBeSigned = encodeCbor(['Signature1', cose.protectedBytes, new Uint8Array(0), claim]);
  const key = signer.key;
  if (!keyFitsAlgorithm(cose, key)) return false;
  try {
    if (cose.keyKind === 'ec') return verify(cose.digest, toBeSigned, { key, dsaEncoding: 'ieee-p1363' }, cose.signature);
    if (cose.keyKind === 'rsa-pss') {
      const saltLength = cose.digest === 'sha256' ? 32 : cose.digest === 'sha384' ? 48 : 64;
      return verify(cose.digest, toBeSigned, { key, padding: 6 /* RSA_PKCS1_PSS_PADDING */, saltLength }, cose.signature);
    }
    return verify(null, toBeSigned, key, cose.signature);
  } catch {
    return false;
  }
}

/** The bytes a version 1 time stamp's message imprint covers: ["CounterSignature", protected, h'', claim]. */
export function v1TimeStampedBytes(cose: CoseSignature, claim: Uint8Array): Buffer {
  return encodeCbor(['CounterSignature', cose.protectedBytes, new Uint8Array(0), claim]);
}
