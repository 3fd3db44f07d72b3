import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { closeParserThread, readProvenance } from '../../main/provenance';
import { parseA1111, parseSettingsLine } from '../../main/provenance/sd/a1111';
import { webpWith } from './helpers/c2pa';
import { exifTiff, unicodeUserComment } from './helpers/exif-tiff';
import { exifSegment, jpegWithSegments, plainJpeg } from './helpers/jpeg';
import { provenanceFixtureText, tempDir, writeTemp } from './helpers/paths';
import { iTXt, pngWith, tEXt } from './helpers/png';

afterAll(closeParserThread);

const PARAMETERS = provenanceFixtureText('a1111-parameters.txt');

const EXPECTED = {
  prompt: 'masterpiece, best quality, (cyberpunk city street:1.2), neon lights, rain,\nwide shot, <lora:add_detail:0.6>',
  negativePrompt: 'lowres, bad anatomy, (worst quality:1.4),\nwatermark, signature',
  steps: 28,
  sampler: 'DPM++ 2M Karras',
  cfgScale: 6.5,
  seed: 3620491582,
  size: '768x512',
  model: 'realisticVisionV51_v51VAE',
  modelHash: '6ce0161689',
};

describe('parseA1111', () => {
  it('splits prompt, negative prompt and settings', () => {
    const record = parseA1111(PARAMETERS);
    expect(record).toMatchObject(EXPECTED);
    expect(record?.params['Lora hashes']).toBe('add_detail: 7c6bad76eb54, film: 1a2b3c4d5e6f');
    expect(record?.params.Version).toBe('v1.7.0');
    expect(record?.raw).toBe(PARAMETERS);
  });

  it('reads a prompt with no negative prompt', () => {
    const record = parseA1111('a castle\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 512x512');
    expect(record).toMatchObject({ prompt: 'a castle', negativePrompt: null, steps: 20, sampler: 'Euler a', size: '512x512', model: null });
  });

  it('does not mistake ordinary comments for WebUI settings', () => {
    expect(parseA1111('Shot on a rainy day, graded in Resolve')).toBeNull();
    expect(parseA1111('Shot on a rainy day\nCamera: ALEXA, Lens: 35mm')).toBeNull();
  });

  it('reads a short settings line when WebUI\'s own Steps is among its two pairs', () => {
    expect(parseA1111('whale\nSteps: 20, Seed: 5')).toMatchObject({ prompt: 'whale', steps: 20, seed: 5, negativePrompt: null });
  });

  it('scans a very long settings line in linear time', () => {
    const hostile = `${'a'.repeat(200_000)}: ${'b,'.repeat(100_000)}`;
    const started = Date.now();
    parseSettingsLine(hostile);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('WebUI settings in files', () => {
  it('reads the PNG "parameters" text chunk', async () => {
    const file = writeTemp(tempDir(), 'webui.png', await pngWith([tEXt('parameters', PARAMETERS)]));
    const record = await readProvenance(file);
    expect(record.errors).toEqual([]);
    expect(record.a1111).toMatchObject(EXPECTED);
    expect(record.summary).toMatchObject({
      prompt: EXPECTED.prompt,
      negativePrompt: EXPECTED.negativePrompt,
      model: EXPECTED.model,
      aiGenerated: true,
      toolHints: ['Stable Diffusion WebUI'],
    });
  });

  it('says what a PNG "parameters" text not in WebUI\'s form reads, instead of dropping it; an ordinary EXIF comment is not flagged', async () => {
    const plain = await readProvenance(writeTemp(tempDir(), 'plain.png', await pngWith([tEXt('parameters', 'a whale\nin the sky')])));
    expect(plain.a1111).toBeNull();
    expect(plain.errors).toEqual([`The PNG's 'parameters' text is not in Stable Diffusion WebUI's form (prompt, then a settings line with Steps), so no prompt or settings were taken from it; it reads: "a whale in the sky"`]);
    const empty = await readProvenance(writeTemp(tempDir(), 'empty.png', await pngWith([tEXt('parameters', '')])));
    expect(empty.errors).toEqual(["The PNG's 'parameters' text is empty: it gives no prompt or settings"]);
    const long = await readProvenance(writeTemp(tempDir(), 'long.png', await pngWith([tEXt('parameters', 'x'.repeat(5000))])));
    expect(long.errors[0]).toMatch(/it reads: "x{120}…"$/);
    const camera = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).jpeg().withExif({ IFD2: { UserComment: 'Shot on a rainy day' } }).toBuffer();
    expect((await readProvenance(writeTemp(tempDir(), 'camera.jpg', camera))).errors).toEqual([]);
  });

  it('reads UTF-8 prompts from an iTXt "parameters" chunk', async () => {
    const text = '桜の木の下の猫, 映画のような\nSteps: 20, Sampler: Euler, CFG scale: 7, Seed: 42, Size: 512x512';
    const file = writeTemp(tempDir(), 'itxt.png', await pngWith([iTXt('parameters', text, true)]));
    const record = await readProvenance(file);
    expect(record.a1111?.prompt).toBe('桜の木の下の猫, 映画のような');
    expect(record.a1111?.seed).toBe(42);
  });

  it('reads EXIF UserComment written as UNICODE UTF-16, in both byte orders', async () => {
    const dir = tempDir();
    for (const bigEndian of [true, false]) {
      const tiff = exifTiff({ userComment: unicodeUserComment(PARAMETERS, bigEndian), software: 'Stable Diffusion WebUI' }, !bigEndian);
      const file = writeTemp(dir, `webui-${bigEndian ? 'mm' : 'ii'}.jpg`, jpegWithSegments(await plainJpeg(), [exifSegment(tiff)]));
      const record = await readProvenance(file);
      expect(record.errors).toEqual([]);
      expect(record.exif?.userComment).toBe(PARAMETERS.trim());
      expect(record.a1111).toMatchObject(EXPECTED);
    }
  });

  it('reads a UNICODE UserComment of Japanese or Chinese text in its own byte order, whatever the TIFF\'s', async () => {
    // Ideographic spaces (U+3000) and 一 (U+4E00) read as "0" and "N" in the other byte order; the first 256
    // characters hold no ASCII at all, as a Japanese artist's prompt does before its settings line.
    const japanese = '夕暮れの京都の路地裏を歩く一人の少女　赤い和傘を差している　石畳は雨に濡れて提灯の光を反射している　'.repeat(8);
    const withSettings = `${japanese}\nNegative prompt: 低品質\nSteps: 25, Sampler: Euler a, CFG scale: 7, Seed: 5, Size: 512x768, Model: anime_v3`;
    const chinese = '一位穿着红色旗袍的女子站在上海外滩，夜景，霓虹灯，电影感，一二三 🎬';
    // Short ones, where byte-swapped CJK reads as CJK, kana or Hangul again: only how usual the characters are tells.
    const short = ['丰收的田野', '傍晚的街道', '一个女孩', '夕暮れ', '서울의 밤거리', 'café au lait', 'a'];
    const dir = tempDir();
    for (const [name, text] of [['settings', withSettings], ['japanese', japanese], ['chinese', chinese], ...short.map((t, i) => [`short${i}`, t])] as const) {
      for (const textBigEndian of [true, false]) {
        for (const tiffBigEndian of [true, false]) {
          const tiff = exifTiff({ userComment: unicodeUserComment(text, textBigEndian) }, !tiffBigEndian);
          const file = writeTemp(dir, `${name}-${textBigEndian}-${tiffBigEndian}.jpg`, jpegWithSegments(await plainJpeg(), [exifSegment(tiff)]));
          const record = await readProvenance(file);
          expect(record.exif?.userComment, `${name}: text ${textBigEndian ? 'BE' : 'LE'} in a ${tiffBigEndian ? 'BE' : 'LE'} TIFF`).toBe(text.trim());
        }
      }
    }
    const settings = await readProvenance(join(dir, 'settings-true-true.jpg'));
    expect(settings.a1111).toMatchObject({ prompt: japanese.trim(), negativePrompt: '低品質', seed: 5, model: 'anime_v3' });
  });

  it('reads an ASCII EXIF UserComment written by sharp', async () => {
    const bytes = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000000' } }).jpeg().withExif({ IFD2: { UserComment: PARAMETERS } }).toBuffer();
    const record = await readProvenance(writeTemp(tempDir(), 'ascii-comment.jpg', bytes));
    expect(record.errors).toEqual([]);
    expect(record.a1111).toMatchObject(EXPECTED);
  });

  it('reads EXIF UserComment from a WebP EXIF chunk', async () => {
    const tiff = exifTiff({ userComment: unicodeUserComment(PARAMETERS, true) });
    const file = writeTemp(tempDir(), 'webui.webp', await webpWith([{ fourcc: 'EXIF', data: tiff }]));
    const record = await readProvenance(file);
    expect(record.errors).toEqual([]);
    expect(record.a1111).toMatchObject(EXPECTED);
  });

  it('says so when a settings chunk fails its CRC (a damaged file), and still shows what it holds', async () => {
    const dir = tempDir();
    const good = tEXt('parameters', PARAMETERS);
    const damaged = Buffer.from(good);
    const at = damaged.indexOf('Steps: 28');
    damaged.write('Steps: 29', at, 'latin1'); // one flipped digit, the CRC left as it was
    const clean = await readProvenance(writeTemp(dir, 'clean.png', await pngWith([good])));
    expect(clean.errors).toEqual([]);
    const record = await readProvenance(writeTemp(dir, 'damaged.png', await pngWith([damaged])));
    expect(record.errors).toEqual(["PNG text chunk 'parameters' fails its checksum (CRC): the file is damaged, and what the chunk says may be wrong"]);
    expect(record.a1111).toMatchObject({ prompt: EXPECTED.prompt, steps: 29 });
  });

  it('says when a seed is too large to keep exactly as a number; the settings text keeps its digits', async () => {
    const text = 'a fox\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 18446744073709551615, Size: 512x512';
    const record = await readProvenance(writeTemp(tempDir(), 'big-seed.png', await pngWith([tEXt('parameters', text)])));
    expect(record.a1111?.params.Seed).toBe('18446744073709551615');
    expect(record.errors).toEqual([expect.stringMatching(/^The A1111 settings give seed 18446744073709551615, larger than GenLog can keep exactly/)]);
    const small = await readProvenance(writeTemp(tempDir(), 'seed.png', await pngWith([tEXt('parameters', text.replace('18446744073709551615', '1234'))])));
    expect(small.errors).toEqual([]);
  });

  it('names a huge seed briefly, and no message leaves the reader with an unprintable character', async () => {
    const text = `a fox\nSteps: 20, Sampler: Euler a, Seed: 1${'0'.repeat(300)}\u2028, Size: 512x512`;
    const record = await readProvenance(writeTemp(tempDir(), 'huge-seed.png', await pngWith([iTXt('parameters', text)])));
    expect(record.errors).toHaveLength(1);
    expect(record.errors[0]!.length).toBeLessThan(200);
    expect(record.errors[0]).not.toMatch(/\u2028/);
  });
});
