/**
 * The first and last bytes of a file, kept by the hashing worker while it reads the file anyway, so that reading
 * the file's metadata (which sits at its start and end in every format GenLog reads) needs no second open and read.
 */
export interface FileEnds {
  /** Size of the file these bytes were read from. */
  size: number;
  /** Bytes from the start of the file. */
  head: Uint8Array;
  /** Where `tail` starts in the file; `tail` runs to the end. */
  tailStart: number;
  tail: Uint8Array;
  /**
   * Call once the bytes have been read (nothing may keep a view of them): they may sit in memory the hashing worker
   * reuses for the next file. Kept ends that are never released only cost that reuse.
   */
  release?: () => void;
}

/**
 * Head and tail sizes. Metadata chunks of generated images (A1111 settings, ComfyUI graphs, XMP, EXIF, C2PA
 * manifests up to a few dozen KB) fit in the head; in a file over 160 KB the tail holds at least one full 64 KiB
 * image-data chunk (as PIL writes them) before IEND, which is what the PNG reader looks for. Anything else is read
 * from the file.
 */
export const FILE_HEAD_BYTES = 64 * 1024;
export const FILE_TAIL_BYTES = 96 * 1024;

/**
 * Files per hashing worker whose ends can wait on the main thread at once in shared memory: reading them all
 * into fresh buffers (160 KB a file) made V8 collect garbage several times per thousand files.
 */
export const FILE_ENDS_SLOTS = 64;
