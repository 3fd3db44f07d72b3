import { contentWidth, ensureSpace, left, paragraph, pill, pillWidth, sectionTitle } from './pdf-layout';
import type { Doc } from './pdf-layout';
import { table } from './pdf-table';
import type { Cell } from './pdf-table';
import { toolNames } from './pdf-cover';
import { clip, humanDate, humanSize, winAnsi } from './pdf-text';
import { COLOR, FONT, HOSTING_LABEL, ON_SCREEN_LABEL, OUTCOME_ORDER, OUTCOME_TONE, SEVERITY_TONE } from './pdf-theme';
import type { Answer, Finding, ManifestAsset, PacketManifest, PrincipleId } from './manifest-types';

const PRINCIPLES: Array<[PrincipleId, string]> = [
  ['P1', 'does not recreate unowned or copyrighted material'],
  ['P2', 'tools do not store, reuse or train on production data'],
  ['P3', 'runs in an enterprise-secured environment'],
  ['P4', 'temporary, not part of the final deliverables'],
  ['P5', 'no new talent performance or union work without consent'],
];

const ANSWER_COLOR: Record<Answer, string> = { yes: '#027a48', no: '#b42318', unsure: '#b54708' };

function byAttention(assets: ManifestAsset[]): ManifestAsset[] {
  const rank = (a: ManifestAsset) => OUTCOME_ORDER.indexOf(a.outcome);
  return [...assets].sort((a, b) => rank(a) - rank(b) || (a.episode ?? '').localeCompare(b.episode ?? '') || a.fileName.localeCompare(b.fileName));
}

function answerLabel(a: Answer): string {
  return a === 'yes' ? 'Yes' : a === 'no' ? 'No' : 'Unsure';
}

export function renderAssets(doc: Doc, m: PacketManifest): void {
  sectionTitle(doc, `Assets (${m.assets.length})`,
    'Every logged generative-AI asset in scope, most urgent first. "On screen": incidental = glimpsed and never referenced, prominent = story-relevant.');
  if (m.assets.length === 0) return paragraph(doc, 'No assets in scope.');
  table(doc, [
    { header: 'Episode/Reel', weight: 44 },
    { header: 'File', weight: 140 },
    { header: 'Outcome', weight: 86 },
    { header: 'On screen', weight: 50 },
    { header: 'Tools', weight: 82 },
    { header: 'Artist', weight: 58 },
    { header: 'Created', weight: 46 },
  ], byAttention(m.assets).map((a): Cell[] => [
    a.episode || '—',
    { text: a.fileName, sub: `${a.id} · ${a.mediaType} · ${humanSize(a.size)} · ${a.classification}`, bold: true },
    { text: '', pill: OUTCOME_TONE[a.outcome] },
    ON_SCREEN_LABEL[a.onScreen],
    toolNames(a),
    a.artist,
    humanDate(a.createdAt),
  ]));
}

function principlesLine(doc: Doc, asset: ManifestAsset): void {
  let x = left(doc);
  const y = doc.y;
  for (const [id] of PRINCIPLES) {
    const answer = asset.principles[id];
    doc.font(FONT.bold).fontSize(7.5).fillColor(COLOR.muted).text(`${id} `, x, y, { lineBreak: false });
    x += doc.widthOfString(`${id} `);
    doc.font(FONT.bold).fillColor(ANSWER_COLOR[answer]).text(answerLabel(answer), x, y, { lineBreak: false });
    x += doc.widthOfString(answerLabel(answer)) + 14;
  }
  doc.x = left(doc);
  doc.y = y + 12;
}

function coverage(f: Finding): Cell {
  if (f.coveredBy.length > 0) return { text: f.coveredBy.join(', '), color: OUTCOME_TONE.cleared.ink, bold: true };
  const denied = f.deniedBy ?? [];
  if (denied.length > 0) return { text: 'Open', sub: `denied in ${denied.join(', ')}`, color: OUTCOME_TONE.blocked.ink, bold: true };
  return { text: f.severity === 'disclose' ? 'Not needed' : 'Open', color: COLOR.muted };
}

