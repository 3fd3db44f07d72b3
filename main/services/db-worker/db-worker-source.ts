/**
 * Source of a thread holding its own connection to one database file, run with `new Worker(DB_WORKER_SOURCE,
 * { eval: true })` (an eval worker needs no file path, so it runs from TypeScript sources under vitest and from the
 * bundle alike). Long work on a large log (its check, a restore) runs here so the desktop app's main process keeps
 * answering; what to run is decided on the main thread's side (db/maintenance.ts, services/database-restore.ts).
 *
 * Messages in:  { id, kind: 'pragma' | 'all' | 'run' | 'exec', sql, params }  |  { id, kind: 'backup', dest }  |  { kind: 'close' }
 * Messages out: { id, ok: true, value }  |  { id, ok: false, message, code }   (id 0: the file could not be opened)
 */
export const DB_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.betterSqlitePath);
let db;
try {
  db = new Database(workerData.path, { fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  db.pragma('busy_timeout = 5000');
} catch (error) {
  parentPort.postMessage({ id: 0, ok: false, message: String(error && error.message || error), code: error && error.code });
}
const failed = (id, error) => parentPort.postMessage({ id, ok: false, message: String(error && error.message || error), code: error && error.code });
parentPort.on('message', (m) => {
  if (m.kind === 'close') {
    if (db) db.close();
    db = undefined;
    parentPort.close();
    return;
  }
  try {
    if (!db) throw new Error('the database could not be opened');
    if (m.kind === 'backup') {
      db.backup(m.dest).then(() => parentPort.postMessage({ id: m.id, ok: true, value: null }), (error) => failed(m.id, error));
      return;
    }
    let value = null;
    if (m.kind === 'pragma') value = db.pragma(m.sql);
    else if (m.kind === 'all') value = db.prepare(m.sql).all(...(m.params || []));
    else if (m.kind === 'exec') db.exec(m.sql);
    else db.prepare(m.sql).run(...(m.params || []));
    parentPort.postMessage({ id: m.id, ok: true, value });
  } catch (error) {
    failed(m.id, error);
  }
});
`;
