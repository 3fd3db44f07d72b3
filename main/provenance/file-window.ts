import { open, type FileHandle } from 'node:fs/promises';
import type { FileEnds } from '../ingest/file-ends';

const WINDOW_BYTES = 128 * 1024;

/**
 * Random-access reads of small pieces of a file (chunk headers, metadata segments) without loading it. Reads near
 * each other are served from one 128 KB window, so walking a PNG's chunk headers costs a handful of reads. Made
 * from the bytes the hashing worker kept (fromEnds), reads inside them touch no file at all: during an ingest most
 * files are never opened a second time.
 */
export class FileWindow {
  private windowStart = 0;
  private window: Buffer = Buffer.alloc(0);
  private opening: Promise<FileHandle> | null;

  private constructor(
    private readonly path: string,
    handle: FileHandle | null,
    readonly size: number,
    private readonly ends: FileEnds | null,
  ) {
    this.opening = handle ? Promise.resolve(handle) : null;
  }

  /** Reads within `ends` come from memory; the file is opened only when a read falls outside them. */
  static fromEnds(path: string, ends: FileEnds): FileWindow {
    return new FileWindow(path, null, ends.size, ends);
  }

  static async open(path: string): Promise<FileWindow> {
    const handle = await open(path, 'r');
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) throw new Error('it is not a regular file');
      return new FileWindow(path, handle, stats.size, null);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Up to `length` bytes at `position`; fewer only when the file ends first. */
  async read(position: number, length: number): Promise<Buffer> {
    const end = Math.min(position + length, this.size);
    if (end <= position) return Buffer.alloc(0);
    const windowEnd = this.windowStart + this.window.length;
    if (position >= this.windowStart && end <= windowEnd) {
      return this.window.subarray(position - this.windowStart, end - this.windowStart);
    }
    const known = this.known(position, end);
    if (known) return known;
    if (end - position > WINDOW_BYTES) return this.readDirect(position, end - position);
    // A fresh buffer per window keeps earlier returned views valid.
    this.window = await this.readDirect(position, Math.min(WINDOW_BYTES, this.size - position));
    this.windowStart = position;
    return this.window.subarray(0, end - position);
  }

  /** Reads a stretch the caller will walk through (like a file's tail) and keeps it as the window. */
  async readAndKeep(position: number, length: number): Promise<Buffer> {
    const end = position + Math.max(0, Math.min(length, this.size - position));
    this.window = this.known(position, end) ?? (await this.readDirect(position, end - position));
    this.windowStart = position;
    return this.window;
  }

  /** Reads into a buffer that owns its memory (safe to transfer to a worker thread). */
  async readOwned(position: number, length: number): Promise<Uint8Array> {
    const end = position + Math.max(0, Math.min(length, this.size - position));
    const known = this.known(position, end);
    if (known) return new Uint8Array(known); // a copy: the kept bytes stay whole if this one is moved
    // Not zero-filled: every byte returned is read from the file (a short read is cut off below). Its own memory, not
    // the shared pool, so it can be moved to the parser thread.
    const bytes = Buffer.allocUnsafeSlow(end - position);
    const handle = await this.handle();
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, position + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === bytes.length ? bytes : bytes.subarray(0, filled);
  }

  private async readDirect(position: number, length: number): Promise<Buffer> {
    const owned = await this.readOwned(position, length);
    return Buffer.from(owned.buffer, owned.byteOffset, owned.byteLength);
  }

  /** The kept bytes of [position, end): a view within the head or the tail, or a copy across both when they meet. */
  private known(position: number, end: number): Buffer | null {
    const ends = this.ends;
    if (!ends) return null;
    const within = (bytes: Uint8Array, start: number) =>
      position >= start && end <= start + bytes.length ? Buffer.from(bytes.buffer, bytes.byteOffset + position - start, end - position) : null;
    const view = within(ends.head, 0) ?? within(ends.tail, ends.tailStart);
    if (view || ends.tailStart > ends.head.length || position >= ends.tailStart || end <= ends.head.length) return view;
    // A small file is all kept, as a head and a tail that overlap or touch: a read across the seam joins the two.
    const fromHead = Buffer.from(ends.head.buffer, ends.head.byteOffset + position, ends.tailStart - position);
    const fromTail = Buffer.from(ends.tail.buffer, ends.tail.byteOffset, Math.min(end, ends.tailStart + ends.tail.length) - ends.tailStart);
    return end <= ends.tailStart + ends.tail.length ? Buffer.concat([fromHead, fromTail]) : null;
  }

  private handle(): Promise<FileHandle> {
    this.opening ??= open(this.path, 'r');
    return this.opening;
  }

  async close(): Promise<void> {
    const opening = this.opening;
    this.opening = null;
    if (opening) await (await opening.catch(() => null))?.close();
  }
}
