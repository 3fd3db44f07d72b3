import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

const CHUNK_BYTES = 1024 * 1024;
const ALGORITHMS: Record<string, string> = { sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };

export interface DataHash {
  alg: string;
  hash: Buffer;
  exclusions: { start: number; length: number }[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** crJSON writes bytes as b64'...'. */
function bytesOf(value: unknown): Buffer | null {
  if (typeof value !== 'string') return null;
  const match = value.match(/^b64'([A-Za-z0-9+/=]*)'$/);
  return match?.[1] !== undefined ? Buffer.from(match[1], 'base64') : null;
}

/** The active manifest's c2pa.hash.data assertion from the reader's crJSON; null when it has none. */
export function dataHashFromCrJson(crJson: string, activeLabel: string | undefined): DataHash | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(crJson);
  } catch {
    return null;
  }
  const manifests = isRecord(parsed) && Array.isArray(parsed.manifests) ? parsed.manifests : [];
  const active = manifests.find((manifest) => isRecord(manifest) && manifest.label === activeLabel) ?? manifests.at(-1);
  if (!isRecord(active) || !isRecord(active.assertions)) return null;
  const key = Object.keys(active.assertions).find((label) => /^c2pa\.hash\.data(__\d+)?$/.test(label));
  const assertion = key ? active.assertions[key] : undefined;
  const claimAlg = isRecord(active.claim) && typeof active.claim.alg === 'string' ? active.claim.alg : 'sha256';
  if (!isRecord(assertion)) return null;
  const hash = bytesOf(assertion.hash);
  const alg = ALGORITHMS[typeof assertion.alg === 'string' ? assertion.alg : claimAlg];
  if (!hash || !alg) return null;
  const exclusions = (Array.isArray(assertion.exclusions) ? assertion.exclusions : [])
    .filter(isRecord)
    .map((range) => ({ start: Number(range.start), length: Number(range.length) }))
    .filter((range) => Number.isSafeInteger(range.start) && Number.isSafeInteger(range.length) && range.start >= 0 && range.length >= 0)
    .sort((a, b) => a.start - b.start);
  return { alg, hash, exclusions };
}

export type HashCheck = 'match' | 'mismatch' | 'timeout';

/**
 * Streams the file through the manifest's hash, skipping the excluded ranges (where an embedded manifest sits),
 * without loading it. Stops with 'timeout' at the deadline.
 */
export async function checkDataHash(filePath: string, expected: DataHash, deadline: number): Promise<HashCheck> {
  const handle = await open(filePath, 'r');
  try {
    const hash = createHash(expected.alg);
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let position = 0;
    for (;;) {
      if (Date.now() > deadline) return 'timeout';
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, position);
      if (bytesRead === 0) break;
      let cursor = position;
      const end = position + bytesRead;
      for (const range of expected.exclusions) {
        const rangeEnd = range.start + range.length;
        if (rangeEnd <= cursor || range.start >= end) continue;
        if (range.start > cursor) hash.update(buffer.subarray(cursor - position, range.start - position));
        cursor = Math.min(rangeEnd, end);
      }
      if (cursor < end) hash.update(buffer.subarray(cursor - position, bytesRead));
      position = end;
    }
    return hash.digest().equals(expected.hash) ? 'match' : 'mismatch';
  } finally {
    await handle.close();
  }
}
