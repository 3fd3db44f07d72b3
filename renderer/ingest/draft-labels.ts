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
  return d.frameRange ? `${d.frameRange.first}–${d.frameRange.last} (${d.frameCount})` : '';
}
