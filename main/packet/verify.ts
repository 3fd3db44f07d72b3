import { createPublicKey, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { fingerprintOf } from './keys';
import type { PacketManifest } from './manifest-types';
import { HASHED_FILES, PACKET_FILE, parseSha256Sums, sha256Hex } from './packet-files';
import { validateManifest } from './validate-manifest';
import { readZip } from './zip-io';

export interface VerifyResult {
  valid: boolean;
  /** What is wrong, one item each, e.g. "changed file: assets.csv", "missing file: summary.pdf", "bad signature: ...". */
  problems: string[];
}

export interface VerifyOptions {
  /** The facility fingerprint the recipient expects (from settings or a phone call); checked when given. */
  expectedFingerprint?: string;
}

// People paste fingerprints with or without the prefix, spaces or colons, in either case.
const normaliseFingerprint = (fp: string) => fp.toLowerCase().replace(/^sha256:/, '').replace(/[^0-9a-f]/g, '');

// With a bad signature and an intact key, SHA256SUMS itself may be what changed, so a hash
// mismatch cannot be pinned on the file alone.
function checkHashes(files: Map<string, Buffer>, unreadable: Set<string>, sumsText: string, signed: boolean, problems: string[]): Set<string> {
  const { sums, problems: lineProblems } = parseSha256Sums(sumsText);
  problems.push(...lineProblems);
  const changed: string[] = [];
  for (const [name, hex] of sums) {
    const data = files.get(name);
    if (data === undefined) problems.push(`missing file: ${name}`);
    else if (!unreadable.has(name) && sha256Hex(data) !== hex) changed.push(name);
  }
  const ambiguous = !signed && !changed.includes(PACKET_FILE.publicKey);
  for (const name of changed) problems.push(ambiguous ? `changed file: ${name} (or its line in ${PACKET_FILE.sums})` : `changed file: ${name}`);
  for (const name of HASHED_FILES) {
    if (!sums.has(name) && files.has(name)) problems.push(`changed file: ${PACKET_FILE.sums} (does not list ${name})`);
  }
  return new Set(sums.keys());
}

function parsePublicKey(pem: Buffer, problems: string[]): KeyObject | undefined {
  try {
    const key = createPublicKey({ key: pem, format: 'pem' });
    if (key.asymmetricKeyType === 'ed25519') return key;
    problems.push(`bad key: ${PACKET_FILE.publicKey} holds an ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519`);
  } catch {
    problems.push(`bad key: ${PACKET_FILE.publicKey} is not a readable public key`);
  }
  return undefined;
}

function checkSignature(sums: Buffer, signature: Buffer, key: KeyObject, problems: string[]): boolean {
  let ok: boolean;
  try {
    ok = signature.length === 64 && verify(null, sums, key, signature);
  } catch {
    ok = false;
  }
  if (!ok) {
    problems.push(
      `bad signature: ${PACKET_FILE.signature} is not a signature of ${PACKET_FILE.sums} by the key in ${PACKET_FILE.publicKey} ` +
        '(one of these three files was changed or replaced)',
    );
  }
  return ok;
}

function checkManifest(data: Buffer, problems: string[]): PacketManifest | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data.toString('utf8'));
  } catch (err) {
    problems.push(`bad manifest: ${PACKET_FILE.manifest} is not valid JSON (${(err as Error).message})`);
    return undefined;
  }
  const schemaProblems = validateManifest(parsed);
  problems.push(...schemaProblems.map((p) => `bad manifest: ${PACKET_FILE.manifest} ${p}`));
  return schemaProblems.length === 0 ? (parsed as PacketManifest) : undefined;
}

/**
 * Checks a disclosure packet ZIP the way an outsider would with sha256sum and openssl, plus the
 * manifest schema: every hash in SHA256SUMS, missing and extra files, the Ed25519 signature with
 * the included public key, and that this key is the one the manifest names. Never throws for a
 * bad file: a non-ZIP or truncated file is reported as a problem.
 */
export async function verifyPacket(zipPath: string, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const problems: string[] = [];
  let contents;
  try {
    contents = await readZip(zipPath);
  } catch (err) {
    return { valid: false, problems: [(err as Error).message] };
  }
  const { files, unreadable } = contents;
  problems.push(...contents.problems);

  for (const name of [PACKET_FILE.sums, PACKET_FILE.signature, PACKET_FILE.publicKey, PACKET_FILE.manifest]) {
    if (!files.has(name)) problems.push(`missing file: ${name}`);
  }
  const sums = files.get(PACKET_FILE.sums);
  const pem = files.get(PACKET_FILE.publicKey);
  const signature = files.get(PACKET_FILE.signature);
  const keyProblems: string[] = [];
  const key = pem ? parsePublicKey(pem, keyProblems) : undefined;
  const signed = key && sums && signature ? checkSignature(sums, signature, key, keyProblems) : false;

  const listed = sums ? checkHashes(files, unreadable, sums.toString('utf8'), signed, problems) : new Set<string>();
  for (const name of HASHED_FILES) if (!files.has(name)) problems.push(`missing file: ${name}`);
  // Without SHA256SUMS there is no list to call a file extra against.
  for (const name of sums ? files.keys() : []) {
    if (name !== PACKET_FILE.sums && name !== PACKET_FILE.signature && !listed.has(name)) problems.push(`extra file: ${name}`);
  }
  problems.push(...keyProblems);

  const manifestData = files.get(PACKET_FILE.manifest);
  const manifest = manifestData ? checkManifest(manifestData, problems) : undefined;
  if (key) {
    const fingerprint = fingerprintOf(key);
    if (manifest && manifest.signingKeyFingerprint !== fingerprint) {
      problems.push(`wrong key: ${PACKET_FILE.publicKey} (${fingerprint}) is not the key named in ${PACKET_FILE.manifest} (${manifest.signingKeyFingerprint})`);
    }
    if (opts.expectedFingerprint && normaliseFingerprint(opts.expectedFingerprint) !== normaliseFingerprint(fingerprint)) {
      problems.push(`wrong key: the packet is signed with ${fingerprint}, not the expected ${opts.expectedFingerprint}`);
    }
  }
  return { valid: problems.length === 0, problems: [...new Set(problems)] };
}
