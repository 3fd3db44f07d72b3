/**
 * Sizes as people read them, in binary units named as such (1 KiB = 1,024 bytes). One formatter for the app, the
 * CLI, error messages and disclosure packets, so a file shows the same size wherever it is seen.
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}
