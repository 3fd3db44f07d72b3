import type { Db } from './connection';
import { stmt } from './statements';

/**
 * A value that differs after any commit to the database, by this connection (total_changes) or by another process
 * sharing the file (data_version): the app compares it to notice that a CLI on a render node logged something.
 */
export function changeStamp(db: Db): string {
  const others = db.pragma('data_version', { simple: true }) as number;
  const own = (stmt<[], { n: number }>(db, 'SELECT total_changes() AS n').get() as { n: number }).n;
  return `${others}:${own}`;
}
