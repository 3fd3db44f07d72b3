import { basename } from 'node:path';

/**
 * SQLite's own words for a database file it cannot use ("file is not a database", "attempt to write a readonly
 * database") name neither the file nor what to do. These say both. Null for anything else, whose message stands.
 */
export function describeDbError(error: unknown, path: string): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  const message = (error as Error).message;
  if (code === 'SQLITE_NOTADB') {
    return `${path} is not a GenLog database: it is not an SQLite file at all (${message}). Check the --db path or GENLOG_DB; the file was left as it is.`;
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return `The database ${path} is damaged (${message}). Nothing was written to it. Restore the latest backup of it, or run ` +
      '`sqlite3 FILE "PRAGMA integrity_check"` to see what is wrong.';
  }
  if (code.startsWith('SQLITE_READONLY')) {
    const name = basename(path);
    return `Cannot write to the database ${path}: the file or its folder is read-only (${message}). GenLog writes the file ` +
      `and keeps ${name}-wal and ${name}-shm beside it while it is open; make both writable, or copy the database somewhere they are.`;
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return `Cannot open the database ${path} (${message}): GenLog needs to read and write the file and to create files beside it in its folder. ` +
      'A database on read-only media (a delivered drive, a read-only share) opens once copied to a writable folder.';
  }
  if (isBusyCode(code)) {
    return `The database ${path} is busy: another program (another GenLog, a backup or sync tool) held its write lock for longer ` +
      `than the 5 s GenLog waits (${message}). Try again once that program is done.`;
  }
  if (code === 'SQLITE_FULL') return `The disk holding the database ${path} is full (${message}). Nothing of the change was kept; free some space and try again.`;
  if (code.startsWith('SQLITE_IOERR')) return `The database ${path} could not be read or written (${message}): check the disk or network share it is on.`;
  return null;
}

function isBusyCode(code: unknown): boolean {
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_TIMEOUT';
}

/** Whether the error, or one it was caused by, is SQLite's "database is locked": another connection holds the write lock. */
export function isBusyError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth += 1) {
    if (isBusyCode((e as { code?: unknown }).code)) return true;
  }
  return false;
}
