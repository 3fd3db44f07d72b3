import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { mediaTypeOf } from './media-type';

export interface SequenceFrame {
  frame: number;
  path: string;
}

export type IngestItem =
  | { kind: 'file'; path: string }
  | {
      kind: 'sequence';
      directory: string;
      /** File name with the frame number written as one '#' per padded digit, e.g. "shot_v001.####.exr". */
      pattern: string;
      first: number;
      last: number;
      /** Frames present on disk, in frame order. */
      frames: SequenceFrame[];
      /** Frame numbers between first and last with no file. */
      missingFrames: number[];
    };

/** Every file of an item: the file, or the frames of a sequence in frame order. */
export function itemPaths(item: IngestItem): string[] {
  return item.kind === 'file' ? [item.path] : item.frames.map((f) => f.path);
}

/** Fewer numbered files than this with the same name around the number stay separate files. */
export const MIN_SEQUENCE_FRAMES = 3;
/** A hole of more frames than this is more likely two renders than lost frames, so the sequence is split there. */
export const MAX_FRAME_GAP = 1000;
/** Whether two frame numbers are close enough to be one render: no hole of more than MAX_FRAME_GAP between them. */
export function withinFrameGap(a: number, b: number): boolean {
  return Math.abs(a - b) - 1 <= MAX_FRAME_GAP;
}

/** Longer digit runs are timestamps, seeds or ids, not frame numbers. */
const MAX_FRAME_DIGITS = 9;

/**
 * Still-image formats generators deliver. Numbered without zero padding after "_", "-" or a space (Firefly_1.jpg,
 * image-2.png) these are variations of one prompt, each with its own prompt and seed, not frames: grouped, all but
 * the first would lose what they say. Frames in these formats are padded (comp.0001.png), dot-separated
 * (render.1.png) or numbered like frames (plate_1001.png).
 */
const STILL_FORMATS = new Set(['.png', '.jpg', '.jpeg', '.webp', '.gif', '.heic', '.heif', '.avif', '.bmp']);
const MIN_UNPADDED_FRAME_DIGITS = 3;
/** Generators make a handful of variations per prompt; more numbered stills than this are frames (ffmpeg's frame_%d.png). */
const MAX_VARIATIONS = 16;

/**
 * prefix (ends with a non-digit or is empty) + frame digits + extension (".exr").
 * The frame is the last run of digits right before the extension.
 */
const NUMBERED_NAME = /^(.*\D)?(\d+)(\.[^.\d][^.]*)$/;

interface NumberedFile {
  path: string;
  directory: string;
  prefix: string;
  digits: string;
  extension: string;
  order: number;
}

/** Groups numbered frames (shot.1001.exr, shot_1001.exr, shot1001.exr, 0001.png) into sequences; the rest stay files. */
export interface GroupOptions {
  /**
   * Which of two files at one frame number, spelled otherwise (m.0001.png, m.0001.PNG), stays with the sequence: one
   * already logged or drafted, so a newcomer does not break up what was logged. Default: the first in `paths`.
   */
  keep?: (path: string) => boolean;
}

export function groupSequences(paths: string[], options: GroupOptions = {}): IngestItem[] {
  const placed: { order: number; item: IngestItem }[] = [];
  const buckets = new Map<string, NumberedFile[]>();
  const seen = new Set<string>();

  paths.forEach((path, order) => {
    if (seen.has(path)) return;
    seen.add(path);
    const numbered = parseNumberedFile(path, order);
    if (!numbered) {
      placed.push({ order, item: { kind: 'file', path } });
      return;
    }
    // Extensions compared ignoring case: a render can come back with frames written .png by one node, .PNG by another.
    const key = [numbered.directory, numbered.prefix, numbered.extension.toLowerCase()].join('\0');
    const bucket = buckets.get(key) ?? [];
    bucket.push(numbered);
    buckets.set(key, bucket);
  });

  for (const bucket of [...buckets.values()].flatMap((b) => apartWhenFramesRepeat(b, options.keep))) {
    for (const [width, members] of splitByPadding(bucket)) {
      if (areVariations(members)) placed.push(...members.map((file) => ({ order: file.order, item: { kind: 'file' as const, path: file.path } })));
      else for (const run of splitAtLargeGaps(members)) placed.push(...toItems(run, width));
    }
  }
  return placed.sort((a, b) => a.order - b.order).map(({ item }) => item);
}

