import { createHash } from 'node:crypto';
import type { DataHash } from '../data-hash';
import type { ManifestStoreJson, StoreManifest } from '../store-json';
import { CborTag, decodeCbor, isMap, type CborMap, type CborValue } from './cbor';
import { checkSigningChain, checkTimeStampAuthority } from './certificates';
import { checkStapledOcsp } from './ocsp';
import { readCoseSign1, v1TimeStampedBytes, verifyClaimSignature } from './cose';
import { defer } from './defer';
import { knownCertificate, type KnownCertificate } from './known-certificates';
import { C2PA_UUID, isSuperbox, parseJumbf, type Superbox } from './jumbf';
import { signerNames } from './names';
import { MAX_CERTIFICATES, readTimeStamp } from './timestamp';

export interface NativeStore {
  store: ManifestStoreJson;
  dataHash: DataHash;
}

const HASHES = new Set(['sha256', 'sha384', 'sha512']);
/** Claim fields of a version 1 claim that this reader understands; any other field defers to c2pa-rs. */
const CLAIM_FIELDS = new Set(['dc:title', 'dc:format', 'instanceID', 'claim_generator', 'claim_generator_info', 'signature', 'assertions', 'alg']);
/**
 * Assertions whose meaning is fully known here (actions and the data hash); ingredients, thumbnails, metadata and the
 * rest defer to c2pa-rs. c2pa-rs checks actions v2 more strictly, so only the version 1 label is confirmed here.
 */
const ACTIONS = /^c2pa\.actions$/;
const DATA_HASH = 'c2pa.hash.data';

/** CBOR to the plain JSON values c2pa-rs prints (maps as objects); byte strings or tags defer. */
function plain(value: CborValue): unknown {
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), plain(v)]));
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Uint8Array || value instanceof CborTag || typeof value === 'bigint' || value === undefined) return defer('assertion holds bytes, tags or big numbers');
  return value;
}

function onlyChild(box: Superbox, uuid: string, type: string): Uint8Array {
  if (box.uuid !== uuid || box.children.length !== 1) return defer(`unexpected layout of ${box.label}`);
  const [content] = box.children;
  if (!content || isSuperbox(content) || content.type !== type) return defer(`unexpected content of ${box.label}`);
  return content.payload;
}

function text(map: CborMap, key: string): string | undefined {
  const value = map.get(key);
  if (value !== undefined && typeof value !== 'string') defer(`claim field ${key} is not text`);
  return value as string | undefined;
}

/** chrono's to_rfc3339 (AutoSi): no fraction for whole seconds, else 3, 6 or 9 digits. */
function rfc3339(at: Date, fraction: string): string {
  const base = at.toISOString().slice(0, 19);
  const nanos = Number(`${fraction}000000000`.slice(0, 9));
  const digits = nanos === 0 ? 0 : nanos % 1_000_000 === 0 ? 3 : nanos % 1_000 === 0 ? 6 : 9;
  return `${base}${digits ? `.${String(nanos).padStart(9, '0').slice(0, digits)}` : ''}+00:00`;
}

/** Action fields c2pa-rs reads as text; any other field (changes, parameters, instanceId...) defers. */
const ACTION_TEXT_FIELDS = new Set(['action', 'when', 'changed', 'digitalSourceType', 'reason', 'description']);

/** A software agent as c2pa-rs's ClaimGeneratorInfo-like map reads it: a name, optionally a version. */
function agentMap(value: CborValue): boolean {
  return isMap(value) && typeof value.get('name') === 'string' && [...value].every(([k, v]) => (k === 'name' || k === 'version') && typeof v === 'string');
}

/** A version 1 actions assertion of plain actions, each field one c2pa-rs decodes the same way. */
function checkActions(content: CborMap): void {
  const actions = content.get('actions');
  if (content.size !== 1 || !Array.isArray(actions) || actions.length === 0) return defer('actions assertion shape');
  for (const action of actions) {
    if (!isMap(action) || typeof action.get('action') !== 'string') return defer('action shape');
    for (const [key, value] of action) {
      const known = (ACTION_TEXT_FIELDS.has(String(key)) && typeof value === 'string') || (key === 'softwareAgent' && (typeof value === 'string' || agentMap(value)));
      if (!known) defer(`action field ${key}`);
    }
  }
}

