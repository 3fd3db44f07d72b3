import { createHash } from 'node:crypto';

/** The files of a disclosure packet, in the order they are stored in the ZIP. */
export const PACKET_FILE = {
  manifest: 'manifest.json',
  pdf: 'summary.pdf',
  csv: 'assets.csv',
  publicKey: 'facility-public-key.pem',
  sums: 'SHA256SUMS',
  signature: 'SHA256SUMS.sig',
} as const;

/** Files SHA256SUMS must list: everything except itself and its signature. */
export const HASHED_FILES: readonly string[] = [PACKET_FILE.manifest, PACKET_FILE.pdf, PACKET_FILE.csv, PACKET_FILE.publicKey];

export const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** `<hex>  <path>` lines, the format `sha256sum -c` reads. */
export function formatSha256Sums(files: Array<{ name: string; data: Buffer }>): string {
  return files.map((f) => `${sha256Hex(f.data)}  ${f.name}\n`).join('');
}

export function parseSha256Sums(text: string): { sums: Map<string, string>; problems: string[] } {
  const sums = new Map<string, string>();
  const problems: string[] = [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((line, i) => {
    // sha256sum also accepts "<hex> *<path>" (binary mode); GenLog writes text mode but reads both.
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!m) {
      problems.push(`changed file: ${PACKET_FILE.sums} (line ${i + 1} is not "<sha256>  <file name>")`);
      return;
    }
    const [, hex, name] = m as unknown as [string, string, string];
    if (sums.has(name)) problems.push(`changed file: ${PACKET_FILE.sums} (lists ${name} twice)`);
    sums.set(name, hex);
  });
  return { sums, problems };
}