/**
 * Files whose names differ only in the case of the extension are one sequence (see groupSequences). Two files at one
 * frame number (m.0001.png beside m.0001.PNG) cannot both be in it: the one `keep` names (else the first) stays, and
 * the others are grouped apart, by their spelling, as a second render.
 */
function apartWhenFramesRepeat(bucket: NumberedFile[], keep?: (path: string) => boolean): NumberedFile[][] {
  const byFrame = new Map<string, NumberedFile[]>();
  for (const file of bucket) byFrame.set(file.digits, [...(byFrame.get(file.digits) ?? []), file]);
  if (byFrame.size === bucket.length) return [bucket];
  const main: NumberedFile[] = [];
  const apart = new Map<string, NumberedFile[]>();
  for (const files of byFrame.values()) {
    const stays = files.find((f) => keep?.(f.path)) ?? (files[0] as NumberedFile);
    main.push(stays);
    for (const f of files) if (f !== stays) apart.set(f.extension, [...(apart.get(f.extension) ?? []), f]);
  }
  return [main, ...apart.values()];
}

/**
 * A file named like a frame (shot_v001.1011.exr): the paths its sequence may be logged under, most likely first,
 * and its frame number. A padded number fits one width; an unpadded one (frame_21.png) also fits every narrower
 * width, as an unpadded sequence takes its shortest number's width (frame_1 … frame_20 is frame_#.png). Each width
 * comes with the extension as written, then in lower and in upper case: a sequence is logged under its first frame's
 * spelling, and later frames may spell it otherwise.
 */
export function frameOfFile(path: string): FrameOfFile | undefined {
  const numbered = parseNumberedFile(path, 0);
  if (!numbered) return undefined;
  const { digits, extension } = numbered;
  const widths = isPadded(digits) ? [digits.length] : Array.from({ length: digits.length }, (_, i) => digits.length - i);
  const spellings = [...new Set([extension, extension.toLowerCase(), extension.toUpperCase()])];
  const at = (w: number, ext: string) => join(numbered.directory, `${numbered.prefix}${'#'.repeat(w)}${ext}`);
  const sequencePaths = widths.flatMap((w) => spellings.map((ext) => at(w, ext)));
  const otherSpellings = new Set(widths.flatMap((w) => spellings.slice(1).map((ext) => at(w, ext))));
  return { sequencePaths, otherSpellings, frame: Number(digits) };
}

export interface FrameOfFile {
  sequencePaths: string[];
  /** The paths among sequencePaths that spell the extension otherwise than the file does. */
  otherSpellings: ReadonlySet<string>;
  frame: number;
}

/**
 * Whether the sequence at `path` may take this frame: under the file's own spelling always (a re-render writes the
 * same name), under another spelling only when the sequence holds no frame of that number (m.0001.PNG beside
 * m.0001.png is a second file, not a new version of it).
 */
export function mayTakeFrame(frame: FrameOfFile, path: string, holds: (frame: number) => boolean): boolean {
  return mayTakeFrames(frame.otherSpellings, path, [frame.frame], holds);
}

/** mayTakeFrame for several frames of one spelling (a run of late frames): none may be one the sequence holds. */
export function mayTakeFrames(otherSpellings: ReadonlySet<string>, path: string, frames: readonly number[], holds: (frame: number) => boolean): boolean {
  return !otherSpellings.has(path) || !frames.some(holds);
}

function parseNumberedFile(path: string, order: number): NumberedFile | undefined {
  const name = basename(path);
  if (!['image', '3d'].includes(mediaTypeOf(name))) return undefined;
  const match = NUMBERED_NAME.exec(name);
  if (!match) return undefined;
  const [, written = '', unsigned = '', extension = ''] = match;
  if (unsigned.length > MAX_FRAME_DIGITS) return undefined;
  // A minus right after the dot before the frame is its sign (a simulation's pre-roll: shot.-003.exr, as "%04d" writes
  // -3); elsewhere it is part of the name (bg-00001.tif, an exposure bracket hdr_-2.exr). "-000" is no frame of its
  // own: it would be frame 0 twice beside "0000".
  const signed = /(^|\.)-$/.test(written) && Number(unsigned) !== 0;
  const prefix = signed ? written.slice(0, -1) : written;
  const digits = signed ? `-${unsigned}` : unsigned;
  // "_v001", "v2": a version number, never a frame.
  if (/[vV]$/.test(prefix)) return undefined;
  return { path, directory: dirname(path), prefix, digits, extension, order };
}

