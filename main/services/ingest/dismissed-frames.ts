import type { InboxRow } from '../../../db/inbox';
import { framesPhrase } from '../../format/frame-counts';
import { MAX_FRAME_GAP, mayTakeFrame, type IngestItem } from '../../ingest';
import { gapsBetween, gatherLoneFrames } from './gather-frames';
import { itemPath } from './hashed-items';
import { rowFrames } from './inbox-json';

/** The frames of a sequence path that sequence drafts now dismissed held (with their content), and those drafts' ids. */
export interface DismissedSequence {
  frames: Set<number>;
  shas: Map<number, Set<string>>;
  first: number;
  last: number;
  ids: number[];
}

type SequenceItem = Extract<IngestItem, { kind: 'sequence' }>;

/** What a draft says of the dismissed frames of its sequence. */
export interface DismissedNote {
  note: string;
  /** Frames between the draft's first and last that a dismissed draft held: not missing. */
  framesDismissed: number[];
}

export interface JoinedDismissed {
  items: IngestItem[];
  /** Sequence items near frames dismissed at their path, with those frames: dismissedNote() says what they mean. */
  dismissedOf: Map<IngestItem, DismissedSequence>;
}

function dismissedSequences(rows: readonly InboxRow[]): Map<string, DismissedSequence> {
  const byPath = new Map<string, DismissedSequence>();
  for (const r of rows) {
    if (r.status !== 'dismissed' || r.kind !== 'sequence') continue;
    const frames = rowFrames(r);
    if (frames.length === 0) continue;
    const held = byPath.get(r.path) ?? { frames: new Set<number>(), shas: new Map<number, Set<string>>(), first: Infinity, last: -Infinity, ids: [] };
    for (const { frame, sha256 } of frames) {
      held.frames.add(frame);
      held.shas.set(frame, (held.shas.get(frame) ?? new Set<string>()).add(sha256));
      held.first = Math.min(held.first, frame);
      held.last = Math.max(held.last, frame);
    }
    held.ids.push(r.id);
    byPath.set(r.path, held);
  }
  return byPath;
}

function isNear(d: DismissedSequence, first: number, last: number): boolean {
  return first - d.last - 1 <= MAX_FRAME_GAP && d.first - last - 1 <= MAX_FRAME_GAP;
}

/**
 * The note a draft of late frames carries: which frames were dismissed, and which of its own frames a dismissed
 * draft held with other content (`hashes`: the frames' SHA-256), a re-render.
 */
export function dismissedNote(item: IngestItem, d: DismissedSequence, hashes: ReadonlyMap<string, string>): DismissedNote | undefined {
  if (item.kind !== 'sequence') return undefined;
  const { note, framesDismissed } = noteFor(item, d);
  const again = item.frames.filter((f) => d.frames.has(f.frame) && !d.shas.get(f.frame)?.has(hashes.get(f.path) ?? ''));
  const rerendered = again.length === 0 ? ''
    : ` ${again.length === 1 ? `Frame ${again[0]?.frame} was` : `${again.length} of these frames were`} in the dismissed draft with other content: a re-render.`;
  return { note: `${note}${rerendered}`, framesDismissed };
}

function noteFor(item: SequenceItem, d: DismissedSequence): DismissedNote {
  const { held: framesDismissed } = gapsBetween(item.frames, (f) => d.frames.has(f));
  const these = framesPhrase(item.frames.map((f) => f.frame));
  const dismissed = [...d.frames].sort((a, b) => a - b);
  const ids = [...d.ids].sort((a, b) => a - b).join(', ');
  const note = `${these.charAt(0).toUpperCase()}${these.slice(1)} of ${item.pattern}, whose ${framesPhrase(dismissed)} ` +
    `${dismissed.length === 1 ? 'was' : 'were'} dismissed (inbox ${d.ids.length === 1 ? 'item' : 'items'} ${ids}).`;
  return { note, framesDismissed };
}

/**
 * Frames that arrive after their sequence's draft was dismissed (a render node finishing late) are still frames of
 * that sequence: one or two of them would otherwise be drafted as lone files, so they become one sequence draft,
 * noted with the dismissed frames, which are not counted as missing. Items a logged sequence already continues
 * (`continued`) are left as they are: the log says more than a dismissal.
 */
export function joinDismissedSequences(rows: readonly InboxRow[], items: readonly IngestItem[], continued: ReadonlySet<IngestItem>): JoinedDismissed {
  const dismissed = dismissedSequences(rows);
  const dismissedOf = new Map<IngestItem, DismissedSequence>();
  if (dismissed.size === 0) return { items: [...items], dismissedOf };
  const near = (path: string, first: number, last: number) => {
    const d = dismissed.get(path);
    return d && isNear(d, first, last) ? d : undefined;
  };
  // Sequences at a dismissed draft's path: their frames the draft held are not missing.
  const sequences = items.map((item) => {
    const d = !continued.has(item) && item.kind === 'sequence' ? near(itemPath(item), item.first, item.last) : undefined;
    if (!d || item.kind !== 'sequence') return item;
    const noted: IngestItem = { ...item, missingFrames: item.missingFrames.filter((f) => !d.frames.has(f)) };
    dismissedOf.set(noted, d);
    return noted;
  });
  const { items: joined, gathered } = gatherLoneFrames(
    sequences,
    (_, frame) => frame.sequencePaths.find((p) => near(p, frame.frame, frame.frame) && mayTakeFrame(frame, p, (n) => dismissed.get(p)?.frames.has(n) === true)),
    (sequence, frame) => dismissed.get(sequence)?.frames.has(frame) === true,
  );
  for (const [item, sequence] of gathered) dismissedOf.set(item, dismissed.get(sequence) as DismissedSequence);
  return { items: joined, dismissedOf };
}

/**
 * A late-frames item without the frames the dismissed draft held with the same content (touched, or copied back):
 * a dismissal is about content, so they are not offered again. Null when every frame is such a frame.
 */
export function withoutDismissedFrames(item: IngestItem, d: DismissedSequence, hashes: ReadonlyMap<string, string>): IngestItem | null {
  if (item.kind !== 'sequence') return item;
  const rest = item.frames.filter((f) => !d.shas.get(f.frame)?.has(hashes.get(f.path) ?? ''));
  if (rest.length === item.frames.length) return item;
  const first = rest[0];
  const last = rest[rest.length - 1];
  if (!first || !last) return null;
  const { missing: missingFrames } = gapsBetween(rest, (f) => d.frames.has(f));
  return { ...item, frames: rest, first: first.frame, last: last.frame, missingFrames };
}
