import { isIsoDate } from '../../compliance';
import { invalid } from '../../api/envelope';

/** The calendar day on this machine: consents and approval dates are the days people wrote on paper. */
export function localDate(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

export const DAY_MS = 86_400_000;

/** Refuses days that are not real (2025-02-30) or have not happened yet: a signature or decision is in the past. */
export function requirePastDate(value: string, what: string, today: string): string {
  if (!isIsoDate(value)) throw invalid(`${what} "${value}" is not a date (use YYYY-MM-DD, e.g. 2025-08-31).`);
  if (value > today) throw invalid(`${what} ${value} is in the future (today is ${today}).`);
  return value;
}
