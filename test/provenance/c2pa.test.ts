import { copyFileSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeParserThread, readProvenance } from '../../main/provenance';
import { mdat, mp4Head, pngChunkData, webpWith, writeSidecarPair, writeSparseVideo } from './helpers/c2pa';
import { sharedC2paFixture, tempDir, writeTemp } from './helpers/paths';
import { excludesOnlyManifest, readC2pa } from '../../main/provenance/c2pa/read-c2pa';
import { sniffFormat } from '../../main/provenance/container/detect';
import { walkContainer } from '../../main/provenance/container/walk';
import { FileWindow } from '../../main/provenance/file-window';
import { DEFAULT_MAX_BYTES } from '../../main/provenance/limits';

const TRAINED = 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia';

afterAll(closeParserThread);

function titanManifest(): Buffer {
  return pngChunkData(readFileSync(sharedC2paFixture('amazon-titan-g1.png')), 'caBX');
}

describe('C2PA manifests in the shared signed samples', () => {
  it('reads the Amazon Titan PNG: AI-created, signer untrusted but intact', async () => {
    const record = await readProvenance(sharedC2paFixture('amazon-titan-g1.png'));
    expect(record.errors).toEqual([]);
    const c2pa = record.c2pa;
    expect(c2pa?.source).toBe('embedded');
    expect(c2pa?.claimGenerator).toBe('Amazon_Bedrock c2pa-rs/0.32.7');
    expect(c2pa?.claimGeneratorProducts).toEqual(['Amazon Bedrock']);
    expect(c2pa?.signer).toBe('Amazon Web Services, Inc.');
    expect(c2pa?.signingTime).toBe('2024-09-25T08:29:07+00:00');
    expect(c2pa?.actions).toEqual([
      { action: 'c2pa.created', digitalSourceType: TRAINED, softwareAgent: 'Titan Image Generator G1', when: '2024-09-25T08:29:07.629074Z' },
    ]);
    expect(c2pa?.validation.state).toBe('untrusted');
    expect(c2pa?.validation.problems).toEqual([expect.stringContaining('not on any trust list')]);
    expect(record.summary).toMatchObject({
      aiGenerated: true,
      digitalSourceType: 'trainedAlgorithmicMedia',
      createdAt: '2024-09-25T08:29:07.629074Z',
      toolHints: ['Titan Image Generator G1', 'Amazon Bedrock'],
    });
  });

  it('reads the signed, time-stamped icon: signer and signing time, no AI claim', async () => {
    const record = await readProvenance(sharedC2paFixture('trustnxt-icon-signed-timestamp.jpg'));
    expect(record.errors).toEqual([]);
    expect(record.c2pa).toMatchObject({
      claimGenerator: 'c2pa-ts',
      signer: 'C2PA Signer',
      issuer: 'C2PA Test Signing Cert',
      signingTime: '2026-01-13T12:35:40.669+00:00',
      actions: [],
      validation: { state: 'untrusted' },
    });
    expect(record.summary.aiGenerated).toBeNull();
  });

  it('says so when the time stamp is damaged, rather than showing a manifest that was never time-stamped', async () => {
    const bytes = readFileSync(sharedC2paFixture('trustnxt-icon-signed-timestamp.jpg'));
    const token = bytes.indexOf('tstTokens', 0, 'latin1');
    expect(token).toBeGreaterThan(0);
    bytes[token + 1254] = (bytes[token + 1254] ?? 0) ^ 0x01; // inside the time stamp token, outside what the claim signs
    const record = await readProvenance(writeTemp(tempDir(), 'stamp-damaged.jpg', bytes));
    expect(record.c2pa).toMatchObject({ signer: 'C2PA Signer', signingTime: null, validation: { state: 'untrusted' } });
    expect(record.c2pa?.validation.problems.join('\n')).toMatch(/The time stamp could not be verified, so when it was signed is not known: .*\(timeStamp\.untrusted\)/);
  });

  it('finds no manifest in the unsigned icon', async () => {
    const record = await readProvenance(sharedC2paFixture('trustnxt-icon.jpg'));
    expect(record.c2pa).toBeNull();
    expect(record.errors).toEqual([]);
  });

  it('reports a file changed after signing as invalid, and still shows what the manifest claims', async () => {
    const dir = tempDir();
    const bytes = readFileSync(sharedC2paFixture('amazon-titan-g1.png'));
    bytes[1_000_000] = (bytes[1_000_000] ?? 0) ^ 0x01; // inside the image data
    const record = await readProvenance(writeTemp(dir, 'tampered.png', bytes));
    expect(record.c2pa?.validation.state).toBe('invalid');
    expect(record.c2pa?.validation.problems.join('\n')).toMatch(/does not match the hash .* changed after signing/);
    expect(record.c2pa?.actions[0]?.digitalSourceType).toBe(TRAINED);
  });
});

