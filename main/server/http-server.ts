import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename } from 'node:path';
import type { ApiContext } from '../api/context';
import { dispatch } from '../api/dispatch';
import type { MethodDef } from '../api/method';
import { checkRequest } from './guard';
import { CSP, serveStatic } from './static-files';

const MAX_JSON_BYTES = 10 * 1024 * 1024;

export interface ServeOptions {
  ctx: ApiContext;
  table: Record<string, MethodDef>;
  port?: number;
  staticDir: string;
  token?: string;
}

export interface RunningServer {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': CSP });
  res.end(JSON.stringify(body));
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_JSON_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? JSON.parse(text) : {});
      } catch {
        reject(new Error('request body is not valid JSON'));
      }
    });
    req.on('error', reject);
  });
}

/** Hashes a browser upload as it streams in; only the hash, size and name are kept (media is never stored). */
function receiveUpload(ctx: ApiContext, req: IncomingMessage, name: string): Promise<{ stagedId: string; fileName: string; sha256: string; size: number }> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      hash.update(c);
    });
    req.on('end', () => {
      const sha256 = hash.digest('hex');
      const fileName = basename(name) || 'upload';
      resolve({ stagedId: ctx.staged.add({ fileName, sha256, size }), fileName, sha256, size });
    });
    req.on('error', reject);
  });
}

export function startServer(o: ServeOptions): Promise<RunningServer> {
  const token = o.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'failed', message: (err as Error).message } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const isApi = url.pathname.startsWith('/api/');
    const refusal = checkRequest(req, port, token, isApi);
    if (refusal) {
      sendJson(res, refusal, { ok: false, error: { code: 'forbidden', message: refusal === 401 ? 'missing or wrong token' : 'foreign Host or Origin' } });
      return;
    }
    if (!isApi) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { ok: false, error: { code: 'invalid_input', message: 'method not allowed' } });
      serveStatic(o.staticDir, url.pathname, res);
      return;
    }
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'invalid_input', message: 'use POST' } });
    if (url.pathname === '/api/upload') {
      sendJson(res, 200, { ok: true, value: await receiveUpload(o.ctx, req, url.searchParams.get('name') ?? 'upload') });
      return;
    }
    let payload: unknown;
    try {
      payload = await readJson(req);
    } catch (err) {
      return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: (err as Error).message } });
    }
    const name = url.pathname.slice('/api/'.length);
    sendJson(res, 200, await dispatch(o.table, o.ctx, name, payload));
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        server,
        port,
        token,
        url: `http://127.0.0.1:${port}/?token=${token}`,
        close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
      });
    });
  });
}
