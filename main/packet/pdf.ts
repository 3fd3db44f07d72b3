import type { Doc } from './pdf-layout';
import { renderCover } from './pdf-cover';
import { renderApprovalsAndConsents, renderAssets, renderFindings, renderPlannedUses, renderTools, renderVerification } from './pdf-sections';
import { winAnsi } from './pdf-text';
import { COLOR, FONT, OUTCOME_TONE } from './pdf-theme';
import type { PacketManifest } from './manifest-types';

const MARGINS = { top: 54, bottom: 60, left: 50, right: 50 };

function footers(doc: Doc, m: PacketManifest): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would make pdfkit start a new page; lift the margin meanwhile.
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const x = MARGINS.left;
    const width = doc.page.width - MARGINS.left - MARGINS.right;
    const y = doc.page.height - 38;
    doc.moveTo(x, y - 8).lineTo(x + width, y - 8).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    const draft = m.approvedBy === null ? 'DRAFT  ·  ' : '';
    doc.font(FONT.bold).fontSize(7).fillColor(m.approvedBy === null ? OUTCOME_TONE.escalate.ink : COLOR.muted)
      .text(winAnsi(`${draft}Packet ${m.packetId}  ·  ${m.production.title}`), x, y, { width: width - 90, lineBreak: false, ellipsis: true, height: 10 });
    doc.font(FONT.regular).fontSize(7).fillColor(COLOR.muted)
      .text(`Page ${i - range.start + 1} of ${range.count}`, x + width - 90, y, { width: 90, align: 'right', lineBreak: false });
    doc.page.margins.bottom = savedBottom;
  }
}

/**
 * summary.pdf: the packet for people. Cover with the counts and everything blocked or awaiting
 * approval, then the assets, findings, planned uses, tools, approvals, consents and how to verify.
 * The same manifest always gives the same bytes (the dates come from the manifest).
 */
export async function renderSummaryPdf(manifest: PacketManifest): Promise<Buffer> {
  // pdfkit and its font stack take about a third of a second to load: only what renders a PDF pays for it,
  // not every CLI command (the CLI bundle imports the whole API table).
  const { default: PDFDocument } = await import('pdfkit');
  return new Promise((resolve, reject) => {
    const m = manifest;
    const doc = new PDFDocument({
      size: 'A4',
      margins: MARGINS,
      bufferPages: true,
      autoFirstPage: true,
      info: {
        Title: winAnsi(`GenAI disclosure packet ${m.packetId}: ${m.production.title}`),
        Author: winAnsi(m.production.vendor),
        Subject: winAnsi(`Generative-AI disclosure for ${m.production.title} (${m.production.code})`),
        Creator: 'GenLog',
        Producer: 'GenLog (PDFKit)',
        CreationDate: new Date(m.approvedAt ?? m.createdAt),
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      renderCover(doc, m);
      doc.addPage();
      renderAssets(doc, m);
      renderFindings(doc, m);
      doc.addPage();
      renderPlannedUses(doc, m);
      renderTools(doc, m);
      renderApprovalsAndConsents(doc, m);
      renderVerification(doc, m);
      footers(doc, m);
      doc.end();
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
