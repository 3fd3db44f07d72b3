/** Plain, aligned text tables for terminals; scripts use --json instead. */
export function table(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))))];
  const widths = headers.map((_, i) => Math.min(60, Math.max(...cells.map((r) => (r[i] ?? '').length))));
  const line = (r: string[]) =>
    r.map((c, i) => {
      const w = widths[i] ?? 0;
      const v = c.length > w ? `${c.slice(0, w - 1)}…` : c;
      return i === r.length - 1 ? v : v.padEnd(w);
    }).join('  ');
  return `${cells.map(line).join('\n')}\n`;
}

export { formatBytes as bytes } from '../format/byte-size';

export function keyValues(pairs: [string, string | number | null | undefined][]): string {
  const w = Math.max(...pairs.map(([k]) => k.length));
  // A multi-line value (a prompt) continues under its first line, not at the left margin.
  const indent = `\n${' '.repeat(w + 2)}`;
  return `${pairs.map(([k, v]) => `${k.padEnd(w)}  ${String(v ?? '').replace(/\r?\n/g, indent)}`).join('\n')}\n`;
}

export function list(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}