function assetFindings(doc: Doc, asset: ManifestAsset): void {
  ensureSpace(doc, 110);
  const x = left(doc);
  const width = contentWidth(doc);
  const y = doc.y;
  doc.font(FONT.bold).fontSize(10).fillColor(COLOR.ink).text(winAnsi(asset.fileName), x, y, { width: width - 110 });
  const afterTitle = doc.y;
  const tone = OUTCOME_TONE[asset.outcome];
  pill(doc, x + width - pillWidth(doc, tone), y, tone);
  doc.font(FONT.regular).fontSize(7.5).fillColor(COLOR.muted).text(
    winAnsi(`${asset.id}  ·  ${asset.episode ? `Episode/Reel ${asset.episode}` : 'No episode'}  ·  ${asset.artist}  ·  ${humanDate(asset.createdAt)}  ·  ` +
      `${asset.classification}  ·  on screen: ${ON_SCREEN_LABEL[asset.onScreen].toLowerCase()}  ·  ${asset.mediaType}`),
    x, afterTitle + 2, { width },
  );
  doc.y += 4;
  principlesLine(doc, asset);
  if (asset.prompt) {
    paragraph(doc, `Prompt: "${clip(asset.prompt, 700)}"`, { font: FONT.italic, size: 8, color: COLOR.muted, gap: 4 });
  }
  if (asset.findings.length > 0) {
    table(doc, [
      { header: 'Rule', weight: 80 },
      { header: 'Needs', weight: 80 },
      { header: 'Reason', weight: 262 },
      { header: 'Covered by', weight: 76 },
    ], asset.findings.map((f): Cell[] => [
      { text: f.rule, bold: true },
      { text: '', pill: SEVERITY_TONE[f.severity] },
      { text: f.explanation, sub: [`Because: ${f.fact}`, f.howToClear && f.coveredBy.length === 0 ? `To clear: ${f.howToClear}` : ''].filter(Boolean).join('\n') },
      coverage(f),
    ]));
  } else {
    paragraph(doc, 'No findings: this use needs disclosure only.', { size: 8, color: COLOR.muted, gap: 10 });
  }
  doc.y += 4;
}

export function renderFindings(doc: Doc, m: PacketManifest): void {
  doc.addPage();
  sectionTitle(doc, 'Findings and reasons',
    'Each asset was checked against Netflix\'s five guiding principles (yes = the principle holds) and the cases that always need written ' +
      `approval. ${PRINCIPLES.map(([id, text]) => `${id}: ${text}`).join('; ')}. "Unsure" counts as a no until someone confirms it.`);
  if (m.assets.length === 0) return paragraph(doc, 'No assets in scope.');
  for (const asset of byAttention(m.assets)) assetFindings(doc, asset);
}

export function renderPlannedUses(doc: Doc, m: PacketManifest): void {
  sectionTitle(doc, 'Planned uses', 'What the facility intends to do with the assets, and what each use needs.');
  if (m.plannedUses.length === 0) return paragraph(doc, 'No planned uses recorded.');
  const names = new Map(m.assets.map((a) => [a.id, a.fileName]));
  table(doc, [
    { header: 'Use', weight: 214 },
    { header: 'Assets', weight: 190 },
    { header: 'Outcome', weight: 94 },
  ], m.plannedUses.map((u): Cell[] => [
    { text: u.title, sub: [u.description, [u.id, u.department, u.classification].filter(Boolean).join(' · ')].filter(Boolean).join('\n'), bold: true },
    u.assets.map((id) => names.get(id) ?? id).join(', ') || '—',
    { text: '', pill: OUTCOME_TONE[u.outcome] },
  ]));
}

export function renderTools(doc: Doc, m: PacketManifest): void {
  sectionTitle(doc, 'AI tool disclosure', 'Every generative-AI tool used by the assets in this packet, where it runs and what its vendor does with the data.');
  if (m.toolDisclosure.length === 0) return paragraph(doc, 'No tools recorded.');
  const answer = (a: Answer, good: Answer): Cell => ({ text: answerLabel(a), color: a === good ? ANSWER_COLOR.yes : a === 'unsure' ? ANSWER_COLOR.unsure : ANSWER_COLOR.no, bold: true });
  table(doc, [
    { header: 'Tool', weight: 96 },
    { header: 'Hosting', weight: 68 },
    { header: 'Enterprise', weight: 62 },
    { header: 'Trains on inputs', weight: 46 },
    { header: 'Retains data', weight: 44 },
    { header: 'Data terms', weight: 130 },
    { header: 'Used by', weight: 52 },
  ], m.toolDisclosure.map((t): Cell[] => [
    { text: t.version ? `${t.name} ${t.version}` : t.name, sub: t.vendor || undefined, bold: true },
    HOSTING_LABEL[t.hosting],
    answer(t.enterprise, 'yes'),
    answer(t.trainsOnInputs, 'no'),
    answer(t.retainsData, 'no'),
    t.dataTerms ?? 'None on file',
    t.usedBy.join(', ') || '—',
  ]));
}

