import { bottom, contentWidth, ensureSpace, keyFacts, left, paragraph } from './pdf-layout';
import type { Doc } from './pdf-layout';
import { clip, humanDate, winAnsi } from './pdf-text';
import { COLOR, FONT, OUTCOME_ORDER, OUTCOME_TONE } from './pdf-theme';
import type { Tone } from './pdf-theme';
import { openFindings } from './findings';
import type { ManifestAsset, PacketManifest } from './manifest-types';

export function periodOf(m: PacketManifest): string {
  const { since, until } = m.scope;
  if (!since && !until) return 'All dates';
  if (!since) return `Up to ${humanDate(until)}`;
  if (!until) return `From ${humanDate(since)}`;
  return `${humanDate(since)} – ${humanDate(until)}`;
}

export function toolNames(asset: ManifestAsset): string {
  return asset.tools.map((t) => (t.version ? `${t.name} ${t.version}` : t.name)).join(' > ') || 'no tool recorded';
}

function band(doc: Doc, m: PacketManifest): void {
  const x = left(doc);
  const width = contentWidth(doc);
  doc.font(FONT.bold).fontSize(22);
  const titleHeight = doc.heightOfString(winAnsi(m.production.title), { width: width - 120 });
  const height = 96 + titleHeight;
  doc.rect(0, 0, doc.page.width, height).fillColor(COLOR.band).fill();

  doc.font(FONT.bold).fontSize(7.5).fillColor(COLOR.bandMuted)
    .text('GENAI DISCLOSURE PACKET', x, 38, { characterSpacing: 1.6, lineBreak: false });
  const approved = m.approvedBy !== null;
  const status = approved ? 'APPROVED FOR SENDING' : 'DRAFT - NOT APPROVED';
  doc.font(FONT.bold).fontSize(7.5);
  const statusWidth = doc.widthOfString(status, { characterSpacing: 0.8 }) + 14;
  doc.roundedRect(x + width - statusWidth, 33, statusWidth, 16, 3).fillColor(approved ? '#12b76a' : '#f79009').fill();
  doc.fillColor('#ffffff').text(status, x + width - statusWidth + 7, 37.5, { characterSpacing: 0.8, lineBreak: false });

  doc.font(FONT.bold).fontSize(22).fillColor(COLOR.bandText).text(winAnsi(m.production.title), x, 56, { width: width - 120 });
  doc.font(FONT.regular).fontSize(10).fillColor(COLOR.bandMuted)
    .text(winAnsi(`Production ${m.production.code}  ·  from ${m.production.vendor}`), x, doc.y + 4, { width });
  doc.y = height + 22;
}

function tiles(doc: Doc, m: PacketManifest): void {
  const gap = 8;
  const width = (contentWidth(doc) - gap * 3) / 4;
  const height = 50;
  const y = doc.y;
  OUTCOME_ORDER.forEach((outcome, i) => {
    const tone = OUTCOME_TONE[outcome];
    const x = left(doc) + i * (width + gap);
    doc.rect(x, y, width, height).fillColor(tone.fill).fill();
    doc.rect(x, y, 3, height).fillColor(tone.ink).fill();
    doc.font(FONT.bold).fontSize(20).fillColor(tone.ink).text(String(m.counts[outcome]), x + 12, y + 8, { width: width - 16, lineBreak: false });
    doc.font(FONT.bold).fontSize(7.5).fillColor(COLOR.body).text(tone.label.toUpperCase(), x + 12, y + 33, { width: width - 16, characterSpacing: 0.4, lineBreak: false });
  });
  doc.y = y + height + 14;
}

function openReasons(asset: ManifestAsset): string[] {
  return openFindings(asset).map((f) => `${f.rule}: ${f.explanation}`);
}

