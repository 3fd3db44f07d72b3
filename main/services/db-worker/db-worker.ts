import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OpenOptions } from '../../../db/connection';
import type { SqlRunner } from '../../../db/sql-runner';
import { DB_WORKER_SOURCE } from './db-worker-source';

export interface DbWorker extends SqlRunner {
  /** Several statements, none returning rows (BEGIN, ATTACH, a script). */
  exec(sql: string): Promise<void>;
  /** SQLite's online backup of this connection's database to a new file `dest`. */
  backup(dest: string): Promise<void>;
  /** Stops the thread at once: a transaction it holds is rolled back, as after a crash. */
  terminate(): Promise<void>;
  close(): Promise<void>;
}

function betterSqlitePath(): string {
  // A CommonJS bundle has no import.meta.url; resolving from the working directory still finds node_modules there.
  const base = typeof import.meta.url === 'string' ? import.meta.url : pathToFileURL(path.join(process.cwd(), 'index.js')).href;
  return createRequire(base).resolve('better-sqlite3');
}

/**
 * A connection to the database file at `file` on a thread of its own: a check of a large log takes tens of seconds
 * (30 s for a million assets), which on the desktop app's main process would stop every window and the watch folders.
 */
export function openDbWorker(file: string, options: OpenOptions = {}): DbWorker {
  const worker = new Worker(DB_WORKER_SOURCE, {
    eval: true,
    workerData: { path: file, betterSqlitePath: betterSqlitePath(), nativeBinding: options.nativeBinding },
  });
  let next = 1;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let broken: Error | null = null;
  const failAll = (error: Error) => {
    broken = error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on('message', (m: { id: number; ok: boolean; value?: unknown; message?: string; code?: string }) => {
    if (m.id === 0 && !m.ok) return failAll(Object.assign(new Error(m.message), { code: m.code }));
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.ok) w?.resolve(m.value);
    else w?.reject(Object.assign(new Error(m.message), { code: m.code }));
  });
  worker.on('error', (error) => failAll(error));
  let gone = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => {
    gone = true;
    failAll(broken ?? new Error('the database thread stopped'));
    resolve();
  }));
  const send = (kind: string, sql: string, params?: unknown[], dest?: string) => new Promise<unknown>((resolve, reject) => {
    if (broken) return reject(broken);
    const id = next++;
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, kind, sql, params, dest });
  });
  return {
    pragma: (sql) => send('pragma', sql) as Promise<unknown[]>,
    all: (sql, params) => send('all', sql, params) as Promise<unknown[]>,
    run: async (sql, params) => {
      await send('run', sql, params);
    },
    exec: async (sql) => {
      await send('exec', sql);
    },
    backup: async (dest) => {
      await send('backup', '', undefined, dest);
    },
    async terminate() {
      await worker.terminate();
    },
    async close() {
      if (gone) return;
      // Closed by the thread itself, so SQLite finishes with the file before the thread goes.
      if (!broken) worker.postMessage({ kind: 'close' });
      else await worker.terminate();
      await exited;
    },
  };
}