function hashCell(hex: string): Cell {
  return { text: hex.match(/.{1,16}/g)?.join('\n') ?? hex, mono: true };
}

export function renderApprovalsAndConsents(doc: Doc, m: PacketManifest): void {
  sectionTitle(doc, 'Approvals', 'Written approvals on file. The evidence file itself stays with the facility; its SHA-256 identifies it.');
  if (m.approvals.length === 0) paragraph(doc, 'No approvals recorded yet.');
  else {
    table(doc, [
      { header: 'Approval', weight: 74 },
      { header: 'Decision', weight: 50 },
      { header: 'Approver / date', weight: 90 },
      { header: 'Reference', weight: 110 },
      { header: 'Rules', weight: 64 },
      { header: 'Evidence SHA-256', weight: 96 },
    ], m.approvals.map((a): Cell[] => [
      { text: a.id, bold: true, sub: a.supersedes ? `replaces ${a.supersedes}` : undefined },
      { text: a.decision === 'approved' ? 'Approved' : 'Denied', bold: true, color: a.decision === 'approved' ? ANSWER_COLOR.yes : ANSWER_COLOR.no },
      { text: a.approver, sub: humanDate(a.date) },
      a.reference,
      a.rules.join(', ') || '—',
      hashCell(a.evidenceSha256),
    ]));
  }

  sectionTitle(doc, 'Talent consents', 'Consent records referenced by this packet. The signed documents are never included; their SHA-256 identifies them.');
  if (m.consents.length === 0) return paragraph(doc, 'No consent records referenced.');
  table(doc, [
    { header: 'Consent', weight: 60 },
    { header: 'Talent', weight: 90 },
    { header: 'Consent for', weight: 130 },
    { header: 'Signed', weight: 56 },
    { header: 'Expires', weight: 56 },
    { header: 'Evidence SHA-256', weight: 96 },
  ], m.consents.map((c): Cell[] => [
    { text: c.id, bold: true },
    c.talent,
    c.kinds.join(', '),
    humanDate(c.signed),
    c.expires ? humanDate(c.expires) : 'No expiry',
    hashCell(c.evidenceSha256),
  ]));
}

export function renderVerification(doc: Doc, m: PacketManifest): void {
  ensureSpace(doc, 230);
  sectionTitle(doc, 'Verifying this packet',
    'The packet is a ZIP file signed with the facility\'s Ed25519 key. Anyone can check it with standard tools, without GenLog: unzip it, then run');
  const commands = [
    'sha256sum -c SHA256SUMS',
    'openssl pkeyutl -verify -pubin -inkey facility-public-key.pem \\\n    -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig',
    'openssl pkey -pubin -in facility-public-key.pem -outform DER | sha256sum',
  ];
  const x = left(doc);
  const width = contentWidth(doc);
  doc.font(FONT.mono).fontSize(8);
  const text = commands.join('\n\n');
  const h = doc.heightOfString(text, { width: width - 20 }) + 16;
  const y = doc.y;
  doc.rect(x, y, width, h).fillColor(COLOR.faint).fill();
  doc.fillColor(COLOR.ink).text(text, x + 10, y + 8, { width: width - 20 });
  doc.y = y + h + 10;
  paragraph(doc, 'The first command checks every file, the second checks the facility\'s signature, and the third prints the key\'s fingerprint. ' +
    'It must match the fingerprint below, which the facility can confirm by phone or from GenLog\'s settings:', { size: 9 });
  const fy = doc.y + 2;
  doc.rect(x, fy, width, 30).lineWidth(0.75).strokeColor(COLOR.band).stroke();
  doc.font(FONT.bold).fontSize(7).fillColor(COLOR.muted).text('SIGNING KEY', x + 10, fy + 11.5, { lineBreak: false, characterSpacing: 0.6 });
  doc.font(FONT.mono).fontSize(7.8).fillColor(COLOR.ink).text(winAnsi(m.signingKeyFingerprint), x + 74, fy + 11, { width: width - 84, lineBreak: false });
  doc.y = fy + 40;
}
