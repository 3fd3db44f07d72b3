export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;

export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median() needs at least one value');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Rounds for printing: 3 significant digits are all these machines can measure. */
export function round(value: number, digits = 3): number {
  return Number(value.toPrecision(digits));
}

/** Decimal gigabytes per second, the unit disk and hashing tools report. */
export function gbPerSecond(bytes: number, ms: number): number {
  return bytes / 1e9 / (ms / 1000);
}

export function formatBytes(bytes: number): string {
  if (bytes >= GiB) return `${round(bytes / GiB)} GiB`;
  if (bytes >= MiB) return `${round(bytes / MiB)} MiB`;
  return `${round(bytes / 1024)} KiB`;
}