/** "0042" and "-003" are zero-padded (the sign counts in the width, as printf's "%04d" writes it); "42" and "-3" are not. */
function isPadded(digits: string): boolean {
  return /^-?0\d/.test(digits);
}

/**
 * Splits files that share prefix and extension by zero padding. "0998" can only be a 4-padded frame. "1001" has no
 * leading zero: it joins the 4-padded group if there is one, or a narrower padded group that ran up to its limit
 * (0998, 0999, 1000 in "###": numbers outgrow their padding), else a group of its own length. With no padded
 * number at all (1, 2, ... 12) everything is one group as wide as its shortest number.
 */
function splitByPadding(files: NumberedFile[]): Map<number, NumberedFile[]> {
  const groups = new Map<number, NumberedFile[]>();
  // Pushed, not copied: copying the group for every frame took 17 s for a render of 50,000 frames.
  const add = (width: number, file: NumberedFile) => {
    const group = groups.get(width);
    if (group) group.push(file);
    else groups.set(width, [file]);
  };
  for (const file of files.filter((f) => isPadded(f.digits))) add(file.digits.length, file);
  const free = files.filter((file) => !isPadded(file.digits));
  if (groups.size === 0) {
    const shortest = free.reduce((min, file) => Math.min(min, file.digits.length), Infinity);
    for (const file of free) add(shortest, file);
    return groups;
  }
  // Unpadded numbers as wide as a padded group belong to it (10000 beside 09999) before asking whether the group ran
  // to its limit: a render 00001 … 100000 has no padded number above 09999, yet runs on into six digits.
  const paddedWidths = new Set(groups.keys());
  const otherWidths: NumberedFile[] = [];
  for (const file of free) {
    if (paddedWidths.has(file.digits.length)) add(file.digits.length, file);
    else otherWidths.push(file);
  }
  const ranToLimit = [...groups]
    .filter(([width, members]) => members.reduce((max, file) => Math.max(max, Number(file.digits)), -Infinity) >= 0.9 * 10 ** width)
    .map(([width]) => width);
  for (const file of otherWidths) {
    const length = file.digits.length;
    const outgrown = ranToLimit.filter((width) => width < length);
    add(outgrown.length === 0 ? length : Math.max(...outgrown), file);
  }
  return groups;
}

/**
 * A numbered file that, among others like it, would read as a generated variation (Firefly_3.png): a still format,
 * numbered without padding in fewer than MIN_UNPADDED_FRAME_DIGITS digits after "_", "-" or a space.
 */
export function looksLikeVariation(path: string): boolean {
  const file = parseNumberedFile(path, 0);
  return file !== undefined && areVariations([file]);
}

/** Numbered stills that read as generated variations, not frames (see STILL_FORMATS). */
function areVariations(files: NumberedFile[]): boolean {
  const [sample] = files;
  if (!sample || !STILL_FORMATS.has(sample.extension.toLowerCase()) || !/[_\- ]$/.test(sample.prefix)) return false;
  if (files.length > MAX_VARIATIONS) return false;
  const padded = files.some((file) => isPadded(file.digits));
  return !padded && Math.min(...files.map((file) => file.digits.length)) < MIN_UNPADDED_FRAME_DIGITS;
}

function splitAtLargeGaps(files: NumberedFile[]): NumberedFile[][] {
  const sorted = [...files].sort((a, b) => Number(a.digits) - Number(b.digits));
  const runs: NumberedFile[][] = [];
  let previous: number | undefined;
  for (const file of sorted) {
    const frame = Number(file.digits);
    if (previous === undefined || frame - previous - 1 > MAX_FRAME_GAP) runs.push([]);
    runs[runs.length - 1]?.push(file);
    previous = frame;
  }
  return runs;
}

