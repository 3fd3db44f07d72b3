import { open, type FileHandle } from 'node:fs/promises';

const WINDOW_BYTES = 128 * 1024;

/**
 * Random-access reads of small pieces of a file (chunk headers, metadata segments) without loading it. Reads near
 * each other are served from one 128 KB window, so walking a PNG's chunk headers costs a handful of reads.
 */
export class FileWindow {
  private windowStart = 0;
  private window: Buffer = Buffer.alloc(0);

  private constructor(
    private readonly handle: FileHandle,
    readonly size: number,
  ) {}

  static async open(path: string): Promise<FileWindow> {
    const handle = await open(path, 'r');
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) throw new Error('it is not a regular file');
      return new FileWindow(handle, stats.size);
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
    if (end - position > WINDOW_BYTES) return this.readDirect(position, end - position);
    // A fresh buffer per window keeps earlier returned views valid.
    this.window = await this.readDirect(position, Math.min(WINDOW_BYTES, this.size - position));
    this.windowStart = position;
    return this.window.subarray(0, end - position);
  }

  /** Reads a stretch the caller will walk through (like a file's tail) and keeps it as the window. */
  async readAndKeep(position: number, length: number): Promise<Buffer> {
    this.window = await this.readDirect(position, Math.max(0, Math.min(length, this.size - position)));
    this.windowStart = position;
    return this.window;
  }

  /** Reads into a buffer that owns its memory (safe to transfer to a worker thread). */
  async readOwned(position: number, length: number): Promise<Uint8Array> {
    // Not zero-filled: every byte returned is read from the file (a short read is cut off below). Its own memory, not
    // the shared pool, so it can be moved to the parser thread.
    const bytes = Buffer.allocUnsafeSlow(Math.max(0, Math.min(length, this.size - position)));
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await this.handle.read(bytes, filled, bytes.length - filled, position + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === bytes.length ? bytes : bytes.subarray(0, filled);
  }

  private async readDirect(position: number, length: number): Promise<Buffer> {
    const owned = await this.readOwned(position, length);
    return Buffer.from(owned.buffer, owned.byteOffset, owned.byteLength);
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
