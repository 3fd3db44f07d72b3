import type { ManifestAsset, PacketManifest, PrincipleId } from './manifest-types';

const PRINCIPLES: PrincipleId[] = ['P1', 'P2', 'P3', 'P4', 'P5'];

// Excel reads UTF-8 without a byte order mark as a legacy code page and garbles accented names.
const BOM = '\uFEFF';

const COLUMNS: Array<[header: string, value: (a: ManifestAsset) => string]> = [
  ['Asset ID', (a) => a.id],
  ['Episode/Reel', (a) => a.episode ?? ''],
  ['File name', (a) => a.fileName],
  ['Outcome', (a) => a.outcome],
  ['On screen', (a) => a.onScreen],
  ['Classification', (a) => a.classification],
  ['Media type', (a) => a.mediaType],
  ['Size (bytes)', (a) => String(a.size)],
  ['SHA-256', (a) => a.sha256],
  ['Artist', (a) => a.artist],
  ['Created', (a) => a.createdAt],
  ['Tools', (a) => a.tools.map((t) => (t.version ? `${t.name} ${t.version}` : t.name)).join('; ')],
  ['Prompt', (a) => a.prompt ?? ''],
  ...PRINCIPLES.map((p): [string, (a: ManifestAsset) => string] => [p, (a) => a.principles[p]]),
  ['Findings', (a) => a.findings.map((f) => `${f.rule} (${f.severity})`).join('; ')],
  ['Approvals', (a) => a.approvals.join('; ')],
  ['Open findings', (a) => a.findings.filter((f) => f.severity !== 'disclose' && f.coveredBy.length === 0).map((f) => f.rule).join('; ')],
];

/**
 * A cell a spreadsheet would run as a formula (leading = + - @, tab or carriage return) gets a
 * leading single quote, so it is shown as text (OWASP CSV injection advice).
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: quote a field holding a comma, quote, CR or LF, doubling the quotes inside. */
export function quoteCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function row(cells: string[]): string {
  return cells.map((c) => quoteCell(neutraliseCell(c))).join(',');
}

/** assets.csv: a header row and one row per asset, CRLF line ends, UTF-8 with a byte order mark. */
export function assetsCsv(manifest: PacketManifest): string {
  const lines = [row(COLUMNS.map(([header]) => header))];
  for (const asset of manifest.assets) lines.push(row(COLUMNS.map(([, value]) => value(asset))));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
