import { join } from 'node:path';
import type { Command } from '../command';
import { usageError } from '../command';
import { methodTable } from '../../api/table';
import { appRoot } from '../../app-root';
import { startServer } from '../../server/http-server';

export const serveCommand: Command = {
  name: 'serve',
  usage: 'genlog serve [--port N]',
  summary: 'Serve the GenLog UI for a browser on 127.0.0.1 only (prints a URL with a one-run token)',
  options: { port: { type: 'string' } },
  async run(r) {
    const portFlag = r.optional('port');
    const port = portFlag === undefined ? 0 : Number(portFlag);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw usageError(`--port must be a number from 0 to 65535, not "${portFlag}".`);
    const s = await startServer({ ctx: r.ctx, table: methodTable, port, staticDir: join(appRoot(), 'dist', 'renderer') });
    if (r.json) r.io.stdout(`${JSON.stringify({ url: s.url, port: s.port, token: s.token, db: r.ctx.dbPath })}\n`);
    else r.io.stdout(`${s.url}\n`);
    r.io.stderr(`GenLog is serving ${r.ctx.dbPath} on 127.0.0.1:${s.port}. Open the URL above; press Ctrl+C to stop.\n`);
    await new Promise<void>((resolve) => {
      const stop = () => void s.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return undefined;
  },
};
