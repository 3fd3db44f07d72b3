import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSummaryPdf } from '../../main/packet/pdf';
import { buildFixtureManifest, fixtureAssets } from './fixture-manifest';
import { resultsDir, run } from './helpers';

function pageText(pdfFile: string, first: number, last = first): string {
  const r = run('pdftotext', ['-layout', '-f', String(first), '-l', String(last), pdfFile, '-']);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

function pageCount(pdfFile: string): number {
  const r = run('pdfinfo', [pdfFile]);
  expect(r.status, r.stderr).toBe(0);
  return Number(/Pages:\s+(\d+)/.exec(r.stdout)?.[1]);
}

/** The text of every page, from one pdftotext run (pages end with a form feed). */
function pageTexts(pdfFile: string): string[] {
  const r = run('pdftotext', ['-layout', pdfFile, '-']);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split('\f').slice(0, -1);
}

describe('summary.pdf', () => {
  it('renders a cover naming the production with the blocked item before the rest, and page 1 as a PNG', async () => {
    const pdf = await renderSummaryPdf(buildFixtureManifest());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = resultsDir();
    const pdfFile = path.join(dir, 'summary.pdf');
    writeFileSync(pdfFile, pdf);

    const prefix = path.join(dir, 'summary-page');
    const r = run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfFile, prefix]);
    expect(r.status, r.stderr).toBe(0);
    const png = `${prefix}-1.png`;
    expect(statSync(png).size).toBeGreaterThan(15_000);

    const cover = pageText(pdfFile, 1);
    expect(cover).toContain('Harbour Lights');
    expect(cover).toContain('Northlight Visual Effects');
    const blocked = cover.indexOf('HL_102_newsdesk_anchor_replica_v001.mov');
    const waiting = cover.indexOf('HL_103_cityhall_campaign_poster_v002.png');
    expect(blocked).toBeGreaterThan(-1);
    expect(waiting).toBeGreaterThan(blocked);
    // Cleared and disclosure-only items are not in the attention lists on the cover.
    expect(cover).not.toContain('HL_moodboard_harbour_night_012.jpg');
  });

  it('covers assets, findings, tools, approvals, consents and the key fingerprint, with page numbers', async () => {
    const manifest = buildFixtureManifest();
    const pdfFile = path.join(resultsDir(), 'summary-full.pdf');
    writeFileSync(pdfFile, await renderSummaryPdf(manifest));
    const pages = pageCount(pdfFile);
    const all = pageText(pdfFile, 1, pages);
    for (const text of ['HL_moodboard_harbour_night_012.jpg', 'W-TALENT-REPLICA', 'A digital replica of a real performer',
      'RX Dialogue Isolate', 'APR-2025-014', 'Maya Ortiz', 'sha256sum -c SHA256SUMS', `Page ${pages} of ${pages}`]) {
      expect(all).toContain(text);
    }
    expect(all.replace(/\s+/g, ' ')).toContain(manifest.signingKeyFingerprint);
  });

  it('paginates a long assets table, repeating its header, and wraps long text', async () => {
    const base = fixtureAssets();
    const assets = Array.from({ length: 60 }, (_, i) => {
      const a = base[i % base.length]!;
      return { ...a, id: `A-${1000 + i}`, fileName: `${'very_long_unbroken_file_name_'.repeat(4)}${i}.exr`, approvals: [...a.approvals] };
    });
    const manifest = buildFixtureManifest({ assets });
    const pdfFile = path.join(resultsDir(), 'summary-long.pdf');
    writeFileSync(pdfFile, await renderSummaryPdf(manifest));
    const texts = pageTexts(pdfFile);
    const pages = texts.length;
    expect(pages).toBe(pageCount(pdfFile));
    expect(pages).toBeGreaterThan(6);
    // The assets table runs over several consecutive pages, each starting with the header row.
    const withHeader = texts.map((text, i) => (/EPISODE\/\s+FILE\s+OUTCOME\s+ON\s+TOOLS/.test(text) ? i : -1)).filter((i) => i >= 0);
    expect(withHeader.length).toBeGreaterThanOrEqual(3);
    expect(withHeader.at(-1)! - withHeader[0]!).toBe(withHeader.length - 1);
    const text = texts.join('\n');
    expect(text).toContain(`Page ${pages} of ${pages}`);
    // Nothing runs into the right margin: every word ends left of x = page width - 50.
    const bbox = run('pdftotext', ['-bbox', pdfFile, '-']);
    const rights = [...bbox.stdout.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(rights.length).toBeGreaterThan(1000);
    expect(Math.max(...rights)).toBeLessThanOrEqual(595.28 - 50 + 0.5);
    expect(text).not.toContain('very_long_unbroken_file_name_very_long_unbroken_file_name_very_long_unbroken_file_name_very_long_unbroken_file_name_12.exr');
  });

  it('gives the same bytes for the same manifest', async () => {
    const a = await renderSummaryPdf(buildFixtureManifest());
    const b = await renderSummaryPdf(buildFixtureManifest());
    expect(a.equals(b)).toBe(true);
  });
});
