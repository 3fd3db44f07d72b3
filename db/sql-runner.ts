import type { Db } from './connection';

/**
 * Runs the statements of a long read (the log's integrity check) on some connection: the process's own (`dbRunner`),
 * or one on a worker thread, so that checking a large log does not stop the desktop app's main process.
 */
export interface SqlRunner {
  /** A pragma's rows. */
  pragma(sql: string): Promise<unknown[]>;
  all(sql: string, params?: unknown[]): Promise<unknown[]>;
  run(sql: string, params?: unknown[]): Promise<void>;
}

/** A runner on a connection of this thread. */
export function dbRunner(db: Db): SqlRunner {
  return {
    pragma: (sql) => Promise.resolve(db.pragma(sql) as unknown[]),
    all: (sql, params = []) => Promise.resolve(db.prepare(sql).all(...params)),
    run: async (sql, params = []) => {
      db.prepare(sql).run(...params);
    },
  };
}
