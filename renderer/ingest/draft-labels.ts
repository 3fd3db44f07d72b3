import { frameLabel, frameRangeNotes, frameSpan } from '../../main/format/frame-counts';

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

/** The tool a draft is logged with by Confirm selected: the one typed into it, else draftTool. */
export function effectiveTool(d: Draft, typed: { tool?: string } | undefined): string | null {
  return typed ? typed.tool || null : draftTool(d);
}

/** The tool the list shows: a confirmed draft's is the one it was logged with, whoever picked it. */
export function listedTool(d: Draft): string | null {
  return (d.status === 'confirmed' ? d.assetTool : null) ?? draftTool(d);
}

/**
 * Late frames of a logged sequence leave gaps the log already fills, and late frames of a dismissed draft gaps it
 * held: those are counted apart, not as missing.
 */
export function frameText(d: Pick<Draft, 'frameRange' | 'frameCount' | 'fileName'> & { prefill?: Pick<Draft['prefill'], 'framesInLog' | 'framesDismissed'> }): string {
  if (!d.frameRange) return '';
  const { first, last } = d.frameRange;
  const notes = frameRangeNotes(d.frameRange, d.frameCount, d.prefill?.framesInLog?.length, d.prefill?.framesDismissed?.length);
  // One late frame is "1013", not "1013–1013 (1)".
  if (first === last && notes.length === 0) return frameLabel(first, d.fileName);
  return `${frameSpan({ first, last }, d.fileName)} (${[d.frameCount, ...notes].join(', ')})`;
}

