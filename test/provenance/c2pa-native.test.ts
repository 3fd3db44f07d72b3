import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { dataHashFromCrJson } from '../../main/provenance/c2pa/data-hash';
import { decodeCbor } from '../../main/provenance/c2pa/native/cbor';
import { oidOf } from '../../main/provenance/c2pa/native/der';
import { excludesOnlyManifest } from '../../main/provenance/c2pa/read-c2pa';
import { mapManifestStore } from '../../main/provenance/c2pa/map-store';
import { readNatively, whyDeferred } from '../../main/provenance/c2pa/native/read-natively';
import type { ManifestStoreJson } from '../../main/provenance/c2pa/store-json';
import { closeParserThread, parseInThread } from '../../main/provenance/worker/parser-thread';
import { pngChunkData } from './helpers/c2pa';
import { sharedC2paFixture, tempDir, writeTemp } from './helpers/paths';
import { readProvenance } from '../../main/provenance';

afterAll(closeParserThread);

function titanStore(): Buffer {
  return pngChunkData(readFileSync(sharedC2paFixture('amazon-titan-g1.png')), 'caBX');
}

/** What c2pa-rs makes of a manifest store read alone: GenLog's record and the data hash, or its error. */
async function byReader(bytes: Uint8Array) {
  try {
    const raw = await parseInThread({ type: 'c2pa', format: 'application/c2pa', bytes: new Uint8Array(bytes), withCrJson: true }, 30_000);
    const store = JSON.parse(raw.json) as ManifestStoreJson;
    return { record: mapManifestStore(store, 'embedded', true), dataHash: dataHashFromCrJson(raw.crJson ?? '', store.active_manifest) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('native C2PA validation agrees with c2pa-rs', () => {
  it('reads the Amazon Titan manifest natively, with the record and data hash c2pa-rs gives', async () => {
    const bytes = titanStore();
    const native = readNatively(bytes);
    expect(whyDeferred(), 'the common shape must not defer').toBeNull();
    expect(native).not.toBeNull();
    const reader = await byReader(bytes);
    expect(mapManifestStore(native!.store, 'embedded', true)).toEqual(reader.record);
    expect(native!.dataHash).toEqual(reader.dataHash);
    expect(reader.record?.validation.state).toBe('untrusted');
  });

  it('is the path reading a signed PNG takes, and a changed pixel still makes the manifest invalid', async () => {
    const png = readFileSync(sharedC2paFixture('amazon-titan-g1.png'));
    const record = await readProvenance(sharedC2paFixture('amazon-titan-g1.png'));
    expect(whyDeferred()).toBeNull();
    expect(record.c2pa?.validation.state).toBe('untrusted');
    const changed = Buffer.from(png);
    changed[changed.length - 100] = (changed[changed.length - 100] as number) ^ 0xff;
    const tampered = await readProvenance(writeTemp(tempDir(), 'titan-tampered.png', changed));
    expect(whyDeferred()).toBeNull();
    expect(tampered.c2pa?.validation).toEqual({ state: 'invalid', problems: [expect.stringContaining('not on any trust list'), expect.stringContaining('does not match the hash')] });
  });

  it('never confirms a manifest c2pa-rs rejects: every changed byte either defers or gives c2pa-rs\'s own record', async () => {
    const original = titanStore();
    // Every region: JUMBF headers, claim, assertions, protected header, certificates, time stamp, signature.
    const positions = new Set<number>();
    for (let at = 0; at < original.length; at += 23) positions.add(at);
    for (let at = 0; at < 1200; at += 3) positions.add(at);
    let confirmed = 0;
    for (const at of positions) {
      const changed = Buffer.from(original);
      changed[at] = (changed[at] as number) ^ 0x01;
      const native = readNatively(changed);
      if (!native) continue;
      confirmed++;
      const reader = await byReader(changed);
      expect(reader.record, `byte ${at}`).toEqual(mapManifestStore(native.store, 'embedded', true));
      expect(native.dataHash, `byte ${at}`).toEqual(reader.dataHash);
    }
    // Flips in padding and unsigned parts are legitimately confirmed; the signed parts must all defer.
    expect(confirmed).toBeLessThan(positions.size);
  }, 120_000);

  it('defers what it does not reproduce: a second (ingredient) manifest, a version 2 time stamp, hostile bytes', async () => {
    const jpeg = readFileSync(sharedC2paFixture('trustnxt-icon-signed-timestamp.jpg'));
    const segments: Buffer[] = [];
    for (let at = 2; at + 4 < jpeg.length && jpeg[at] === 0xff && jpeg[at + 1] !== 0xda;) {
      const length = jpeg.readUInt16BE(at + 2);
      const segment = jpeg.subarray(at + 4, at + 2 + length);
      if (jpeg[at + 1] === 0xeb && segment.subarray(0, 2).toString('latin1') === 'JP') segments.push(segment.subarray(8));
      at += 2 + length;
    }
    expect(segments).toHaveLength(1);
    expect(readNatively(segments[0] as Buffer)).toBeNull();
    expect(whyDeferred()).toMatch(/time stamp version/);
    expect(readNatively(Buffer.alloc(0))).toBeNull();
    expect(readNatively(titanStore().subarray(0, 5000))).toBeNull();
  });

  it('reads CBOR, DER and exclusions as strictly as c2pa-rs: byte-order marks kept, floats and malformed OIDs refused', () => {
    // {"\uFEFFalg": 1}: a key with a byte-order mark is not "alg".
    const bom = decodeCbor(Buffer.from([0xa1, 0x66, 0xef, 0xbb, 0xbf, 0x61, 0x6c, 0x67, 0x01])) as Map<string, unknown>;
    expect(bom.has('alg')).toBe(false);
    expect(() => decodeCbor(Buffer.from([0xfb, 0x40, 0x93, 0x48, 0, 0, 0, 0, 0]))).toThrow(/simple value/);
    expect(() => oidOf({ tag: 0x06, value: Buffer.from([0x2b, 0x06, 0x81]), raw: Buffer.alloc(0) })).toThrow(/unterminated/);
    expect(() => oidOf({ tag: 0x06, value: Buffer.from([0x2b, 0x80, 0x01]), raw: Buffer.alloc(0) })).toThrow(/non-minimal/);
    expect(oidOf({ tag: 0x06, value: Buffer.from([0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x04]), raw: Buffer.alloc(0) })).toBe('1.3.6.1.5.5.7.3.4');
    const hash = { alg: 'sha256', hash: Buffer.alloc(32) };
    expect(excludesOnlyManifest({ ...hash, exclusions: [{ start: 33, length: 100 }] }, { start: 33, length: 100 })).toBe(true);
    expect(excludesOnlyManifest({ ...hash, exclusions: [{ start: 33, length: 100 }, { start: 33, length: 100 }] }, { start: 33, length: 100 })).toBe(false);
    expect(excludesOnlyManifest({ ...hash, exclusions: [] }, { start: 33, length: 100 })).toBe(false);
  });
});