/** claim_generator_info: a list of {name, version?} entries. */
function checkGeneratorInfo(value: CborValue | undefined): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.length === 0 || !value.every(agentMap)) defer('claim_generator_info shape');
}

function dataHashOf(assertion: CborMap, claimAlg: string): DataHash {
  const fields = new Set(assertion.keys());
  for (const key of fields) if (!['exclusions', 'name', 'alg', 'hash', 'pad', 'pad2'].includes(String(key))) defer(`data hash field ${key}`);
  if (!(assertion.get('pad') instanceof Uint8Array)) defer('data hash without pad (c2pa-rs requires it)');
  const name = assertion.get('name');
  const pad2 = assertion.get('pad2');
  if ((name !== undefined && typeof name !== 'string') || (pad2 !== undefined && !(pad2 instanceof Uint8Array))) defer('data hash field types');
  const alg = assertion.get('alg') ?? claimAlg;
  const hash = assertion.get('hash');
  const exclusions = assertion.get('exclusions') ?? [];
  if (typeof alg !== 'string' || !HASHES.has(alg) || !(hash instanceof Uint8Array) || !Array.isArray(exclusions)) return defer('data hash fields');
  return {
    alg,
    hash: Buffer.from(hash),
    exclusions: exclusions.map((range) => {
      const start = isMap(range) ? range.get('start') : undefined;
      const length = isMap(range) ? range.get('length') : undefined;
      if (!isMap(range) || range.size !== 2 || typeof start !== 'number' || typeof length !== 'number' || start < 0 || length < 0) return defer('data hash exclusion');
      return { start, length };
    }).sort((a, b) => a.start - b.start),
  };
}

/** Every superbox as C2PA writers make them: requestable and labelled, nothing else in its description. */
function plainDescriptions(box: Superbox): void {
  if (box.toggles !== 0x03 || box.descriptionTail !== 0) defer('JUMBF description');
  for (const child of box.children) if (isSuperbox(child)) plainDescriptions(child);
}

/**
 * Reads and validates a manifest store the way c2pa-rs does, with Node's native crypto, for the common shape only:
 * one manifest with a version 1 claim, a data hash and actions, an ECDSA/RSA-PSS/Ed25519 signature with its chain
 * and one version 1 RFC 3161 time stamp. Anything else, and every failed check, throws DeferToReader: c2pa-rs then
 * reads the manifest and gives the verdict, so this path only ever confirms what c2pa-rs would also confirm.
 * The content is not compared here (the caller streams the file through the returned data hash).
 */
