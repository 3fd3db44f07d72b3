import { z } from 'zod';
import { method } from '../method';
import { backUpDatabase, checkDatabase } from '../../services/database-care';
import { restoreDatabase } from '../../services/database-restore';
import { listAutoBackups } from '../../services/auto-backups';

export const databaseMethods = {
  checkDatabase: method(z.object({}), "Check the whole log: SQLite's page check, foreign keys, and the search index", (ctx) => checkDatabase(ctx)),
  backUpDatabase: method(
    z.object({ out: z.string().trim().min(1, 'out is required').max(4096) }),
    'Copy the log, as it is at one moment, to a new file (never replacing one), and check the copy',
    (ctx, i) => backUpDatabase(ctx, i),
  ),
  restoreDatabase: method(
    z.object({ from: z.string().trim().min(1, 'from is required').max(4096) }),
    "Replace the log's content with a checked backup's, keeping the log as it was beside it (restoring that undoes it)",
    (ctx, i) => restoreDatabase(ctx, i),
  ),
  listAutoBackups: method(z.object({}), "The desktop app's automatic daily backups of the log, newest first, and where they are",
    (ctx) => listAutoBackups(ctx)),
};
