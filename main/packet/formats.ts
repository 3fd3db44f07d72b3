// The JSON Schema formats the manifest uses, checked strictly (ajv-formats is not a dependency).

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
// Deliberately simple: one @, no spaces, a dot in the domain. Mail servers do the real check.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

export function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function isDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m || !isDate(m[1] ?? '')) return false;
  const [hour, minute, second] = [Number(m[2]), Number(m[3]), Number(m[4])];
  return hour < 24 && minute < 60 && second < 61;
}

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}
