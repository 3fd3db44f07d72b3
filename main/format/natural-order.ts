/**
 * Paths in the order people number files: plate_v2 before plate_v10, Firefly_9.jpg before Firefly_10.jpg. Runs of
 * digits compare by value (leading zeros only break ties: 007 after 7), everything else by character code, so the
 * order is the same on every machine and locale.
 */
export function naturalCompare(a: string, b: string): number {
  const left = a.match(CHUNKS) ?? [];
  const right = b.match(CHUNKS) ?? [];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i] as string;
    const y = right[i] as string;
    if (x === y) continue;
    if (isDigits(x) && isDigits(y)) {
      const order = compareNumbers(x, y);
      if (order !== 0) return order;
    }
    return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

const CHUNKS = /\d+|\D+/g;

function isDigits(chunk: string): boolean {
  const first = chunk.charCodeAt(0);
  return first >= 48 && first <= 57;
}

/** By value without converting (a 40-digit render number is still exact); equal values compare as 0. */
function compareNumbers(x: string, y: string): number {
  const a = x.replace(/^0+(?=\d)/, '');
  const b = y.replace(/^0+(?=\d)/, '');
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
