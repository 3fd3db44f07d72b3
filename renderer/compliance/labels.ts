import type { Outcome } from './types';

export const OUTCOME_LABELS: Record<Outcome, string> = {
  disclose: 'Disclose',
  escalate: 'Escalate',
  blocked: 'Blocked',
  cleared: 'Cleared',
};

/** One line per outcome: what it means for the artist and the manager. */
export const OUTCOME_MEANINGS: Record<Outcome, string> = {
  disclose: 'Low risk: share it with the Netflix contact; nothing needs approval.',
  escalate: 'Needs written approval from the Netflix contact before it is used as planned.',
  blocked: 'Cannot be used: a consent or a safe tool is missing. Change the facts, file the consent, or record an approval.',
  cleared: 'Every finding is covered by a written approval on file.',
};

/** "Netflix material (unreleased assets, …)" → "Netflix material": the chip text; the full label is its tooltip. */
export function shortLabel(label: string): string {
  const cut = label.indexOf(' (');
  return cut > 0 ? label.slice(0, cut) : label;
}

/** "digital-replica" → "Digital replica". */
export function humanize(value: string): string {
  const s = value.replace(/-/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Today as YYYY-MM-DD in local time (date inputs and the API's dates are calendar days). */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** "ab12cd34…" for a SHA-256 shown in a list; the full hash is the tooltip. */
export function shortHash(sha256: string): string {
  return `${sha256.slice(0, 12)}…`;
}

/** Whole days between an ISO timestamp and now. */
export function ageInDays(iso: string, now = Date.now()): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 86_400_000));
}
