import { afterAll, describe, expect, it } from 'vitest';
import { closeParserThread, readProvenance } from '../../main/provenance';
import { MAX_STRUCTURE_ENTRIES, MAX_XMP_BYTES } from '../../main/provenance/limits';
import { mp4Head, webpWith } from './helpers/c2pa';
import { DST, jpegWithSegments, plainJpeg, segment, xmpPacket } from './helpers/jpeg';
import { tempDir, writeTemp } from './helpers/paths';
import { iTXt, pngChunk, pngWith, tEXt } from './helpers/png';

afterAll(closeParserThread);

const dir = tempDir();
const SIGNATURE = Buffer.from('89504e470d0a1a0a', 'hex');
const IHDR = pngChunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]));
const IEND = pngChunk('IEND', Buffer.alloc(0));
const EXTRA_XMP = 'The file holds more than one XMP packet; GenLog read the first and ignored the others';

const xmpSaying = (term: string, padding = '') =>
  xmpPacket({ 'Iptc4xmpExt:DigitalSourceType': `${DST}${term}` }).replace('</x:xmpmeta>', `<!--${padding}--></x:xmpmeta>`);

/** Reads a file that must be read quickly; returns its record. */
async function readTimed(name: string, bytes: Buffer, withinMs = 500) {
  const started = performance.now();
  const record = await readProvenance(writeTemp(dir, name, bytes));
  expect(performance.now() - started).toBeLessThan(withinMs);
  return record;
}