describe('C2PA content check outside the WebAssembly reader', () => {
  /** The verdict the c2pa-rs reader gives with the whole file, next to GenLog's manifest-alone + native-hash one. */
  async function bothWays(file: string) {
    const window = await FileWindow.open(file);
    try {
      const parts = await walkContainer(window, sniffFormat(await window.read(0, 16)), DEFAULT_MAX_BYTES);
      const context = { filePath: file, file: window, parts, maxBytes: DEFAULT_MAX_BYTES, timeoutMs: 10_000 };
      return { native: await readC2pa(context, []), whole: await readC2pa(context, [], undefined, true) };
    } finally {
      await window.close();
    }
  }

  it('reaches the same verdict as the reader given the whole file, intact or changed', async () => {
    const dir = tempDir();
    const titan = readFileSync(sharedC2paFixture('amazon-titan-g1.png'));
    const changed = Buffer.from(titan);
    changed[900_000] = (changed[900_000] ?? 0) ^ 0x10;
    const files = [
      sharedC2paFixture('amazon-titan-g1.png'),
      sharedC2paFixture('trustnxt-icon-signed-timestamp.jpg'),
      writeTemp(dir, 'changed.png', changed),
    ];
    const states = [];
    for (const file of files) {
      const { native, whole } = await bothWays(file);
      expect(native?.validation.state).toBe(whole?.validation.state);
      expect({ ...native, validation: null }).toEqual({ ...whole, validation: null });
      states.push(native?.validation.state);
    }
    expect(states).toEqual(['untrusted', 'untrusted', 'invalid']);
  });
});

describe('checking a data hash natively', () => {
  it('is trusted only when the hash leaves out nothing but the manifest\'s own chunk', async () => {
    const file = await FileWindow.open(sharedC2paFixture('amazon-titan-g1.png'));
    const parts = await walkContainer(file, 'png', DEFAULT_MAX_BYTES);
    await file.close();
    // The Titan sample's hash leaves out bytes 33..33+26522: exactly its caBX chunk, header and CRC included.
    expect(parts.c2pa?.range).toEqual({ start: 33, length: 26_522 });
    const hash = { alg: 'sha256', hash: Buffer.alloc(32) };
    expect(excludesOnlyManifest({ ...hash, exclusions: [{ start: 33, length: 26_522 }] }, parts.c2pa?.range)).toBe(true);
    // No exclusion at all cannot match a file that holds its manifest; c2pa-rs judges that file whole.
    expect(excludesOnlyManifest({ ...hash, exclusions: [] }, parts.c2pa?.range)).toBe(false);
    // Wider than the chunk, or a second range: edited pixels could hide there, so the reader must judge the whole file.
    expect(excludesOnlyManifest({ ...hash, exclusions: [{ start: 33, length: 500_000 }] }, parts.c2pa?.range)).toBe(false);
    expect(excludesOnlyManifest({ ...hash, exclusions: [{ start: 33, length: 26_522 }, { start: 900_000, length: 10 }] }, parts.c2pa?.range)).toBe(false);
    expect(excludesOnlyManifest({ ...hash, exclusions: [{ start: 33, length: 26_522 }] }, undefined)).toBe(false);
  });
});

