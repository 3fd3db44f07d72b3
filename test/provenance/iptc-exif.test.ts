import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { closeParserThread, readProvenance } from '../../main/provenance';
import { mdat, mp4Head } from './helpers/c2pa';
import { exifTiff } from './helpers/exif-tiff';
import { DST, IPTC_EXT, xmpPacket } from './helpers/jpeg';
import { tempDir, writeTemp } from './helpers/paths';
import { iTXt, pngChunk, pngWith, tEXt } from './helpers/png';

afterAll(closeParserThread);

function jpeg(xmp: string, exif: Record<string, Record<string, string>>): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: '#aa2200' } }).jpeg().withXmp(xmp).withExif(exif).toBuffer();
}

describe('IPTC digital source type and the IPTC 2025.1 AI fields', () => {
  it('reads an AI-tagged JPEG written by sharp (XMP + EXIF)', async () => {
    const xmp = xmpPacket({
      'Iptc4xmpExt:DigitalSourceType': `${DST}trainedAlgorithmicMedia`,
      'Iptc4xmpExt:AISystemUsed': 'Adobe Firefly',
      'Iptc4xmpExt:AISystemVersionUsed': 'Image 3',
      'Iptc4xmpExt:AIPromptInformation': 'storm clouds over a harbour & a red lighthouse <wide>',
      'Iptc4xmpExt:AIPromptWriterName': 'Dana Okafor',
      'xmp:CreatorTool': 'Adobe Photoshop 26.0 (Windows)',
    });
    const bytes = await jpeg(xmp, { IFD0: { Software: 'Adobe Photoshop 26.0', Make: 'Render', Model: 'Node 7' }, IFD2: { DateTimeOriginal: '2025:03:14 15:09:26', OffsetTimeOriginal: '+01:00' } });
    const record = await readProvenance(writeTemp(tempDir(), 'firefly.jpg', bytes));
    expect(record.errors).toEqual([]);
    expect(record.iptc).toEqual({
      digitalSourceType: { uri: `${DST}trainedAlgorithmicMedia`, term: 'trainedAlgorithmicMedia' },
      aiSystemUsed: 'Adobe Firefly',
      aiSystemVersionUsed: 'Image 3',
      aiPromptInformation: 'storm clouds over a harbour & a red lighthouse <wide>',
      aiPromptWriterName: 'Dana Okafor',
      creatorTool: 'Adobe Photoshop 26.0 (Windows)',
    });
    expect(record.exif).toMatchObject({ software: 'Adobe Photoshop 26.0', make: 'Render', model: 'Node 7', dateTimeOriginal: '2025-03-14T15:09:26+01:00' });
    expect(record.summary).toMatchObject({
      aiGenerated: true,
      digitalSourceType: 'trainedAlgorithmicMedia',
      prompt: 'storm clouds over a harbour & a red lighthouse <wide>',
      createdAt: '2025-03-14T15:09:26+01:00',
      // The version names the release: "Adobe Firefly Image 3", not any Firefly.
      toolHints: ['Adobe Firefly Image 3', 'Adobe Photoshop 26.0 (Windows)', 'Adobe Photoshop 26.0'],
    });
  });

  it('reads a camera JPEG tagged digitalCapture as "not AI"', async () => {
    const xmp = xmpPacket({ 'Iptc4xmpExt:DigitalSourceType': `${DST}digitalCapture` });
    const bytes = await jpeg(xmp, { IFD0: { Make: 'ARRI', Model: 'ALEXA 35' }, IFD2: { DateTimeOriginal: '2024:11:02 06:45:00' } });
    const record = await readProvenance(writeTemp(tempDir(), 'plate.jpg', bytes));
    expect(record.iptc?.digitalSourceType?.term).toBe('digitalCapture');
    expect(record.exif).toMatchObject({ make: 'ARRI', model: 'ALEXA 35', dateTimeOriginal: '2024-11-02T06:45:00' });
    expect(record.summary.aiGenerated).toBe(false);
  });

  it('gives the full IPTC URI of a source type written as its short term alone, and keeps an unknown term as written', async () => {
    const short = await readProvenance(writeTemp(tempDir(), 'short.jpg', await jpeg(xmpPacket({ 'Iptc4xmpExt:DigitalSourceType': 'trainedAlgorithmicMedia' }), {})));
    expect(short.iptc?.digitalSourceType).toEqual({ uri: `${DST}trainedAlgorithmicMedia`, term: 'trainedAlgorithmicMedia' });
    expect(short.summary.aiGenerated).toBe(true);
    const art = await readProvenance(writeTemp(tempDir(), 'art.jpg', await jpeg(xmpPacket({ 'Iptc4xmpExt:DigitalSourceType': 'digitalArt' }), {})));
    expect(art.iptc?.digitalSourceType).toEqual({ uri: `${DST}digitalArt`, term: 'digitalArt' });
    const odd = await readProvenance(writeTemp(tempDir(), 'odd.jpg', await jpeg(xmpPacket({ 'Iptc4xmpExt:DigitalSourceType': 'homeMadeTerm' }), {})));
    expect(odd.iptc?.digitalSourceType).toEqual({ uri: 'homeMadeTerm', term: 'homeMadeTerm' });
  });

  it('reads XMP written as attributes, resources and language alternatives, with any namespace prefix', async () => {
    const xmp =
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
      `<rdf:Description rdf:about="" xmlns:ext="${IPTC_EXT}" ext:AISystemUsed="Midjourney" ext:AISystemVersionUsed="6.1">` +
      `<ext:DigitalSourceType rdf:resource="${DST}compositeWithTrainedAlgorithmicMedia"/>` +
      '<ext:AIPromptInformation><rdf:Alt><rdf:li xml:lang="x-default">fox &amp; hound</rdf:li><rdf:li xml:lang="fr">renard</rdf:li></rdf:Alt></ext:AIPromptInformation>' +
      '</rdf:Description></rdf:RDF></x:xmpmeta>';
    const png = await pngWith([iTXt('XML:com.adobe.xmp', xmp)]);
    const record = await readProvenance(writeTemp(tempDir(), 'xmp.png', png));
    expect(record.errors).toEqual([]);
    expect(record.iptc).toMatchObject({
      digitalSourceType: { term: 'compositeWithTrainedAlgorithmicMedia' },
      aiSystemUsed: 'Midjourney',
      aiSystemVersionUsed: '6.1',
      aiPromptInformation: 'fox & hound',
    });
    expect(record.summary.aiGenerated).toBe(true);
  });

  it('keeps AI fields that look like numbers as the text they are: version "2.10" is not "2.1", "7.0" is not "7"', async () => {
    const dir = tempDir();
    const asElements = xmpPacket({ 'Iptc4xmpExt:AISystemUsed': '1.5', 'Iptc4xmpExt:AISystemVersionUsed': '7.0', 'Iptc4xmpExt:AIPromptInformation': '0042', 'Iptc4xmpExt:AIPromptWriterName': '1e3' });
    const elements = await readProvenance(writeTemp(dir, 'elements.jpg', await jpeg(asElements, {})));
    expect(elements.iptc).toMatchObject({ aiSystemUsed: '1.5', aiSystemVersionUsed: '7.0', aiPromptInformation: '0042', aiPromptWriterName: '1e3' });
    const asAttributes =
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
      `<rdf:Description rdf:about="" xmlns:ext="${IPTC_EXT}" ext:AISystemUsed="Stable Diffusion" ext:AISystemVersionUsed='2.10' ext:AIPromptWriterName="">` +
      '</rdf:Description></rdf:RDF></x:xmpmeta>';
    const attributes = await readProvenance(writeTemp(dir, 'attributes.png', await pngWith([iTXt('XML:com.adobe.xmp', asAttributes)])));
    expect(attributes.errors).toEqual([]);
    expect(attributes.iptc).toMatchObject({ aiSystemUsed: 'Stable Diffusion', aiSystemVersionUsed: '2.10', aiPromptWriterName: null });
    // A TIFF's XMP, which the metadata library reads from the file itself, the same.
    const tiff = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#aa2200' } }).tiff().withXmp(asElements).toBuffer();
    const fromTiff = await readProvenance(writeTemp(dir, 'elements.tif', tiff));
    expect(fromTiff.errors).toEqual([]);
    expect(fromTiff.iptc).toMatchObject({ aiSystemUsed: '1.5', aiSystemVersionUsed: '7.0', aiPromptInformation: '0042', aiPromptWriterName: '1e3' });
  });

  it('reads EXIF from a PNG eXIf chunk and XMP from an MP4 uuid box', async () => {
    const png = await pngWith([pngChunk('eXIf', exifTiff({ software: 'Blender 4.2', dateTimeOriginal: '2025:01:02 03:04:05' }))]);
    const pngRecord = await readProvenance(writeTemp(tempDir(), 'exif.png', png));
    expect(pngRecord.exif).toMatchObject({ software: 'Blender 4.2', dateTimeOriginal: '2025-01-02T03:04:05' });
    const xmp = xmpPacket({ 'Iptc4xmpExt:DigitalSourceType': `${DST}trainedAlgorithmicMedia`, 'Iptc4xmpExt:AISystemUsed': 'Runway Gen-4' });
    const mp4 = Buffer.concat([mp4Head(null, xmp), mdat(Buffer.alloc(4096))]);
    const mp4Record = await readProvenance(writeTemp(tempDir(), 'clip.mov', mp4));
    expect(mp4Record.errors).toEqual([]);
    expect(mp4Record.iptc).toMatchObject({ aiSystemUsed: 'Runway Gen-4', digitalSourceType: { term: 'trainedAlgorithmicMedia' } });
  });

  it('reads a TIFF, whose metadata exifr follows through the file itself', async () => {
    const xmp = xmpPacket({ 'Iptc4xmpExt:DigitalSourceType': `${DST}compositeWithTrainedAlgorithmicMedia`, 'Iptc4xmpExt:AISystemUsed': 'Photoshop Generative Fill' });
    // libvips writes XMP into TIFF (tag 700) but not an EXIF block.
    const tiff = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } }).tiff().withXmp(xmp).toBuffer();
    const record = await readProvenance(writeTemp(tempDir(), 'comp.tif', tiff));
    expect(record.errors).toEqual([]);
    expect(record.iptc).toMatchObject({ aiSystemUsed: 'Photoshop Generative Fill', digitalSourceType: { term: 'compositeWithTrainedAlgorithmicMedia' } });
  });

  it('names a BigTIFF as one, whose metadata it cannot read, not as a corrupt or mislabelled file', async () => {
    const header = Buffer.alloc(32);
    header.write('II', 0, 'latin1');
    header.writeUInt16LE(43, 2); // BigTIFF's version; classic TIFF is 42
    header.writeUInt16LE(8, 4);
    header.writeBigUInt64LE(16n, 8);
    for (const name of ['huge.tif', 'huge.bin']) {
      const record = await readProvenance(writeTemp(tempDir(), name, header));
      expect(record.errors).toEqual(['The file is a BigTIFF (the TIFF variant for very large images); GenLog cannot read its EXIF or XMP metadata']);
    }
  });

  it('reads the PNG Software text chunk as the writing software', async () => {
    const record = await readProvenance(writeTemp(tempDir(), 'nai.png', await pngWith([tEXt('Software', 'NovelAI')])));
    expect(record.exif?.software).toBe('NovelAI');
    expect(record.summary.toolHints).toEqual(['NovelAI']);
  });
});
