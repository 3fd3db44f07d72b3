import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { closeParserThread, readProvenance } from '../../main/provenance';
import { FileWindow } from '../../main/provenance/file-window';
import { DST, xmpPacket } from './helpers/jpeg';
import { tempDir, writeTemp } from './helpers/paths';
import { iTXt, tEXt } from './helpers/png';

afterAll(closeParserThread);

/** A ~1.5 MB PNG of noise (so it cannot compress), with the given chunks between its image data and IEND. */
async function bigPngWithTrailing(chunks: Buffer[]): Promise<Buffer> {
  const side = 700;
  const png = await sharp(randomBytes(side * side * 3), { raw: { width: side, height: side, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
  return Buffer.concat([png.subarray(0, png.length - 12), ...chunks, png.subarray(png.length - 12)]);
}

describe('PNG chunk walking', () => {
  it('finds metadata written after the image data of a large PNG (read from the tail)', async () => {
    const xmp = xmpPacket({ 'Iptc4xmpExt:DigitalSourceType': `${DST}trainedAlgorithmicMedia` });
    const png = await bigPngWithTrailing([tEXt('parameters', 'a harbour at dawn\nSteps: 30, Sampler: Euler a, Seed: 77, Size: 700x700'), iTXt('XML:com.adobe.xmp', xmp)]);
    expect(png.length).toBeGreaterThan(1024 * 1024);
    const reads = vi.spyOn(FileWindow.prototype, 'readOwned');
    const record = await readProvenance(writeTemp(tempDir(), 'late-metadata.png', png));
    const bytesRead = reads.mock.calls.reduce((sum, [, length]) => sum + length, 0);
    reads.mockRestore();
    expect(bytesRead).toBeLessThan(png.length / 3); // the 8 KB image-data chunks in between are skipped
    expect(record.errors).toEqual([]);
    expect(record.a1111).toMatchObject({ prompt: 'a harbour at dawn', seed: 77 });
    expect(record.iptc?.digitalSourceType?.term).toBe('trainedAlgorithmicMedia');
  });

  it('looks further back when a trailing metadata chunk is larger than the first tail window', async () => {
    // A 48 KB ComfyUI-sized text chunk after the image data: it starts before the last 32 KB of the file.
    const settings = `a lighthouse in fog\nSteps: 20, Sampler: Euler a, Seed: 5, Size: 700x700, Notes: ${'x'.repeat(48 * 1024)}`;
    const png = await bigPngWithTrailing([tEXt('parameters', settings)]);
    const record = await readProvenance(writeTemp(tempDir(), 'late-big-chunk.png', png));
    expect(record.errors).toEqual([]);
    expect(record.a1111).toMatchObject({ prompt: 'a lighthouse in fog', seed: 5 });
  });

  it('still reports a large PNG cut short, by walking every chunk when the tail has no IEND', async () => {
    const png = await bigPngWithTrailing([]);
    const record = await readProvenance(writeTemp(tempDir(), 'cut.png', png.subarray(0, png.length - 5000)));
    expect(record.errors.join('\n')).toMatch(/truncated/);
  });
});
