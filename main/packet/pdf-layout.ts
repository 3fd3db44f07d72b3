import type {} from 'pdfkit';
import { winAnsi } from './pdf-text';
import { COLOR, FONT } from './pdf-theme';
import type { Tone } from './pdf-theme';

export type Doc = PDFKit.PDFDocument;

export const left = (doc: Doc) => doc.page.margins.left;
export const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
export const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` points still fit below the cursor; true when it did. */
export function ensureSpace(doc: Doc, height: number): boolean {
  if (doc.y + height <= bottom(doc)) return false;
  doc.addPage();
  return true;
}

export function sectionTitle(doc: Doc, title: string, intro?: string): void {
  // Keep a heading with its intro and the first rows of what follows.
  ensureSpace(doc, 130);
  doc.moveDown(0.6);
  doc.font(FONT.bold).fontSize(14).fillColor(COLOR.ink).text(winAnsi(title), left(doc), doc.y, { width: contentWidth(doc) });
  const y = doc.y + 3;
  doc.moveTo(left(doc), y).lineTo(left(doc) + contentWidth(doc), y).lineWidth(0.75).strokeColor(COLOR.rule).stroke();
  doc.y = y + 8;
  if (intro) paragraph(doc, intro, { color: COLOR.muted, size: 9 });
}

export function paragraph(doc: Doc, text: string, opts: { color?: string; size?: number; font?: string; gap?: number } = {}): void {
  doc.font(opts.font ?? FONT.regular).fontSize(opts.size ?? 9.5).fillColor(opts.color ?? COLOR.body);
  doc.text(winAnsi(text), left(doc), doc.y, { width: contentWidth(doc), lineGap: 1.5 });
  doc.y += opts.gap ?? 6;
}

export const PILL_HEIGHT = 12;

/** Width of the label drawn by pill() at the given size. */
export function pillWidth(doc: Doc, tone: Tone, size = 6.5): number {
  return doc.font(FONT.bold).fontSize(size).widthOfString(tone.label.toUpperCase(), { characterSpacing: 0.3 }) + 10;
}

/** A small coloured label such as "BLOCKED", shrunk to fit `maxWidth`; returns its width. */
export function pill(doc: Doc, x: number, y: number, tone: Tone, maxWidth = Infinity): number {
  const label = tone.label.toUpperCase();
  let size = 6.5;
  while (size > 4.5 && pillWidth(doc, tone, size) > maxWidth) size -= 0.25;
  doc.font(FONT.bold).fontSize(size);
  const width = pillWidth(doc, tone, size);
  doc.roundedRect(x, y, width, PILL_HEIGHT, 3).fillColor(tone.fill).fill();
  doc.roundedRect(x, y, width, PILL_HEIGHT, 3).lineWidth(0.5).strokeColor(tone.ink).stroke();
  doc.fillColor(tone.ink).text(label, x + 5, y + (PILL_HEIGHT - size) / 2 + 0.5, { lineBreak: false, characterSpacing: 0.3 });
  return width;
}

/** Label / value pairs in two columns, as on a form. */
export function keyFacts(doc: Doc, pairs: Array<[string, string]>): void {
  const colWidth = contentWidth(doc) / 2;
  const labelWidth = 78;
  for (let i = 0; i < pairs.length; i += 2) {
    const row = pairs.slice(i, i + 2);
    doc.fontSize(9);
    const heights = row.map(([, value]) => doc.font(FONT.regular).heightOfString(winAnsi(value), { width: colWidth - labelWidth - 12 }));
    const height = Math.max(...heights);
    ensureSpace(doc, height + 6);
    const y = doc.y;
    row.forEach(([label, value], j) => {
      const x = left(doc) + j * colWidth;
      doc.font(FONT.bold).fontSize(7.5).fillColor(COLOR.muted).text(label.toUpperCase(), x, y + 1.5, { width: labelWidth, characterSpacing: 0.4 });
      doc.font(FONT.regular).fontSize(9).fillColor(COLOR.ink).text(winAnsi(value), x + labelWidth, y, { width: colWidth - labelWidth - 12 });
    });
    doc.y = y + height + 6;
  }
}
