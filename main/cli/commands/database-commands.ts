import { CliError, type Command } from '../command';
import type { DatabaseBackup, DatabaseCheck } from '../../services/database-care';

const assets = (n: number) => `${n} asset${n === 1 ? '' : 's'}`;

function bytes(n: number): string {
  return n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

export const databaseCommands: Command[] = [
  {
    name: 'db check',
    usage: 'genlog db check',
    summary: 'Check the whole log: every page, the foreign keys, the search index (exit 1 when something is wrong)',
    options: {},
    async run(r) {
      const c = await r.call<DatabaseCheck>('checkDatabase', {});
      if (c.ok) return c;
      r.io.stdout(r.json ? `${JSON.stringify(c, null, 2)}\n` : `PROBLEMS in ${c.path}:\n${c.problems.map((p) => `  - ${p}`).join('\n')}\n`);
      throw new CliError(`the log has ${c.problems.length} problem(s). Keep this file as it is, and restore the latest backup (genlog db backup makes one)`, 1);
    },
    human: (c: DatabaseCheck) => `ok: ${c.path} (${assets(c.assets)}; every page, the foreign keys and the search index check out)\n`,
  },
  {
    name: 'db backup',
    usage: 'genlog db backup --out FILE',
    summary: 'Copy the log to a new file, as it is at one moment (other GenLogs may keep logging), and check the copy',
    options: { out: { type: 'string' } },
    run: (r) => r.call<DatabaseBackup>('backUpDatabase', { out: r.required('out') }),
    human: (b: DatabaseBackup) => `Backed up ${assets(b.assets)} to ${b.path} (${bytes(b.bytes)}); the copy checks out. Open it with --db ${b.path}.\n`,
  },
];
