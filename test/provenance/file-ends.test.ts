import { randomBytes } from 'node:crypto';
import { copyFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createHashPool } from '../../main/ingest/hash-pool';
import { closeParserThread, readProvenance } from '../../main/provenance';
import { FileWindow } from '../../main/provenance/file-window';
import { DST, xmpPacket } from './helpers/jpeg';
import { provenanceFixtureText, sharedC2paFixture, tempDir, writeTemp } from './helpers/paths';
import { pngChunk, pngWith, tEXt } from './helpers/png';

const pool = createHashPool({ concurrency: 1 });
afterAll(async () => {
  await pool.close();
  await closeParserThread();
});

async function endsOf(path: string) {
  const { ends } = await pool.hash(path, { keepEnds: true });
  if (!ends) throw new Error('the pool kept no ends');
  return ends;
}

/** A PNG of noise (~2 MB by default) written the way PIL writes one: 64 KiB image-data chunks, then the given chunks, then IEND. */
async function pilStylePng(trailing: Buffer[], side = 820): Promise<Buffer> {
  const png = await sharp(randomBytes(side * side * 3), { raw: { width: side, height: side, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
  const idatStart = png.indexOf('IDAT') - 4;
  const iendStart = png.length - 12;
  // Re-chunk the image data: one zlib stream split in 64 KiB pieces reads back the same.
  const data: Buffer[] = [];
  for (let at = idatStart; at < iendStart;) {
    const length = png.readUInt32BE(at);
    data.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const stream = Buffer.concat(data);
  const idats: Buffer[] = [];
  for (let at = 0; at < stream.length; at += 64 * 1024) idats.push(pngChunk('IDAT', stream.subarray(at, at + 64 * 1024)));
  return Buffer.concat([png.subarray(0, idatStart), ...idats, ...trailing, png.subarray(iendStart)]);
}

/** Image data of random bytes below 0x41: no letters, so it never looks like a chunk type. */
const imageData = (n: number) => randomBytes(n).map((b) => b & 0x3f);

/** A 256x256 PNG made of the given chunks between IHDR and IEND. */
function pngOf(chunks: Buffer[]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(256, 0);
  ihdr.writeUInt32BE(256, 4);
  ihdr.set([8, 2], 8);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), pngChunk('IHDR', ihdr), ...chunks, pngChunk('IEND', Buffer.alloc(0))]);
}

describe('reading provenance from the bytes the hashing worker kept', () => {
  it('gives the same record as reading the file, for generated PNGs, IPTC JPEGs and C2PA-signed files', async () => {
    const dir = tempDir();
    const settings = provenanceFixtureText('a1111-parameters.txt');
    const xmp = xmpPacket({ 'Iptc4xmpExt:DigitalSourceType': `${DST}trainedAlgorithmicMedia` });
    const jpeg = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#102030' } }).jpeg().withXmp(xmp).toBuffer();
    const files = [
      writeTemp(dir, 'a1111.png', await pngWith([tEXt('parameters', settings)])),
      writeTemp(dir, 'late.png', await pilStylePng([tEXt('parameters', settings)])),
      writeTemp(dir, 'firefly.jpg', jpeg),
      join(dir, 'titan.png'),
      join(dir, 'icon.jpg'),
    ];
    copyFileSync(sharedC2paFixture('amazon-titan-g1.png'), files[3] as string);
    copyFileSync(sharedC2paFixture('trustnxt-icon-signed-timestamp.jpg'), files[4] as string);
    for (const file of files) {
      const fromFile = await readProvenance(file);
      const fromEnds = await readProvenance(file, { ends: await endsOf(file) });
      expect(fromEnds, file).toEqual(fromFile);
    }
  });

  it('does not open the file again when its metadata lies within the kept bytes', async () => {
    const file = writeTemp(tempDir(), 'late.png', await pilStylePng([tEXt('Software', 'ComfyUI'), tEXt('parameters', 'harbour\nSteps: 20, Sampler: Euler a, Seed: 9, Size: 820x820')]));
    const ends = await endsOf(file);
    unlinkSync(file); // any read of the file itself would now fail
    const reads = vi.spyOn(FileWindow.prototype, 'readOwned');
    const record = await readProvenance(file, { ends });
    expect(reads.mock.results.length).toBe(0);
    reads.mockRestore();
    expect(record.errors).toEqual([]);
    expect(record.a1111).toMatchObject({ prompt: 'harbour', seed: 9 });
    expect(record.exif?.software).toBe('ComfyUI');
  });

  it('does not open a small PNG kept whole as head and tail again, and reads across the seam', async () => {
    const dir = tempDir();
    const trailing = [tEXt('Software', 'ComfyUI'), tEXt('parameters', 'harbour\nSteps: 20, Sampler: Euler a, Seed: 9, Size: 820x820')];
    // About 40 KB (all in the head) and 120 KB (head and tail meet).
    for (const side of [110, 200]) {
      const file = writeTemp(dir, `gen_${side}.png`, await pilStylePng(trailing, side));
      const fromFile = await readProvenance(file);
      const ends = await endsOf(file);
      unlinkSync(file);
      const reads = vi.spyOn(FileWindow.prototype, 'readOwned');
      const record = await readProvenance(file, { ends });
      expect(reads.mock.results.length, `${side}px: ${ends.size} bytes`).toBe(0);
      reads.mockRestore();
      expect(record, `${side}px`).toEqual(fromFile);
      expect(record.a1111).toMatchObject({ prompt: 'harbour', seed: 9 });
    }
  });

  it('walks every chunk of a PNG kept whole, odd layouts and damage included, from kept ends as from the file', async () => {
    const dir = tempDir();
    const idat = (n = 40 * 1024) => pngChunk('IDAT', imageData(n));
    const said = (tag: string) => tEXt('parameters', `${tag}\nSteps: 20, Sampler: Euler a, Seed: 9`);
    const broken = idat();
    broken.writeUInt32BE(0x7ffffff0, 0);
    // About 150 KB each: no larger than what the hashing worker keeps (64 KB head and 96 KB tail).
    const layouts = {
      // Text between two runs of image data (the PNG standard forbids it; other readers still show it).
      between: pngOf([idat(), said('between'), idat(), idat(), tEXt('Software', 'ComfyUI')]),
      // A chunk in the middle whose length runs past the end of the file.
      damaged: pngOf([idat(), broken, idat(), said('after the damage')]),
    };
    for (const [name, bytes] of Object.entries(layouts)) {
      expect(bytes.length, name).toBeLessThanOrEqual(160 * 1024);
      const file = writeTemp(dir, `${name}.png`, bytes);
      expect(await readProvenance(file, { ends: await endsOf(file) }), name).toEqual(await readProvenance(file));
    }
    expect((await readProvenance(join(dir, 'between.png'))).a1111?.prompt).toBe('between');
    expect((await readProvenance(join(dir, 'damaged.png'))).errors).toEqual([expect.stringMatching(/claims 2\.0 GiB.*truncated or corrupt/)]);
  });

  it('reads a PNG of a few hundred KB from the kept ends alone, the same record as from the file', async () => {
    const dir = tempDir();
    const idat = () => pngChunk('IDAT', imageData(64 * 1024));
    const said = (tag: string) => tEXt('parameters', `${tag}\nSteps: 20, Sampler: Euler a, Seed: 9`);
    const layouts = {
      plain: pngOf([said('plain'), idat(), idat(), idat(), idat(), tEXt('Software', 'ComfyUI')]),
      trailing: pngOf([idat(), idat(), idat(), idat(), idat(), said('trailing')]),
      // Past the kept ends the chunk list is picked up in the tail, as the README says: text the standard forbids
      // between image data is not seen there, from the file or from the kept ends alike.
      between: pngOf([idat(), idat(), said('between'), idat(), idat(), tEXt('Software', 'ComfyUI')]),
    };
    for (const [name, bytes] of Object.entries(layouts)) {
      const file = writeTemp(dir, `${name}.png`, bytes);
      const fromFile = await readProvenance(file);
      const ends = await endsOf(file);
      unlinkSync(file); // any read of the file itself would now fail
      const reads = vi.spyOn(FileWindow.prototype, 'readOwned');
      const fromEnds = await readProvenance(file, { ends });
      expect(reads.mock.results.length, `${name}: ${bytes.length} bytes`).toBe(0);
      reads.mockRestore();
      expect(fromEnds, name).toEqual(fromFile);
      expect(fromEnds.errors, name).toEqual([]);
      expect(fromEnds.a1111?.prompt, name).toBe(name === 'between' ? undefined : name);
    }
  });

  it('never skips metadata that follows the image data by more than the tail windows hold', async () => {
    const dir = tempDir();
    const data = imageData;
    const workflow = JSON.stringify({ nodes: [], note: 'x'.repeat(300 * 1024) });
    const layout = (idats: Buffer[]) => pngOf([...idats, tEXt('parameters', 'harbour\nSteps: 20, Sampler: Euler a, Seed: 9'), tEXt('workflow', workflow)]);
    const small = writeTemp(dir, 'one_idat.png', layout([pngChunk('IDAT', data(200 * 1024))]));
    const big = writeTemp(dir, 'many_idats.png', layout(Array.from({ length: 12 }, () => pngChunk('IDAT', data(64 * 1024)))));
    for (const file of [small, big]) {
      const fromFile = await readProvenance(file);
      expect(fromFile.a1111?.prompt, file).toBe('harbour');
      expect(fromFile.errors, file).toEqual([]);
      expect(await readProvenance(file, { ends: await endsOf(file) }), file).toEqual(fromFile);
    }
  });

  it('serves a read across the seam of a small file kept whole as head and tail', async () => {
    const bytes = randomBytes(120 * 1024);
    const file = writeTemp(tempDir(), 'small.bin', bytes);
    const ends = await endsOf(file);
    expect(ends.tailStart).toBeLessThanOrEqual(ends.head.length);
    unlinkSync(file);
    const window = FileWindow.fromEnds(file, ends);
    expect(Buffer.compare(await window.read(60 * 1024, 10 * 1024), bytes.subarray(60 * 1024, 70 * 1024))).toBe(0);
    expect(Buffer.compare(await window.read(0, bytes.length), bytes)).toBe(0);
  });

  it('reads from the file what lies outside the kept bytes, and says so plainly when the file is gone', async () => {
    // Metadata after a run of image data longer than the kept tail: only the file itself has it.
    const late = await pilStylePng([tEXt('parameters', `harbour\nSteps: 20, Sampler: Euler a, Seed: 9, Notes: ${'n'.repeat(150 * 1024)}`)]);
    const file = writeTemp(tempDir(), 'late-big.png', late);
    const ends = await endsOf(file);
    expect((await readProvenance(file, { ends })).a1111).toMatchObject({ prompt: 'harbour', seed: 9 });
    unlinkSync(file);
    expect((await readProvenance(file, { ends })).errors.join('\n')).toMatch(/could not be read: it does not exist/);
  });
});
