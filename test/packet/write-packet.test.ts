import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateFacilityKey } from '../../main/packet/keys';
import { ManifestInvalidError } from '../../main/packet/validate-manifest';
import { verifyPacket } from '../../main/packet/verify';
import { PacketTooLargeError, writePacket } from '../../main/packet/write-packet';
import { readZip } from '../../main/packet/zip-io';
import { buildFixtureManifest } from './fixture-manifest';
import { run, tempDir } from './helpers';
import { buildPacket } from './packet-fixture';
import type { BuiltPacket } from './packet-fixture';

const t = tempDir('genlog-write-');
let built: BuiltPacket;
let extracted: string;

beforeAll(async () => {
  built = await buildPacket(t.dir);
  extracted = path.join(t.dir, 'extracted');
  mkdirSync(extracted);
  const { files } = await readZip(built.zipPath);
  for (const [name, data] of files) writeFileSync(path.join(extracted, name), data);
});
afterAll(() => t.cleanup());

describe('writePacket', () => {
  it('writes the six files in a fixed order and reports the ZIP hash and size', async () => {
    const zip = readFileSync(built.zipPath);
    expect(built.sha256).toBe(createHash('sha256').update(zip).digest('hex'));
    const { files } = await readZip(built.zipPath);
    expect([...files.keys()]).toEqual(['manifest.json', 'summary.pdf', 'assets.csv', 'facility-public-key.pem', 'SHA256SUMS', 'SHA256SUMS.sig']);
    expect(JSON.parse(files.get('manifest.json')!.toString())).toEqual(built.manifest);
    expect(files.get('facility-public-key.pem')!.toString()).toBe(built.key.publicKeyPem);
    expect(files.get('SHA256SUMS.sig')).toHaveLength(64);
    expect(files.get('SHA256SUMS')!.toString().trim().split('\n').map((l) => l.split('  ')[1]))
      .toEqual(['manifest.json', 'summary.pdf', 'assets.csv', 'facility-public-key.pem']);
  });

  it('round-trips: verifyPacket finds nothing wrong', async () => {
    expect(await verifyPacket(built.zipPath)).toEqual({ valid: true, problems: [] });
    expect(await verifyPacket(built.zipPath, { expectedFingerprint: built.key.fingerprint.toUpperCase().replace(/ /g, '') })).toEqual({ valid: true, problems: [] });
  });

  it('passes `sha256sum -c SHA256SUMS` in the extracted folder', () => {
    const ok = run('sha256sum', ['-c', 'SHA256SUMS'], extracted);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    for (const name of ['manifest.json', 'summary.pdf', 'assets.csv', 'facility-public-key.pem']) expect(ok.stdout).toContain(`${name}: OK`);
  });

  it('passes `openssl pkeyutl -verify` with the included public key', () => {
    const args = ['pkeyutl', '-verify', '-pubin', '-inkey', 'facility-public-key.pem', '-rawin', '-in', 'SHA256SUMS', '-sigfile', 'SHA256SUMS.sig'];
    const ok = run('openssl', args, extracted);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Signature Verified Successfully');

    // The same commands fail on a changed copy, so the checks above can fail.
    const bad = path.join(t.dir, 'extracted-bad');
    mkdirSync(bad);
    for (const name of readdirSync(extracted)) writeFileSync(path.join(bad, name), readFileSync(path.join(extracted, name)));
    writeFileSync(path.join(bad, 'assets.csv'), `${readFileSync(path.join(bad, 'assets.csv'), 'utf8')} `);
    expect(run('sha256sum', ['-c', 'SHA256SUMS'], bad).status).not.toBe(0);
    writeFileSync(path.join(bad, 'SHA256SUMS'), `${readFileSync(path.join(bad, 'SHA256SUMS'), 'utf8')}\n`);
    expect(run('openssl', args, bad).status).not.toBe(0);
  });

  it('gives the same bytes for the same input, whatever the machine time zone', async () => {
    const savedTz = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      const a = await writePacket(built.manifest, built.key, path.join(t.dir, 'again-a.zip'));
      process.env.TZ = 'Asia/Tokyo';
      const b = await writePacket(built.manifest, built.key, path.join(t.dir, 'again-b.zip'));
      expect(a.sha256).toBe(built.sha256);
      expect(b.sha256).toBe(built.sha256);
    } finally {
      if (savedTz === undefined) delete process.env.TZ;
      else process.env.TZ = savedTz;
    }
  });

  it('replaces an older file at the same path without leaving temp files', async () => {
    const dir = path.join(t.dir, 'rebuild');
    const out = path.join(dir, 'packet.zip');
    await writePacket(buildFixtureManifest({ signingKeyFingerprint: built.key.fingerprint, approvedBy: null, approvedAt: null }), built.key, out);
    const second = await writePacket(built.manifest, built.key, out);
    expect(second.sha256).toBe(built.sha256);
    expect(readdirSync(dir)).toEqual(['packet.zip']);
  });

  it('refuses a packet over the size cap with advice to split it, leaving no file behind', async () => {
    const dir = path.join(t.dir, 'capped');
    mkdirSync(dir);
    const out = path.join(dir, 'too-big.zip');
    const attempt = writePacket(built.manifest, built.key, out, { sizeCapBytes: 20_000 });
    await expect(attempt).rejects.toBeInstanceOf(PacketTooLargeError);
    await expect(attempt).rejects.toThrow(/over the 19\.5 KiB limit.*one packet per episode.*shorter date range/s);
    expect(readdirSync(dir)).toEqual([]);
    // The default cap (20 MiB) lets the same packet through.
    await writePacket(built.manifest, built.key, out);
    expect(existsSync(out)).toBe(true);
  });

  it('refuses an invalid manifest, naming the field, and writes nothing', async () => {
    const out = path.join(t.dir, 'invalid.zip');
    const manifest = buildFixtureManifest({ signingKeyFingerprint: built.key.fingerprint });
    manifest.assets[0]!.sha256 = 'not-a-hash';
    const attempt = writePacket(manifest, built.key, out);
    await expect(attempt).rejects.toBeInstanceOf(ManifestInvalidError);
    await expect(attempt).rejects.toThrow('/assets/0/sha256: must be 64 lowercase hex digits');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a manifest naming another signing key', async () => {
    const other = loadOrCreateFacilityKey(path.join(t.dir, 'other-keys'));
    const out = path.join(t.dir, 'mismatch.zip');
    await expect(writePacket(built.manifest, other, out)).rejects.toThrow(/signingKeyFingerprint .* is not the fingerprint of the signing key/);
    expect(existsSync(out)).toBe(false);
  });
});