export function readStoreNatively(bytes: Uint8Array): NativeStore {
  const root = parseJumbf(bytes);
  plainDescriptions(root);
  if (root.uuid !== C2PA_UUID.store || root.label !== 'c2pa') defer('not a C2PA manifest store');
  const [manifest, ...others] = root.children;
  if (!manifest || others.length > 0 || !isSuperbox(manifest) || manifest.uuid !== C2PA_UUID.manifest) defer('not exactly one standard manifest');
  const label = manifest.label;
  if (!/^urn:(uuid|c2pa):[0-9A-Za-z:.-]+$/.test(label)) defer('manifest label');
  const boxes = new Map<string, Superbox>();
  for (const box of manifest.children) {
    if (!isSuperbox(box) || boxes.has(box.label)) return defer('unexpected box in the manifest');
    boxes.set(box.label, box);
  }
  const assertionStore = boxes.get('c2pa.assertions');
  const claimBox = boxes.get('c2pa.claim');
  const signatureBox = boxes.get('c2pa.signature');
  if (!assertionStore || !claimBox || !signatureBox || boxes.size !== 3 || assertionStore.uuid !== C2PA_UUID.assertions) return defer('manifest boxes');

  const claimBytes = onlyChild(claimBox, C2PA_UUID.claim, 'cbor');
  const claim = decodeCbor(claimBytes);
  if (!isMap(claim)) return defer('claim is not a map');
  for (const key of claim.keys()) if (!CLAIM_FIELDS.has(String(key))) defer(`claim field ${key}`);
  const claimGenerator = text(claim, 'claim_generator');
  // c2pa-rs does not load a claim without alg.
  const alg = text(claim, 'alg') ?? defer('claim without alg');
  if (!claimGenerator || !HASHES.has(alg) || claim.get('signature') !== 'self#jumbf=c2pa.signature') defer('claim fields');
  if (typeof claim.get('instanceID') !== 'string' || typeof claim.get('dc:format') !== 'string') defer('claim fields');
  if (claim.has('dc:title') && typeof claim.get('dc:title') !== 'string') defer('claim fields');
  checkGeneratorInfo(claim.get('claim_generator_info'));

  // Every assertion in the store is referenced exactly once and its hash matches.
  const references = claim.get('assertions');
  if (!Array.isArray(references) || references.length !== assertionStore.children.length) return defer('assertion references');
  const assertions = new Map<string, CborMap>();
  for (const reference of references) {
    if (!isMap(reference) || reference.size !== 2) return defer('hashed URI form');
    const url = reference.get('url');
    const hash = reference.get('hash');
    const name = typeof url === 'string' ? url.match(/^self#jumbf=c2pa\.assertions\/([^/]+)$/)?.[1] : undefined;
    if (!name || !(hash instanceof Uint8Array) || assertions.has(name)) return defer('hashed URI form');
    const box = assertionStore.children.find((b) => isSuperbox(b) && b.label === name) as Superbox | undefined;
    if (!box || !(ACTIONS.test(name) || name === DATA_HASH)) return defer(`assertion ${name}`);
    if (!createHash(alg).update(box.payload).digest().equals(hash)) return defer('hashed URI mismatch');
    const content = decodeCbor(onlyChild(box, C2PA_UUID.cbor, 'cbor'));
    if (!isMap(content)) return defer(`assertion ${name} is not a map`);
    if (ACTIONS.test(name)) checkActions(content);
    assertions.set(name, content);
  }
  const dataHashAssertion = assertions.get(DATA_HASH);
  if (!dataHashAssertion) return defer('no data hash');
  const dataHash = dataHashOf(dataHashAssertion, alg);

  const cose = readCoseSign1(onlyChild(signatureBox, C2PA_UUID.signature, 'cbor'));
  if (!cose || cose.timeStamps?.version !== 1 || cose.timeStamps.tokens.length !== 1) return defer('signature form or time stamp version');
  if (cose.otherUnprotected.some((key) => key !== 'rVals')) defer('unprotected header field');
  if (cose.revocationValues) checkStapledOcsp(cose.revocationValues);
  // Bounded work on the caller's thread: real chains hold two to four certificates.
  if (cose.chain.length > MAX_CERTIFICATES) defer('certificate chain too long');
  const chain = cose.chain.map(knownCertificate);
  const signer = chain[0] as KnownCertificate;
  if (!verifyClaimSignature(cose, claimBytes, signer)) return defer('claim signature does not verify');
  const stamp = readTimeStamp(cose.timeStamps.tokens[0] as Uint8Array);
  if (!createHash(stamp.imprintDigest).update(v1TimeStampedBytes(cose, claimBytes)).digest().equals(stamp.imprint)) defer('time stamp imprint mismatch');
  checkTimeStampAuthority(stamp);
  checkSigningChain(cose, chain, stamp.time);
  const names = signerNames(cose.chain[0] as Uint8Array) ?? defer('signer names');

  const where = `self#jumbf=/c2pa/${label}/c2pa.signature`;
  const entry: StoreManifest = {
    label,
    claim_generator: claimGenerator,
    ...(claim.has('claim_generator_info') ? { claim_generator_info: plain(claim.get('claim_generator_info') as CborValue) as StoreManifest['claim_generator_info'] } : {}),
    ...(claim.has('dc:title') ? { title: text(claim, 'dc:title') } : {}),
    format: text(claim, 'dc:format'),
    assertions: [...assertions].filter(([name]) => ACTIONS.test(name)).map(([name, data]) => ({ label: name, data: plain(data) as never })),
    signature_info: { issuer: names.organization, common_name: names.commonName, time: rfc3339(stamp.time, stamp.fraction) },
  };
  const untrusted = { code: 'signingCredential.untrusted', url: where, explanation: 'signing certificate untrusted' };
  return {
    store: {
      active_manifest: label,
      manifests: { [label]: entry },
      validation_status: [untrusted],
      validation_results: { activeManifest: { failure: [untrusted] } },
      validation_state: 'Valid',
    },
    dataHash,
  };
}
