const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2025-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function assertIsoDate(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new Error(`${what} ${JSON.stringify(value)} is not a date (expected YYYY-MM-DD, e.g. 2025-08-31).`);
  }
}
