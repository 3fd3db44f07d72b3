import { MEDIA_LABELS } from '../ui/format';
import type { Draft } from './types';

export const STATUS_LABELS = { pending: 'Pending', confirmed: 'Confirmed', dismissed: 'Dismissed', all: 'All' } as const;

/** The folder a draft was found in (the path's parent, whatever the separator). */
export function folderOf(path: string): string {
  const at = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return at > 0 ? path.slice(0, at) : path;
}

export function mediaLabel(d: Draft): string {
  return MEDIA_LABELS[d.mediaType];
}

/** The tool a draft will be logged with unless the artist picks another: the folder's, else the one the file names. */
export function draftTool(d: Draft): string | null {
  return d.prefill.tool ?? d.prefill.matchedTool ?? null;
}

export function frameText(d: Pick<Draft, 'frameRange' | 'frameCount'>): string {
  if (!d.frameRange) return '';
  const missing = d.frameRange.last - d.frameRange.first + 1 - d.frameCount;
  return `${d.frameRange.first}–${d.frameRange.last} (${d.frameCount}${missing > 0 ? `, ${missing} missing` : ''})`;
}

/** Frame numbers between the first and the last that the sequence lacks. */
export function missingFrames(frames: readonly { frame: number }[]): number[] {
  if (frames.length < 2) return [];
  const present = new Set(frames.map((f) => f.frame));
  const first = Math.min(...present);
  const last = Math.max(...present);
  const missing: number[] = [];
  for (let n = first; n <= last && missing.length < 1000; n++) if (!present.has(n)) missing.push(n);
  return missing;
}
