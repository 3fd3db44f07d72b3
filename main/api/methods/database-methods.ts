import { z } from 'zod';
import { method } from '../method';
import { backUpDatabase, checkDatabase } from '../../services/database-care';

export const databaseMethods = {
  checkDatabase: method(z.object({}), "Check the whole log: SQLite's page check, foreign keys, and the search index", (ctx) => checkDatabase(ctx)),
  backUpDatabase: method(
    z.object({ out: z.string().trim().min(1, 'out is required').max(4096) }),
    'Copy the log, as it is at one moment, to a new file (never replacing one), and check the copy',
    (ctx, i) => backUpDatabase(ctx, i),
  ),
};
