import { CliError, type Command, type CommandRun } from '../command';
import { cancelBackups, type DatabaseBackup, type DatabaseCheck } from '../../services/database-care';
import type { DatabaseRestore } from '../../services/database-restore';
import { onStopSignals } from '../stop-signals';

const assets = (n: number) => `${n} asset${n === 1 ? '' : 's'}`;

function bytes(n: number): string {
  return n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/**
 * Runs `work` with Ctrl+C and SIGTERM cancelling the backups and restores under way. Each signal says the stop was
 * heard; what happened is said by the result (a stop landing after a restore's commit finds the log restored).
 */
async function stoppable<T>(r: CommandRun, what: string, work: () => Promise<T>): Promise<T> {
  const heard = () => r.io.stderr(`Stopping the ${what}…\n`);
  const release = onStopSignals(() => {
    heard();
    cancelBackups();
  }, heard);
  try {
    return await work();
  } finally {
    release();
  }
}

export const databaseCommands: Command[] = [
  {
    name: 'db check',
    needsDb: 'existing',
    usage: 'genlog db check',
    summary: 'Check the whole log: every page, the foreign keys, the search index (exit 1 when something is wrong)',
    options: {},
    async run(r) {
      const c = await r.call<DatabaseCheck>('checkDatabase', {});
      if (c.ok) return c;
      r.io.stdout(r.json ? `${JSON.stringify(c, null, 2)}\n` : `PROBLEMS in ${c.path}:\n${c.problems.map((p) => `  - ${p}`).join('\n')}\n`);
      throw new CliError(`the log has ${c.problems.length} problem(s). Keep this file as it is, and restore the latest backup (genlog db restore --from BACKUP keeps this file beside it)`, 1);
    },
    human: (c: DatabaseCheck) => `ok: ${c.path} (${assets(c.assets)}; every page, the foreign keys and the search index check out)\n`,
  },
  {
    name: 'db backup',
    needsDb: 'existing',
    usage: 'genlog db backup --out FILE',
    summary: 'Copy the log to a new file, as it is at one moment (other GenLogs may keep logging), and check the copy',
    options: { out: { type: 'string' } },
    async run(r) {
      const out = r.required('out');
      // Ctrl+C or SIGTERM stops the copy between two steps and removes what was written of it.
      const b = await stoppable(r, 'backup', () => r.call<DatabaseBackup>('backUpDatabase', { out }));
      if (b.problems.length > 0) {
        r.io.stderr(`The copy holds the log as it is, with its ${b.problems.length} problem(s):\n${b.problems.map((p) => `  - ${p}`).join('\n')}\n`);
      }
      return b;
    },
    human: (b: DatabaseBackup) => `Backed up ${assets(b.assets)} to ${b.path} (${bytes(b.bytes)}); ` +
      `${b.problems.length === 0 ? 'the copy checks out' : 'the copy reads back whole, with the problems above'}. Open it with --db ${b.path}.\n`,
  },
  {
    name: 'db restore',
    usage: 'genlog db restore --from BACKUP',
    summary: "Replace the log's content with a backup's (checked first; a backup with problems is refused), keeping the log as it was beside it",
    options: { from: { type: 'string' } },
    async run(r) {
      const from = r.required('from');
      // Ctrl+C or SIGTERM before the log is replaced leaves it as it was, and no copies behind.
      return stoppable(r, 'restore', () => r.call<DatabaseRestore>('restoreDatabase', { from }));
    },
    human: (x: DatabaseRestore) => `Restored ${assets(x.assets)} from ${x.from} into ${x.path}. ` +
      (x.keptDamaged ? `The damaged log was moved aside, as it was, to ${x.keptAs}.\n`
        : x.keptAs ? `The log as it was is kept at ${x.keptAs}; to undo, run genlog db restore --from ${x.keptAs}.\n` : 'There was no log before it.\n'),
  },
];