describe('C2PA manifests in other containers', () => {
  it('finds the manifest in a WebP C2PA chunk and an MP4 uuid box', async () => {
    const dir = tempDir();
    const manifest = titanManifest();
    const webp = writeTemp(dir, 'moved.webp', await webpWith([{ fourcc: 'C2PA', data: manifest }]));
    const mp4 = writeTemp(dir, 'moved.mp4', Buffer.concat([mp4Head(manifest), mdat(Buffer.alloc(1000))]));
    for (const file of [webp, mp4]) {
      const record = await readProvenance(file);
      expect(record.c2pa?.actions[0]?.softwareAgent).toBe('Titan Image Generator G1');
      // The manifest was made for another file, so the content cannot match: that must show, never be hidden.
      expect(record.c2pa?.validation.state).toBe('invalid');
    }
  });

  it('reads only the manifest of a file above maxBytes and says the content was not compared', async () => {
    const record = await readProvenance(sharedC2paFixture('amazon-titan-g1.png'), { maxBytes: 1024 * 1024 });
    expect(record.c2pa?.validation.state).toBe('unverified');
    expect(record.c2pa?.validation.problems.join('\n')).toMatch(/larger than 1\.0 MiB, so the file's content was not compared/);
    expect(record.c2pa?.actions[0]?.action).toBe('c2pa.created');
  });

  it('reads a 4 GB video by its box headers alone, fast and without loading it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'huge.mp4');
    writeSparseVideo(file, mp4Head(titanManifest()), 4 * 1024 * 1024 * 1024);
    const rssBefore = process.memoryUsage().rss;
    const started = Date.now();
    const record = await readProvenance(file);
    expect(Date.now() - started).toBeLessThan(4000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
    expect(record.errors).toEqual([]);
    expect(record.c2pa?.validation.state).toBe('unverified');
    expect(record.summary.aiGenerated).toBe(true);
  });
});

describe('sidecar manifests', () => {
  it('validates a sidecar .c2pa against the file next to it', async () => {
    const { asset } = writeSidecarPair(tempDir());
    const record = await readProvenance(asset);
    expect(record.errors).toEqual([]);
    expect(record.c2pa).toMatchObject({ source: 'sidecar', signer: 'C2PA Signer', validation: { state: 'untrusted' } });
  });

  it('finds a sidecar named with the extension replaced (take.c2pa for take.jpg)', async () => {
    const dir = tempDir();
    const { asset, sidecar } = writeSidecarPair(dir, 'take.jpg');
    renameSync(sidecar, path.join(dir, 'take.c2pa'));
    const record = await readProvenance(asset);
    expect(record.c2pa).toMatchObject({ source: 'sidecar', validation: { state: 'untrusted' } });
  });

  it('reports a sidecar that does not belong to the file as invalid', async () => {
    const dir = tempDir();
    const { sidecar } = writeSidecarPair(dir);
    const other = path.join(dir, 'other.jpg');
    copyFileSync(sharedC2paFixture('trustnxt-icon.jpg'), other);
    copyFileSync(sidecar, `${other}.c2pa`);
    const record = await readProvenance(other);
    expect(record.c2pa?.source).toBe('sidecar');
    expect(record.c2pa?.validation.state).toBe('invalid');
    expect(record.c2pa?.validation.problems.join('\n')).toMatch(/does not match the hash in its sidecar manifest/);
  });

  it('reads a bare .c2pa manifest file and says there is no content to compare', async () => {
    const { sidecar } = writeSidecarPair(tempDir());
    const record = await readProvenance(sidecar);
    expect(record.c2pa?.source).toBe('store');
    expect(record.c2pa?.signer).toBe('C2PA Signer');
    expect(record.c2pa?.validation.state).toBe('unverified');
    expect(record.c2pa?.validation.problems.join('\n')).toMatch(/bare manifest store/);
  });
});
