import { bottom, contentWidth, left, pill, PILL_HEIGHT } from './pdf-layout';
import type { Doc } from './pdf-layout';
import { clip, winAnsi } from './pdf-text';
import { COLOR, FONT } from './pdf-theme';
import type { Tone } from './pdf-theme';

export interface RichCell {
  text: string;
  /** A second, smaller muted line (e.g. an id under a file name). */
  sub?: string;
  bold?: boolean;
  mono?: boolean;
  color?: string;
  /** Shown as a coloured label instead of text. */
  pill?: Tone;
}
export type Cell = string | RichCell;

export interface Column {
  header: string;
  /** Share of the table width; the shares are normalised. */
  weight: number;
}

const PAD_X = 4;
const PAD_Y = 4;
const SIZE = 7.8;
const SUB_SIZE = 6.8;
// A single cell must never be taller than a page; manifest.json keeps the full text.
const MAX_CELL_CHARS = 420;

function rich(cell: Cell): RichCell {
  return typeof cell === 'string' ? { text: cell } : cell;
}

function fontOf(cell: RichCell): string {
  return cell.mono ? FONT.mono : cell.bold ? FONT.bold : FONT.regular;
}

function cellHeight(doc: Doc, cell: RichCell, width: number): number {
  if (cell.pill) return PILL_HEIGHT;
  const inner = width - 2 * PAD_X;
  let h = doc.font(fontOf(cell)).fontSize(SIZE).heightOfString(winAnsi(clip(cell.text || ' ', MAX_CELL_CHARS)), { width: inner, lineGap: 1 });
  if (cell.sub) h += 1.5 + doc.font(FONT.regular).fontSize(SUB_SIZE).heightOfString(winAnsi(clip(cell.sub, MAX_CELL_CHARS)), { width: inner });
  return h;
}

function drawCell(doc: Doc, cell: RichCell, x: number, y: number, width: number): void {
  const inner = width - 2 * PAD_X;
  if (cell.pill) {
    pill(doc, x + PAD_X, y, cell.pill, inner);
    return;
  }
  doc.font(fontOf(cell)).fontSize(SIZE).fillColor(cell.color ?? COLOR.ink);
  doc.text(winAnsi(clip(cell.text, MAX_CELL_CHARS)), x + PAD_X, y, { width: inner, lineGap: 1 });
  if (cell.sub) {
    doc.font(FONT.regular).fontSize(SUB_SIZE).fillColor(COLOR.muted);
    doc.text(winAnsi(clip(cell.sub, MAX_CELL_CHARS)), x + PAD_X, doc.y + 1.5, { width: inner });
  }
}

/**
 * A table that flows over as many pages as it needs, repeating its header row on each page.
 * Rows never split; long text wraps inside its column.
 */
export function table(doc: Doc, columns: Column[], rows: Cell[][]): void {
  const x0 = left(doc);
  const total = columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = columns.map((c) => (c.weight / total) * contentWidth(doc));
  const xs = widths.map((_, i) => x0 + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const tableWidth = contentWidth(doc);

  const header = (): void => {
    doc.font(FONT.bold).fontSize(6.8);
    const h = Math.max(...columns.map((c, i) => doc.heightOfString(c.header.toUpperCase(), { width: (widths[i] ?? 0) - 2 * PAD_X }))) + 2 * PAD_Y;
    const y = doc.y;
    doc.rect(x0, y, tableWidth, h).fillColor(COLOR.faint).fill();
    columns.forEach((c, i) => {
      doc.font(FONT.bold).fontSize(6.8).fillColor(COLOR.muted)
        .text(c.header.toUpperCase(), (xs[i] ?? 0) + PAD_X, y + PAD_Y, { width: (widths[i] ?? 0) - 2 * PAD_X, characterSpacing: 0.3 });
    });
    doc.moveTo(x0, y + h).lineTo(x0 + tableWidth, y + h).lineWidth(0.75).strokeColor(COLOR.rule).stroke();
    doc.y = y + h;
  };

  const rowHeight = (row: Cell[]) => Math.max(...row.map((c, i) => cellHeight(doc, rich(c), widths[i] ?? 0))) + 2 * PAD_Y;

  const firstHeight = rows[0] ? rowHeight(rows[0]) : 0;
  if (doc.y + 30 + firstHeight > bottom(doc)) doc.addPage();
  header();

  for (const row of rows) {
    const h = rowHeight(row);
    if (doc.y + h > bottom(doc)) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    row.forEach((c, i) => drawCell(doc, rich(c), xs[i] ?? 0, y + PAD_Y, widths[i] ?? 0));
    doc.moveTo(x0, y + h).lineTo(x0 + tableWidth, y + h).lineWidth(0.4).strokeColor(COLOR.rule).stroke();
    doc.y = y + h;
  }
  doc.x = x0;
  doc.y += 10;
}
