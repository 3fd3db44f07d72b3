import { join } from 'node:path';
import type { Command, CommandRun } from '../command';
import { usageError } from '../command';
import { methodTable } from '../../api/table';
import { appRoot } from '../../app-root';
import { closeParserThread } from '../../provenance';
import { startServer } from '../../server/http-server';
import { startWatchRunner, type WatchRunner } from '../../services/ingest/watch-runner';
import { describeEvent } from './ingest-commands';
import { untilStopSignal } from '../stop-signals';

async function startWatching(r: CommandRun): Promise<WatchRunner> {
  const runner = await startWatchRunner(r.ctx, {}, (e) => r.io.stderr(describeEvent(e)));
  r.io.stderr(`Watching ${runner.watching().length} enabled watch folder(s); folders added or resumed in the UI are watched too.\n`);
  return runner;
}

export const serveCommand: Command = {
  name: 'serve',
  usage: 'genlog serve [--port N] [--watch]',
  summary: 'Serve the GenLog UI for a browser on 127.0.0.1 only (prints a URL with a one-run token); ' +
    '--watch also watches the enabled watch folders while serving (a catch-up scan first, new files then reach the New files inbox)',
  options: { port: { type: 'string' }, watch: { type: 'boolean' } },
  transport: 'http',
  async run(r) {
    const portFlag = r.optional('port');
    const port = portFlag === undefined ? 0 : Number(portFlag);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw usageError(`--port must be a number from 0 to 65535, not "${portFlag}".`);
    // The log is opened now, not at the first request: a log that cannot be opened is said here, before a URL is printed.
    if (!r.ctx.db.open) throw new Error(`The database ${r.ctx.dbPath} could not be opened.`);
    const s = await startServer({ ctx: r.ctx, table: methodTable, port, staticDir: join(appRoot(), 'dist', 'renderer') });
    let runner: WatchRunner | null = null;
    try {
      if (r.values.watch) runner = await startWatching(r);
    } catch (error) {
      await s.close();
      throw error;
    }
    if (r.json) r.io.stdout(`${JSON.stringify({ url: s.url, port: s.port, token: s.token, db: r.ctx.dbPath })}\n`);
    else r.io.stdout(`${s.url}\n`);
    r.io.stderr(`GenLog is serving ${r.ctx.dbPath} on 127.0.0.1:${s.port}. Open the URL above; press Ctrl+C to stop.\n`);
    const signals = untilStopSignal((text) => r.io.stderr(text), 'Already stopping…\n');
    try {
      await signals.stopped;
      // The watcher stops first: a draft being written finishes before the database closes with the process.
      if (runner) {
        await runner.stop();
        await closeParserThread();
        r.io.stderr('Stopped watching.\n');
      }
      await s.close();
    } finally {
      signals.release();
    }
    return undefined;
  },
};