describe('PNG XMP', () => {
  it('decompresses XMP only up to the XMP cap, and says the packet was skipped', async () => {
    const bomb = iTXt('XML:com.adobe.xmp', xmpSaying('trainedAlgorithmicMedia', 'x'.repeat(MAX_XMP_BYTES)), true);
    expect(bomb.length).toBeLessThan(16 * 1024); // it is the decompressed size that is over the cap
    const record = await readTimed('xmp-bomb.png', await pngWith([bomb]));
    expect(record.errors).toEqual(["PNG text chunk 'XML:com.adobe.xmp' expands to more than 2.0 MiB when decompressed, the most GenLog reads; it was skipped"]);
    expect(record.iptc).toBeNull();
  });

  it('reads only the first XMP chunk, as JPEG and WebP do, and says the others were ignored', async () => {
    const record = await readTimed('two-xmp.png', await pngWith([iTXt('XML:com.adobe.xmp', xmpSaying('trainedAlgorithmicMedia')), iTXt('XML:com.adobe.xmp', xmpSaying('digitalCapture'))]));
    expect(record.iptc?.digitalSourceType?.term).toBe('trainedAlgorithmicMedia');
    expect(record.errors).toEqual([EXTRA_XMP]);
  });

  it('does not decompress every copy of a repeated XMP bomb', async () => {
    const bomb = iTXt('XML:com.adobe.xmp', xmpSaying('trainedAlgorithmicMedia', 'x'.repeat(8 * 1024 * 1024)), true);
    const record = await readTimed('xmp-bombs.png', await pngWith(Array.from({ length: 20 }, () => bomb)));
    expect(record.errors).toEqual([expect.stringMatching(/expands to more than 2\.0 MiB/), EXTRA_XMP]);
  });

  it('JPEG and WebP say so too when they hold a second XMP packet', async () => {
    const app1 = (term: string) => segment(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0${xmpSaying(term)}`, 'utf8'));
    const jpeg = await readTimed('two-xmp.jpg', jpegWithSegments(await plainJpeg(), [app1('trainedAlgorithmicMedia'), app1('digitalCapture')]));
    expect(jpeg.iptc?.digitalSourceType?.term).toBe('trainedAlgorithmicMedia');
    expect(jpeg.errors).toEqual([EXTRA_XMP]);
    const xmp = (term: string) => ({ fourcc: 'XMP ', data: Buffer.from(xmpSaying(term), 'utf8') });
    const webp = await readTimed('two-xmp.webp', await webpWith([xmp('trainedAlgorithmicMedia'), xmp('digitalCapture')]));
    expect(webp.iptc?.digitalSourceType?.term).toBe('trainedAlgorithmicMedia');
    expect(webp.errors).toEqual([EXTRA_XMP]);
  });
});

describe('PNG structure', () => {
  it('bounds the search of a large PNG\'s tail through thousands of tiny chunks, says so, and still reads the file', async () => {
    // Zero-length image-data chunks that never end cleanly (a byte after IEND): each was walked from each of the others.
    const tiny = pngChunk('IDAT', Buffer.alloc(0));
    const settings = tEXt('parameters', 'a quiet harbour\nSteps: 20, Sampler: Euler, Seed: 11, Size: 1x1');
    const png = Buffer.concat([SIGNATURE, IHDR, pngChunk('IDAT', Buffer.alloc(150_000)), ...Array.from({ length: 3000 }, () => tiny), settings, IEND, Buffer.from([0])]);
    const record = await readTimed('tail-crawl.png', png, 300);
    expect(record.errors).toEqual([
      'The PNG ends in an unusually long run of tiny chunks; GenLog gave up looking for its metadata there and read its chunks one by one instead',
    ]);
    expect(record.a1111).toMatchObject({ prompt: 'a quiet harbour', seed: 11 });
  });

  it("reports a PNG cut inside IEND's checksum as truncated", async () => {
    const png = await pngWith([]);
    const record = await readTimed('cut-in-iend.png', png.subarray(0, png.length - 2));
    expect(record.errors).toEqual([`The PNG ends inside its IEND chunk at byte ${png.length - 12}: the file is truncated`]);
  });
});

describe('JPEG structure', () => {
  const limit = `The JPEG has more than ${MAX_STRUCTURE_ENTRIES} segments (fill bytes included); GenLog stopped reading it there`;

  it('gives the segment limit, not "truncated", for a JPEG of more than 100,000 segments', async () => {
    const comments = Buffer.alloc((MAX_STRUCTURE_ENTRIES + 1) * 4).fill(Buffer.from([0xff, 0xfe, 0x00, 0x02]));
    const record = await readTimed('many-comments.jpg', Buffer.concat([Buffer.from([0xff, 0xd8]), comments, Buffer.from([0xff, 0xd9])]), 1000);
    expect(record.errors).toEqual([limit]);
  });

  it('and for one of more than 100,000 fill bytes', async () => {
    const fill = Buffer.alloc(MAX_STRUCTURE_ENTRIES + 10, 0xff);
    const record = await readTimed('many-fill-bytes.jpg', Buffer.concat([Buffer.from([0xff, 0xd8]), fill, Buffer.from([0xd9])]), 1000);
    expect(record.errors).toEqual([limit]);
  });
});

describe('names read from the file in messages', () => {
  const noControls = (errors: string[]) => expect(errors.join(' ')).not.toMatch(/\p{Cc}/u);

  it('escapes control characters in a WebP chunk name', async () => {
    const webp = await webpWith([]);
    const lying = Buffer.concat([webp, Buffer.from('\u001b[2J', 'latin1'), Buffer.from([0xff, 0xff, 0xff, 0x7f])]);
    lying.writeUInt32LE(lying.length - 8, 4);
    const record = await readTimed('escape.webp', lying);
    expect(record.errors).toEqual([expect.stringMatching(/^The WebP chunk '\\x1b\[2J' at byte \d+ claims 2\.0 GiB/)]);
    noControls(record.errors);
  });

  it('escapes control characters in an MP4 box type', async () => {
    const lying = Buffer.concat([mp4Head(null), Buffer.from([0x7f, 0xff, 0xff, 0xff]), Buffer.from('\u0007\u001b[J', 'latin1'), Buffer.alloc(64)]);
    const record = await readTimed('escape.mp4', lying);
    expect(record.errors).toEqual([expect.stringMatching(/^The box '\\x07\\x1b\[J' at byte \d+ claims/)]);
    noControls(record.errors);
  });
});
