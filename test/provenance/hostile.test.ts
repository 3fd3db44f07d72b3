import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { closeParserThread, readProvenance } from '../../main/provenance';
import type { ProvenanceRecord } from '../../main/provenance';
import { mp4Head } from './helpers/c2pa';
import { segment, jpegWithSegments, plainJpeg, xmpPacket, DST } from './helpers/jpeg';
import { provenanceFixtureText, tempDir, writeTemp } from './helpers/paths';
import { iTXt, pngChunk, pngWith, tEXt, zTXt } from './helpers/png';

afterAll(closeParserThread);

/** Reads a hostile file: it must resolve (never reject), quickly, with an error naming the problem. */
async function readHostile(file: string, expected: RegExp, options = {}): Promise<ProvenanceRecord> {
  const started = Date.now();
  const record = await readProvenance(file, options);
  expect(Date.now() - started).toBeLessThan(1500);
  expect(record.errors.join('\n')).toMatch(expected);
  return record;
}

describe('hostile and broken files', () => {
  const dir = tempDir();

  it('a truncated PNG', async () => {
    const png = await pngWith([tEXt('parameters', provenanceFixtureText('a1111-parameters.txt'))], { width: 64 });
    const record = await readHostile(writeTemp(dir, 'truncated.png', png.subarray(0, png.length - 40)), /truncated/);
    // What came before the cut is still read.
    expect(record.a1111?.seed).toBe(3620491582);
  });

  it('a PNG chunk claiming 2 GB', async () => {
    const huge = pngChunk('tEXt', Buffer.from('parameters\0Steps: 20'), 0x7fffffff);
    await readHostile(writeTemp(dir, 'huge-chunk.png', await pngWith([huge])), /claims 2\.0 GiB, but only .* follow: the file is truncated or corrupt/);
  });

  it('bad UTF-8 in a text chunk', async () => {
    const bad = Buffer.concat([Buffer.from('a red fox '), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('\nSteps: 20, Sampler: Euler, Seed: 9, Size: 64x64')]);
    const record = await readHostile(writeTemp(dir, 'bad-utf8.png', await pngWith([iTXt('parameters', bad)])), /not valid UTF-8/);
    expect(record.a1111?.prompt).toMatch(/^a red fox .*\uFFFD/);
    expect(record.a1111?.seed).toBe(9);
  });

  it('Latin-1 bytes in a tEXt chunk (allowed by the PNG spec) are read without complaint', async () => {
    const latin1 = Buffer.from('caf\xe9 terrace at night\nSteps: 20, Sampler: Euler, Seed: 3, Size: 64x64', 'latin1');
    const record = await readProvenance(writeTemp(dir, 'latin1.png', await pngWith([tEXt('parameters', latin1)])));
    expect(record.errors).toEqual([]);
    expect(record.a1111?.prompt).toBe('café terrace at night');
  });

  it('100,000 levels of nested JSON in a ComfyUI prompt chunk', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const record = await readHostile(writeTemp(dir, 'deep.png', await pngWith([tEXt('prompt', deep)])), /nested more than 64 levels deep/);
    expect(record.comfy).toBeNull();
  });

  it('a compressed text chunk that expands beyond the cap (zip bomb)', async () => {
    const bomb = zTXt('workflow', deflateSync(Buffer.alloc(12 * 1024 * 1024, 0x20)));
    await readHostile(writeTemp(dir, 'bomb.png', await pngWith([bomb])), /expands to more than 8\.0 MiB/);
  });

  it('a zero-byte file', async () => {
    await readHostile(writeTemp(dir, 'empty.png', Buffer.alloc(0)), /The file is empty \(0 bytes\)/);
  });

  it('random bytes named .jpg', async () => {
    const record = await readHostile(writeTemp(dir, 'noise.jpg', Buffer.concat([Buffer.from([0x13, 0x37]), randomBytes(4096)])), /named \.jpg but its content is not JPEG/);
    expect(record.summary).toEqual({ toolHints: [], aiGenerated: null });
  });

  it('a JPEG segment running past the end of the file', async () => {
    const jpeg = await plainJpeg();
    const cut = Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xe1, 0xff, 0xf0]), Buffer.from('Exif\0\0')]);
    await readHostile(writeTemp(dir, 'cut.jpg', cut), /runs past the end of the file/);
  });

  it('an MP4 box claiming more bytes than the file has', async () => {
    const head = mp4Head(null);
    const lying = Buffer.concat([head, Buffer.from([0x7f, 0xff, 0xff, 0xff]), Buffer.from('mdat'), Buffer.alloc(64)]);
    await readHostile(writeTemp(dir, 'lying.mp4', lying), /box 'mdat' .* claims .* the file is truncated or corrupt/);
  });

  it('a directory and a missing file', async () => {
    const folder = path.join(dir, 'folder.png');
    mkdirSync(folder);
    await readHostile(folder, /could not be read: it is not a regular file/);
    await readHostile(path.join(dir, 'missing.png'), /could not be read: it does not exist/);
  });

  it('rejects options that make no sense, naming the option', async () => {
    const file = writeTemp(dir, 'any.png', await pngWith([]));
    await expect(readProvenance(file, { timeoutMs: -5 })).rejects.toThrow('readProvenance: timeoutMs must be a positive number, got -5');
    await expect(readProvenance(file, { maxBytes: Number.NaN })).rejects.toThrow('readProvenance: maxBytes must be a positive number, got NaN');
  });

  it('XMP crafted to make the XMP parser crawl is stopped at the timeout, and the next file reads normally', async () => {
    const crawl = `<x:xmpmeta xmlns:x="adobe:ns:meta/">${'<a:b>'.repeat(200_000)}</x:xmpmeta>`;
    const slow = writeTemp(dir, 'crawl.png', await pngWith([iTXt('XML:com.adobe.xmp', crawl)]));
    await readHostile(slow, /EXIF\/XMP metadata could not be read: it took longer than 300 ms and was stopped/, { timeoutMs: 300 });
    const xmp = xmpPacket({ 'Iptc4xmpExt:DigitalSourceType': `${DST}trainedAlgorithmicMedia` });
    const jpeg = jpegWithSegments(await plainJpeg(), [segment(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0${xmp}`, 'utf8'))]);
    const record = await readProvenance(writeTemp(dir, 'after.jpg', jpeg));
    expect(record.errors).toEqual([]);
    expect(record.summary.aiGenerated).toBe(true);
  });
});
