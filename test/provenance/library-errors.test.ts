import { afterAll, describe, expect, it } from 'vitest';
import { closeParserThread, readProvenance } from '../../main/provenance';
import { describeReaderError } from '../../main/provenance/c2pa/reader-errors';
import { validationOf } from '../../main/provenance/c2pa/validation';
import { oneLine } from '../../main/provenance/library-error';
import { tempDir, writeTemp } from './helpers/paths';
import { pngChunk, pngWith } from './helpers/png';

afterAll(closeParserThread);

const dir = tempDir();

/** One line, no control characters: the CLI prints one line per asset. */
function expectOneLine(errors: string[]): void {
  for (const error of errors) expect(error).not.toMatch(/\p{Cc}/u);
}

describe("a library's error about the file", () => {
  it("says in plain words which metadata exifr could not read, on one line, exifr's words in parentheses", async () => {
    const png = await pngWith([pngChunk('eXIf', Buffer.from('4d4d002afffffff0', 'hex'))]);
    const record = await readProvenance(writeTemp(dir, 'exif-offset.png', png));
    expect(record.errors).toEqual([
      "The file's EXIF metadata is partly unreadable: its structure is damaged " +
        '(IFD0 offset points to outside of file. this.ifd0Offset: 4294967280, file.byteLength: 8)',
    ]);
  });

  it('names the EXIF of a TIFF whose tag claims an impossible length', async () => {
    const tiff = Buffer.alloc(64);
    tiff.write('II*\0', 0, 'latin1');
    tiff.writeUInt32LE(8, 4);
    tiff.writeUInt16LE(1, 8);
    tiff.writeUInt16LE(700, 10); // the XMP tag
    tiff.writeUInt16LE(1, 12);
    tiff.writeUInt32LE(0x7ffffff0, 14);
    tiff.writeUInt32LE(32, 18);
    const record = await readProvenance(writeTemp(dir, 'xmp-count.tif', tiff));
    expect(record.errors).toEqual(["The file's EXIF metadata is partly unreadable: its structure is damaged (Invalid typed array length: 2147483632)"]);
  });

  it("says what the C2PA reader's error names mean, keeping the name", async () => {
    const vp8l = Buffer.concat([Buffer.from('VP8L'), Buffer.from([5, 0, 0, 0, 0x2f, 0, 0, 0, 0, 0])]);
    const junk = Buffer.concat([Buffer.from('C2PA'), Buffer.from([16, 0, 0, 0, 0, 0, 0, 16]), Buffer.from('jumb'), Buffer.alloc(8)]);
    const webp = Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBP'), vp8l, junk]);
    webp.writeUInt32LE(webp.length - 8, 4);
    const record = await readProvenance(writeTemp(dir, 'c2pa-junk.webp', webp));
    expect(record.errors).toEqual(['The C2PA manifest could not be read: its box structure (JUMBF) is damaged (JumbfParseError(ExpectedJumdError))']);
  });

  it('maps the common c2pa-rs error names to plain words', () => {
    expect(describeReaderError('C2pa(TooManyManifestStores)')).toBe(
      'the file holds more than one C2PA manifest store, which the standard does not allow (TooManyManifestStores)',
    );
    expect(describeReaderError('InvalidClaim(ClaimSuperboxNotFound)')).toBe(
      'its claim (the signed statement of how the file was made) is damaged or incomplete (InvalidClaim(ClaimSuperboxNotFound))',
    );
    expect(describeReaderError('ClaimDecoding("claim_cbor: Invalid UTF-8")')).toMatch(/^its claim .* could not be decoded: its structure is damaged \(ClaimDecoding/);
    expect(describeReaderError('CoseInvalidCert')).toBe('its signing certificate is missing or damaged (CoseInvalidCert)');
    expect(describeReaderError('CoseTimeStampGeneration')).toBe('its time stamp is damaged (CoseTimeStampGeneration)');
    expect(describeReaderError('AssertionMissing { url: "c2pa.hash.data" }')).toMatch(/^a statement its claim lists is missing/);
    expect(describeReaderError('JumbfBoxNotFound')).toMatch(/^a box it needs is missing/);
    expect(describeReaderError('InvalidAsset("Could not parse input JPEG")')).toMatch(/^the file's own structure around the manifest is damaged/);
    expect(describeReaderError('SomethingNew(42)')).toBe('its structure is damaged, or in a form the C2PA reader does not understand (SomethingNew(42))');
  });

  it('puts a multi-line, control-laden or huge library message on one short printable line', () => {
    expect(oneLine('IFD0 offset points to outside of file.\nthis.ifd0Offset: 1,\r\n\t file.byteLength: 8')).toBe(
      'IFD0 offset points to outside of file. this.ifd0Offset: 1, file.byteLength: 8',
    );
    expect(oneLine('label \u001b[2J\u0000 here')).toBe('label \\x1b[2J\\x00 here');
    const long = oneLine('x'.repeat(10_000));
    expect(long.length).toBeLessThan(400);
    expectOneLine([long, describeReaderError('JumbfParseError(\n\u001b)')]);
  });

  it('escapes control characters the C2PA reader quotes from the manifest in validation problems', () => {
    const store = {
      validation_status: [
        { code: 'signingCredential.untrusted' },
        { code: 'assertion.hashedURI.mismatch', explanation: 'hash does not match: self#jumbf=c2pa.assertions/\u001b[2J\nforged line' },
      ],
    };
    const { problems } = validationOf(store, 'Signer \u001b]0;title\u0007', false);
    expect(problems).toEqual([
      'The signer "Signer \\x1b]0;title\\x07" is not on any trust list GenLog has, so who signed cannot be confirmed',
      'hash does not match: self#jumbf=c2pa.assertions/\\x1b[2J\\x0aforged line (assertion.hashedURI.mismatch)',
    ]);
    expectOneLine(problems);
  });
});
