import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../db/connection';
import { changeStamp } from '../../db/change-stamp';
import { tempDir } from '../support/context';

describe('changeStamp', () => {
  const open: Db[] = [];
  afterEach(() => { for (const db of open.splice(0)) db.close(); });

  it('changes after a commit by this connection or by another process on the same file, and only then', () => {
    const path = join(tempDir('genlog-stamp-'), 'g.db');
    const app = openDb(path);
    const cli = openDb(path);
    open.push(app, cli);
    const add = (db: Db, code: string) =>
      db.prepare("INSERT INTO productions (code, title, contact_email, created_at) VALUES (?, 'T', 'a@netflix.com', '2026-01-01')").run(code);
    const first = changeStamp(app);
    expect(changeStamp(app)).toBe(first);
    app.prepare('SELECT count(*) FROM assets').get();
    expect(changeStamp(app)).toBe(first); // reading changes nothing
    add(cli, 'CLI1');
    const afterOther = changeStamp(app);
    expect(afterOther).not.toBe(first);
    add(app, 'APP1');
    expect(changeStamp(app)).not.toBe(afterOther);
  });
});
