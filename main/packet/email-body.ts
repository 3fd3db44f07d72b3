import { attentionAssets, openFindings } from './findings';
import type { PacketManifest } from './manifest-types';
import { periodOf } from './pdf-cover';
import { humanDate } from './pdf-text';
import { OUTCOME_ORDER, OUTCOME_TONE } from './pdf-theme';

// The message a Netflix contact reads: counts first, then every item that waits for them.

const ATTENTION_LABEL = { blocked: 'BLOCKED', escalate: 'AWAITING APPROVAL' } as const;

export function emailSubject(m: PacketManifest): string {
  return `GenAI disclosure packet ${m.packetId}: ${m.production.title} (${m.production.code})`;
}


function scopeLine(m: PacketManifest): string {
  const episodes = m.scope.episodes.length > 0 ? `episodes ${m.scope.episodes.join(', ')}` : 'all episodes';
  const period = periodOf(m);
  return `${episodes}, ${period.charAt(0).toLowerCase()}${period.slice(1)}`;
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

export function emailText(m: PacketManifest, zipName: string): string {
  const lines: string[] = [];
  lines.push(`Hello ${firstName(m.production.netflixContact.name)},`, '');
  lines.push(`${m.production.vendor} is sharing its generative-AI disclosure packet ${m.packetId} for ${m.production.title} (${m.production.code}), covering ${scopeLine(m)}.`);
  if (m.supersedes) lines.push(`It replaces packet ${m.supersedes}.`);
  lines.push('', `${m.assets.length} asset(s):`);
  for (const outcome of OUTCOME_ORDER) lines.push(`  ${OUTCOME_TONE[outcome].label}: ${m.counts[outcome]}`);

  const items = attentionAssets(m.assets);
  lines.push('');
  if (items.length === 0) lines.push('Nothing is blocked or waiting for your approval.');
  else {
    lines.push('Needs your attention:');
    for (const a of items) {
      lines.push('', `  [${ATTENTION_LABEL[a.outcome as 'blocked' | 'escalate']}] ${a.fileName} (${a.id}${a.episode ? `, episode/reel ${a.episode}` : ''})`);
      for (const f of openFindings(a)) lines.push(`    - ${f.rule}: ${f.explanation}`);
    }
  }
  lines.push(
    '',
    'Attached:',
    `  ${zipName}: the signed packet (manifest.json, summary.pdf, assets.csv, SHA256SUMS, signature, public key)`,
    '  summary.pdf: the readable report',
    '',
    'To verify the packet without GenLog, unzip it and run:',
    '  sha256sum -c SHA256SUMS',
    '  openssl pkeyutl -verify -pubin -inkey facility-public-key.pem -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig',
    `Facility signing key: ${m.signingKeyFingerprint}`,
    '',
    m.approvedBy ? `Approved for sending by ${m.approvedBy}, ${humanDate(m.approvedAt, true)}.` : 'DRAFT: this packet has not been approved by the facility yet.',
    '',
    '-- ',
    `Sent with GenLog for ${m.production.vendor}`,
  );
  return `${lines.join('\n')}\n`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function emailHtml(m: PacketManifest, zipName: string): string {
  const e = escapeHtml;
  const cell = 'padding:6px 12px;border:1px solid #d0d5dd;';
  const counts = OUTCOME_ORDER.map((o) => {
    const tone = OUTCOME_TONE[o];
    return `<td style="${cell}background:${tone.fill};color:${tone.ink};text-align:center"><div style="font-size:20px;font-weight:bold">${m.counts[o]}</div><div style="font-size:11px">${e(tone.label)}</div></td>`;
  }).join('');
  const items = attentionAssets(m.assets).map((a) => {
    const tone = OUTCOME_TONE[a.outcome];
    const reasons = openFindings(a).map((f) => `<li><b>${e(f.rule)}</b>: ${e(f.explanation)}</li>`).join('');
    return `<div style="border-left:3px solid ${tone.ink};background:${tone.fill};padding:8px 12px;margin:8px 0">` +
      `<span style="color:${tone.ink};font-weight:bold;font-size:11px">${ATTENTION_LABEL[a.outcome as 'blocked' | 'escalate']}</span> ` +
      `<b>${e(a.fileName)}</b> <span style="color:#667085">(${e(a.id)}${a.episode ? `, episode/reel ${e(a.episode)}` : ''})</span>` +
      `<ul style="margin:4px 0 0 0">${reasons}</ul></div>`;
  }).join('');
  return [
    '<!doctype html><html><body style="font-family:Helvetica,Arial,sans-serif;color:#101828;font-size:14px;line-height:1.45">',
    `<p>Hello ${e(firstName(m.production.netflixContact.name))},</p>`,
    `<p>${e(m.production.vendor)} is sharing its generative-AI disclosure packet <b>${e(m.packetId)}</b> for <b>${e(m.production.title)}</b> (${e(m.production.code)}), covering ${e(scopeLine(m))}.` +
      `${m.supersedes ? ` It replaces packet ${e(m.supersedes)}.` : ''}</p>`,
    `<table style="border-collapse:collapse;margin:8px 0"><tr>${counts}</tr></table>`,
    items ? `<h3 style="margin:16px 0 4px">Needs your attention</h3>${items}` : '<p>Nothing is blocked or waiting for your approval.</p>',
    `<p>Attached: <b>${e(zipName)}</b> (the signed packet) and <b>summary.pdf</b> (the readable report).</p>`,
    '<p style="color:#667085;font-size:12px">To verify the packet without GenLog, unzip it and run <code>sha256sum -c SHA256SUMS</code> and ' +
      '<code>openssl pkeyutl -verify -pubin -inkey facility-public-key.pem -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig</code>.<br>' +
      `Facility signing key: <code>${e(m.signingKeyFingerprint)}</code></p>`,
    `<p style="color:#667085;font-size:12px">${m.approvedBy ? `Approved for sending by ${e(m.approvedBy)}, ${e(humanDate(m.approvedAt, true))}.` : 'DRAFT: not yet approved by the facility.'}` +
      ` Sent with GenLog for ${e(m.production.vendor)}.</p>`,
    '</body></html>',
  ].join('\n');
}
