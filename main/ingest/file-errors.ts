/** Why a file could not be read, in words a user understands, keyed by the Node error code. */
const REASON_BY_CODE: Record<string, string> = {
  ENOENT: 'it does not exist',
  ENOTDIR: 'a folder in its path is not a folder',
  EISDIR: 'it is a folder, not a file',
  ENOTFILE: 'it is not a regular file (device, pipe or socket)',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EIO: 'the disk reported an input/output error',
  EBUSY: 'the file is locked by another program',
  ELOOP: 'it is a symbolic link that leads back to itself (a loop of links)',
  ENAMETOOLONG: 'the path is too long',
};

/** Codes that say the process, not the file, is in trouble: every file would fail the same way. */
const PROCESS_LIMITS = new Set(['EMFILE', 'ENFILE', 'ENOMEM']);

/** Whether a read error is this file's own (permission, gone, changed, bad sector), not the process's (no file handles left). */
export function isAboutOneFile(error: FileReadError): boolean {
  return error.code === undefined || !PROCESS_LIMITS.has(error.code);
}

/** Error thrown when a file cannot be hashed; `path` names the file and `code` keeps the system code. */
export class FileReadError extends Error {
  constructor(
    readonly path: string,
    readonly code: string | undefined,
    /** The reason alone, e.g. "permission denied". */
    readonly reason: string,
  ) {
    super(`Cannot read "${path}": ${reason}`);
    this.name = 'FileReadError';
  }
}

/** One error naming every path given that cannot be read: the first alone as it is, several in a list. */
export function unreadablePathsError(problems: readonly FileReadError[]): Error {
  const [first] = problems;
  if (problems.length === 1 && first) return first;
  return new Error(`Cannot read ${problems.length} of the paths named:\n${problems.map((p) => `  ${p.path}: ${p.reason}`).join('\n')}`);
}

/** Error thrown when hashing is cancelled through an AbortSignal. */
export class HashCancelledError extends Error {
  constructor(
    readonly path: string,
    /** How many bytes had been read when reading stopped. */
    readonly bytesRead: number,
  ) {
    super(`Hashing "${path}" was cancelled`);
    this.name = 'AbortError';
  }
}

/** Turns a low-level fs error (or its {code, message} copy sent from a worker) into a FileReadError naming the file. */
export function fileReadError(path: string, error: unknown): FileReadError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  const message = error instanceof Error ? error.message : typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
  const reason = code === 'ENOENT' && isUndecodableName(path) ? UNDECODABLE_NAME : (code && REASON_BY_CODE[code]) ?? message;
  return new FileReadError(path, code, reason);
}

/**
 * A name that is not valid UTF-8 (written on a Latin-1 system or share) reaches GenLog with U+FFFD where its bytes
 * could not be decoded, and no file has that name: "it does not exist" would send the user looking for nothing.
 */
const UNDECODABLE_NAME = 'its name is not valid UTF-8 text (� marks the bytes that are not), so it cannot be opened by name: rename it';

function isUndecodableName(path: string): boolean {
  return path.includes('\uFFFD');
}

/** Error thrown when a whole batch is cancelled; name "AbortError" like the platform's own aborts. */
export class IngestCancelledError extends Error {
  constructor(filesTotal: number) {
    super(`Hashing was cancelled before all ${filesTotal} file${filesTotal === 1 ? '' : 's'} were read`);
    this.name = 'AbortError';
  }
}