function toItems(run: NumberedFile[], width: number): { order: number; item: IngestItem }[] {
  const firstFile = run[0];
  const lastFile = run[run.length - 1];
  if (run.length < MIN_SEQUENCE_FRAMES || !firstFile || !lastFile) {
    return run.map((file) => ({ order: file.order, item: { kind: 'file', path: file.path } }));
  }
  const frames = run.map((file) => ({ frame: Number(file.digits), path: file.path }));
  const present = new Set(frames.map(({ frame }) => frame));
  const first = Number(firstFile.digits);
  const last = Number(lastFile.digits);
  const missingFrames: number[] = [];
  for (let frame = first + 1; frame < last; frame++) if (!present.has(frame)) missingFrames.push(frame);
  const item: IngestItem = {
    kind: 'sequence',
    directory: firstFile.directory,
    pattern: `${firstFile.prefix}${'#'.repeat(width)}${firstFile.extension}`,
    first,
    last,
    frames,
    missingFrames,
  };
  // Not Math.min(...): a render of a few hundred thousand frames would overflow the call stack.
  return [{ order: run.reduce((min, file) => Math.min(min, file.order), Infinity), item }];
}

/** Items of one run that hold the same frame numbers of the same name, written differently (other padding or case). */
export interface SameFrames {
  /** The two items: files, or sequences by their pattern (/renders/shot.####.exr). */
  paths: [string, string];
  /** The frame numbers both hold, in order. */
  frames: number[];
}

/**
 * Pairs of items numbering the same frames of the same name (shot.####.exr beside shot.#####.exr, or m.0001.png
 * beside m.0001.PNG): grouping keeps them apart, as two renders, but a person should know one frame is there twice.
 */
export function framesNumberedTwice(items: readonly IngestItem[]): SameFrames[] {
  const groups = new Map<string, { path: string; frames: number[] }[]>();
  for (const item of items) {
    const lead = parseNumberedFile(item.kind === 'file' ? item.path : (item.frames[0] as SequenceFrame).path, 0);
    if (!lead) continue;
    const key = [lead.directory, lead.prefix, lead.extension.toLowerCase()].join('\0');
    const frames = item.kind === 'file' ? [Number(lead.digits)] : item.frames.map((f) => f.frame);
    const group = groups.get(key) ?? [];
    group.push({ path: item.kind === 'file' ? item.path : sequencePath(item), frames });
    groups.set(key, group);
  }
  const found: SameFrames[] = [];
  for (const group of groups.values()) {
    for (let a = 0; a < group.length; a++) {
      const one = group[a] as { path: string; frames: number[] };
      const held = new Set(one.frames);
      for (let b = a + 1; b < group.length; b++) {
        const other = group[b] as { path: string; frames: number[] };
        const both = other.frames.filter((f) => held.has(f));
        if (both.length === 0) continue;
        // The longer first (a sequence before a stray frame), then by name: the same folder always reads the same.
        const [x, y] = one.frames.length > other.frames.length || (one.frames.length === other.frames.length && one.path <= other.path) ? [one, other] : [other, one];
        found.push({ paths: [x.path, y.path], frames: both.sort((m, n) => m - n) });
      }
    }
  }
  return found;
}

/** Path of a sequence written with its '#' pattern, e.g. "/renders/shot_v001.####.exr". */
export function sequencePath(item: Extract<IngestItem, { kind: 'sequence' }>): string {
  return join(item.directory, item.pattern);
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * The hash that identifies a whole sequence. Reproducible by anyone with the frames:
 *
 *   sequenceHash = SHA-256( hex(frame_1) + "\n" + hex(frame_2) + "\n" + ... + hex(frame_n) )
 *
 * where hex(frame_i) is the lower-case hex SHA-256 of frame i's bytes, frames in ascending frame number, joined by
 * a single line feed, with no trailing line feed; the result is lower-case hex. In a shell, naming the frames in
 * frame order:  sha256sum shot.1001.exr shot.1002.exr shot.1003.exr | cut -c1-64 | head -c -1 | sha256sum
 */
export function sequenceHash(frameHashes: string[]): string {
  if (frameHashes.length === 0) throw new Error('A sequence hash needs at least one frame hash');
  frameHashes.forEach((hash, index) => {
    if (!SHA256_HEX.test(hash)) throw new Error(`Frame hash #${index + 1} is not a lower-case hex SHA-256: "${hash}"`);
  });
  return createHash('sha256').update(frameHashes.join('\n')).digest('hex');
}
