import { sign } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateFacilityKey } from '../../main/packet/keys';
import { formatSha256Sums, HASHED_FILES } from '../../main/packet/packet-files';
import { verifyPacket } from '../../main/packet/verify';
import { tempDir } from './helpers';
import { buildPacket, rewriteZip } from './packet-fixture';
import type { BuiltPacket } from './packet-fixture';

const t = tempDir('genlog-verify-');
let built: BuiltPacket;
let n = 0;
const out = () => path.join(t.dir, `tampered-${(n += 1)}.zip`);

beforeAll(async () => {
  built = await buildPacket(t.dir);
});
afterAll(() => t.cleanup());

function flipMiddleByte(data: Buffer): Buffer {
  const copy = Buffer.from(data);
  const i = Math.floor(copy.length / 2);
  copy[i] = copy[i]! ^ 0x01;
  return copy;
}

describe('verifyPacket finds tampering', () => {
  it('starts from a valid packet', async () => {
    expect((await verifyPacket(built.zipPath)).valid).toBe(true);
  });

  it.each(HASHED_FILES)('one changed byte in %s -> "changed file" naming it, and no other file', async (name) => {
    const zip = await rewriteZip(built.zipPath, out(), (files) => files.set(name, flipMiddleByte(files.get(name)!)));
    const result = await verifyPacket(zip);
    expect(result.valid).toBe(false);
    expect(result.problems).toContain(`changed file: ${name}`);
    expect(result.problems.filter((p) => p.startsWith('changed file:'))).toEqual([`changed file: ${name}`]);
  });

  it('one changed byte in SHA256SUMS -> bad signature naming SHA256SUMS', async () => {
    const zip = await rewriteZip(built.zipPath, out(), (files) => files.set('SHA256SUMS', flipMiddleByte(files.get('SHA256SUMS')!)));
    const result = await verifyPacket(zip);
    expect(result.valid).toBe(false);
    expect(result.problems.some((p) => p.startsWith('bad signature:') && p.includes('SHA256SUMS '))).toBe(true);
    // The intact file whose line changed is not blamed outright.
    expect(result.problems.filter((p) => /^changed file: \S+$/.test(p))).toEqual([]);
  });

  it('one changed byte in SHA256SUMS.sig -> bad signature naming SHA256SUMS.sig', async () => {
    const zip = await rewriteZip(built.zipPath, out(), (files) => files.set('SHA256SUMS.sig', flipMiddleByte(files.get('SHA256SUMS.sig')!)));
    const result = await verifyPacket(zip);
    expect(result.valid).toBe(false);
    expect(result.problems.some((p) => p.startsWith('bad signature: SHA256SUMS.sig'))).toBe(true);
    expect(result.problems.filter((p) => !p.startsWith('bad signature'))).toEqual([]);
  });

  it.each(['summary.pdf', 'manifest.json', 'SHA256SUMS.sig', 'SHA256SUMS', 'facility-public-key.pem'])('a removed %s -> "missing file"', async (name) => {
    const zip = await rewriteZip(built.zipPath, out(), (files) => files.delete(name));
    const result = await verifyPacket(zip);
    expect(result.valid).toBe(false);
    expect(result.problems).toContain(`missing file: ${name}`);
    expect(result.problems.filter((p) => p.startsWith('extra file:'))).toEqual([]);
  });

  it('an extra file -> "extra file"', async () => {
    const zip = await rewriteZip(built.zipPath, out(), (files) => files.set('x.txt', Buffer.from('hello')));
    expect(await verifyPacket(zip)).toEqual({ valid: false, problems: ['extra file: x.txt'] });
  });

  it('a signature made with another key -> bad signature', async () => {
    const other = loadOrCreateFacilityKey(path.join(t.dir, 'other-a'));
    const zip = await rewriteZip(built.zipPath, out(), (files) => files.set('SHA256SUMS.sig', sign(null, files.get('SHA256SUMS')!, other.privateKey)));
    const result = await verifyPacket(zip);
    expect(result.valid).toBe(false);
    expect(result.problems.filter((p) => p.startsWith('bad signature:'))).toHaveLength(1);
  });

  it('a packet re-signed throughout with another key -> wrong key', async () => {
    const other = loadOrCreateFacilityKey(path.join(t.dir, 'other-b'));
    const zip = await rewriteZip(built.zipPath, out(), (files) => {
      files.set('facility-public-key.pem', Buffer.from(other.publicKeyPem));
      const sums = Buffer.from(formatSha256Sums(HASHED_FILES.map((name) => ({ name, data: files.get(name)! }))));
      files.set('SHA256SUMS', sums);
      files.set('SHA256SUMS.sig', sign(null, sums, other.privateKey));
    });
    const result = await verifyPacket(zip);
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([
      `wrong key: facility-public-key.pem (${other.fingerprint}) is not the key named in manifest.json (${built.key.fingerprint})`,
    ]);
    const pinned = await verifyPacket(built.zipPath, { expectedFingerprint: other.fingerprint });
    expect(pinned.problems).toEqual([`wrong key: the packet is signed with ${built.key.fingerprint}, not the expected ${other.fingerprint}`]);
  });

  it('reports a manifest that breaks the schema', async () => {
    const zip = await rewriteZip(built.zipPath, out(), (files) => {
      const manifest = JSON.parse(files.get('manifest.json')!.toString()) as Record<string, unknown>;
      delete manifest.counts;
      files.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
    });
    const result = await verifyPacket(zip);
    expect(result.problems).toContain('changed file: manifest.json');
    expect(result.problems).toContain('bad manifest: manifest.json /counts: is required');
  });
});

describe('verifyPacket on files that are not packets', () => {
  it.each([
    ['a text file', () => Buffer.from('this is not a zip file\n'), /not a ZIP file, or the ZIP is damaged or truncated/],
    ['an empty file', () => Buffer.alloc(0), /not a ZIP file, or the ZIP is damaged or truncated/],
    ['a truncated packet', () => readFileSync(built.zipPath).subarray(0, Math.floor(readFileSync(built.zipPath).length * 0.6)), /not a ZIP file, or the ZIP is damaged or truncated/],
  ])('%s gives a clear problem, not a throw', async (_label, bytes, message) => {
    const file = out();
    writeFileSync(file, bytes());
    const result = await verifyPacket(file);
    expect(result.valid).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(message);
  });

  it('a packet cut short just before its end record is refused', async () => {
    const file = out();
    const zip = readFileSync(built.zipPath);
    writeFileSync(file, zip.subarray(0, zip.length - 10));
    const result = await verifyPacket(file);
    expect(result.valid).toBe(false);
    expect(result.problems[0]).toMatch(/damaged or truncated/);
  });

  it('a missing path or a folder gives a clear problem', async () => {
    expect(await verifyPacket(path.join(t.dir, 'nope.zip'))).toEqual({ valid: false, problems: [`no such file: ${path.join(t.dir, 'nope.zip')}`] });
    const folder = path.join(t.dir, 'a-folder');
    mkdirSync(folder);
    expect((await verifyPacket(folder)).problems[0]).toMatch(/is a folder|not a ZIP/);
  });
});
