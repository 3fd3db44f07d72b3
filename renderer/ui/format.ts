/** Display helpers: fixed locale so the UI reads the same on every machine (and in tests). */
const numberFormat = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return numberFormat.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "2026-03-04 14:05" in local time: dense, sortable, unambiguous. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export { formatBytes } from '../../main/format/byte-size';

export const MEDIA_LABELS = { image: 'Image', video: 'Video', audio: 'Audio', text: 'Text', '3d': '3D', other: 'Other' } as const;
export const HOSTING_LABELS = { local: 'Local', 'enterprise-cloud': 'Enterprise cloud', 'public-cloud': 'Public cloud', unsure: 'Unsure' } as const;

/**
 * Time left of a running job, as a person reads it: "about 40 s left", "about 3 min 5 s left", "about 12 min left",
 * "about 41 h 24 min left" (seconds stop mattering once minutes are many).
 */
export function formatTimeLeft(seconds: number | null): string {
  if (seconds === null) return 'estimating time left';
  if (seconds < 1) return 'almost done';
  const s = Math.ceil(seconds);
  if (s < 60) return `about ${s} s left`;
  if (s < 600) return `about ${Math.floor(s / 60)} min ${s % 60} s left`;
  const minutes = Math.round(s / 60);
  return minutes < 60 ? `about ${minutes} min left` : `about ${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}
