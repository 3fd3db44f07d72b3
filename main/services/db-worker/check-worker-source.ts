/**
 * Source of the thread that checks a database file, run with `new Worker(CHECK_WORKER_SOURCE, { eval: true })` (an
 * eval worker needs no file path, so it runs from TypeScript sources under vitest and from the bundle alike).
 *
 * It opens its own connection to `workerData.path` and runs the statements it is sent, one at a time; the checks
 * themselves are written once, in db/maintenance.ts, and run on the main thread's side of the messages.
 *
 * Messages in:  { id, kind: 'pragma' | 'all' | 'run' | 'close', sql, params }
 * Messages out: { id, ok: true, value }  |  { id, ok: false, message, code }
 */
export const CHECK_WORKER_SOURCE = String.raw`
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
parentPort.on('message', (m) => {
  if (m.kind === 'close') {
    if (db) db.close();
    db = undefined;
    parentPort.close();
    return;
  }
  try {
    if (!db) throw new Error('the database could not be opened');
    let value;
    if (m.kind === 'pragma') value = db.pragma(m.sql);
    else if (m.kind === 'all') value = db.prepare(m.sql).all(...(m.params || []));
    else db.prepare(m.sql).run();
    parentPort.postMessage({ id: m.id, ok: true, value });
  } catch (error) {
    parentPort.postMessage({ id: m.id, ok: false, message: String(error && error.message || error), code: error && error.code });
  }
});
`;