function card(doc: Doc, asset: ManifestAsset, tone: Tone, onNewPage: () => void): void {
  const x = left(doc);
  const width = contentWidth(doc);
  const inner = width - 24;
  const title = winAnsi(asset.fileName);
  const meta = winAnsi(`${asset.id}  ·  ${asset.episode ? `Episode/Reel ${asset.episode}` : 'No episode'}  ·  ${toolNames(asset)}  ·  ${asset.artist}`);
  const reasons = openReasons(asset).map((r) => winAnsi(clip(r, 400)));
  const measure = (): number => {
    let h = doc.font(FONT.bold).fontSize(9.5).heightOfString(title, { width: inner });
    h += 2 + doc.font(FONT.regular).fontSize(7.5).heightOfString(meta, { width: inner });
    for (const r of reasons) h += 3 + doc.font(FONT.regular).fontSize(8.5).heightOfString(r, { width: inner - 10, lineGap: 1 });
    return h + 16;
  };
  const height = measure();
  if (ensureSpace(doc, height + 6)) onNewPage();
  const y = doc.y;
  doc.rect(x, y, width, height).fillColor(tone.fill).fill();
  doc.rect(x, y, 3, height).fillColor(tone.ink).fill();
  doc.font(FONT.bold).fontSize(9.5).fillColor(COLOR.ink).text(title, x + 12, y + 8, { width: inner });
  doc.font(FONT.regular).fontSize(7.5).fillColor(COLOR.muted).text(meta, x + 12, doc.y + 2, { width: inner });
  for (const r of reasons) {
    const ry = doc.y + 3;
    doc.circle(x + 15, ry + 4, 1.4).fillColor(tone.ink).fill();
    doc.font(FONT.regular).fontSize(8.5).fillColor(COLOR.body).text(r, x + 22, ry, { width: inner - 10, lineGap: 1 });
  }
  doc.y = y + height + 6;
}

function attentionList(doc: Doc, heading: string, assets: ManifestAsset[], tone: Tone): void {
  if (assets.length === 0) return;
  const title = (text: string) => {
    doc.font(FONT.bold).fontSize(11).fillColor(tone.ink).text(winAnsi(text), left(doc), doc.y, { width: contentWidth(doc) });
    doc.y += 5;
  };
  ensureSpace(doc, 70);
  title(heading);
  for (const asset of assets) card(doc, asset, tone, () => title(`${heading} (continued)`));
  doc.y += 6;
}

/** Page 1: who, what period, the counts, and everything that needs someone's attention. */
export function renderCover(doc: Doc, m: PacketManifest): void {
  band(doc, m);
  const contact = m.production.netflixContact;
  keyFacts(doc, [
    ['Packet', m.packetId],
    ['Facility', m.production.vendor],
    ['Period', periodOf(m)],
    ['Episodes', m.scope.episodes.length > 0 ? m.scope.episodes.join(', ') : 'All episodes'],
    ['Netflix contact', `${contact.name} <${contact.email}>`],
    ['Prepared by', `${m.createdBy}, ${humanDate(m.createdAt, true)}`],
    ['Approved by', m.approvedBy ? `${m.approvedBy}, ${humanDate(m.approvedAt, true)}` : 'Not yet approved (draft)'],
    ['Supersedes', m.supersedes ?? 'None (first packet)'],
  ]);
  doc.y += 8;
  tiles(doc, m);

  const blocked = m.assets.filter((a) => a.outcome === 'blocked');
  const waiting = m.assets.filter((a) => a.outcome === 'escalate');
  attentionList(doc, `Blocked: cannot be used as planned (${blocked.length})`, blocked, OUTCOME_TONE.blocked);
  attentionList(doc, `Awaiting written approval from the Netflix contact (${waiting.length})`, waiting, OUTCOME_TONE.escalate);
  if (blocked.length === 0 && waiting.length === 0) {
    paragraph(doc, 'Nothing in this packet is blocked or waiting for approval: every use is either cleared by a written approval or needs disclosure only.', { color: COLOR.body });
  }

  ensureSpace(doc, 60);
  if (doc.y < bottom(doc) - 60) doc.y += 4;
  paragraph(doc,
    'This report is the readable summary of manifest.json in the same packet. The packet also holds assets.csv (one row per asset, for spreadsheets) ' +
      'and is signed by the facility: see "Verifying this packet" at the end of this report. Media files are not included.',
    { color: COLOR.muted, size: 8 });
}
