import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, unlink } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import type { ApiContext } from '../api/context';
import { dispatch } from '../api/dispatch';
import type { MethodDef } from '../api/method';
import { formatBytes } from '../format/byte-size';
import { checkRequest } from './guard';
import { clearLeftStaging, ownStagingDir, startStagingHeartbeat } from '../services/staged-files';
import { CSP, serveStatic } from './static-files';
import { receiveMediaUpload } from './media-upload';

const MAX_JSON_BYTES = 10 * 1024 * 1024;
/** Evidence (approval emails, signed consent PDFs) is small; anything larger is refused before it fills the disk. */
export const MAX_KEPT_UPLOAD_BYTES = 50 * 1024 * 1024;

export interface ServeOptions {
  ctx: ApiContext;
  table: Record<string, MethodDef>;
  port?: number;
  staticDir: string;
  token?: string;
  /** Cap for uploads kept as evidence (`?keep=1`); defaults to MAX_KEPT_UPLOAD_BYTES. */
  maxKeptUploadBytes?: number;
  /** Largest media upload whose provenance is read (it is copied to staging meanwhile); defaults to MAX_PROVENANCE_SPOOL_BYTES. */
  maxProvenanceSpoolBytes?: number;
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

class UploadTooLarge extends Error {}

type Received = { stagedId: string; fileName: string; sha256: string; size: number; kept: true };

/**
 * Keeps a browser upload meant as evidence under <dataDir>/staging, hashing as it streams, so an approval or
 * consent can copy it into the evidence store. Refused (and the partial file removed) beyond `limit` bytes.
 */
function receiveKeptUpload(ctx: ApiContext, req: IncomingMessage, name: string, limit: number): Promise<Received> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new UploadTooLarge());
  const dir = ownStagingDir(ctx.dataDir);
  mkdirSync(dir, { recursive: true });
  const storedPath = join(dir, randomUUID());
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const out = createWriteStream(storedPath, { flags: 'wx' });
    let size = 0;
    let failedWith: Error | undefined;
    const fail = (err: Error) => {
      if (failedWith) return;
      failedWith = err;
      req.unpipe(out);
      out.destroy();
      unlink(storedPath, () => reject(err));
    };
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) fail(new UploadTooLarge());
      else hash.update(c);
    });
    req.on('error', fail);
    req.on('close', () => {
      if (!req.complete) fail(new Error('the upload was interrupted'));
    });
    out.on('error', fail);
    out.on('finish', () => {
      if (failedWith) return;
      const fileName = basename(name) || 'upload';
      const sha256 = hash.digest('hex');
      resolve({ stagedId: ctx.staged.add({ fileName, sha256, size, storedPath }), fileName, sha256, size, kept: true });
    });
    req.pipe(out);
  });
}

export function startServer(o: ServeOptions): Promise<RunningServer> {
  clearLeftStaging(o.ctx.dataDir);
  const stopHeartbeat = startStagingHeartbeat(o.ctx.dataDir);
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
      const name = url.searchParams.get('name') ?? 'upload';
      if (url.searchParams.get('keep') !== '1') {
        sendJson(res, 200, { ok: true, value: await receiveMediaUpload(o.ctx, req, name, o.maxProvenanceSpoolBytes) });
        return;
      }
      const limit = o.maxKeptUploadBytes ?? MAX_KEPT_UPLOAD_BYTES;
      try {
        sendJson(res, 200, { ok: true, value: await receiveKeptUpload(o.ctx, req, name, limit) });
      } catch (err) {
        if (!(err instanceof UploadTooLarge)) throw err;
        const cap = formatBytes(limit);
        res.setHeader('connection', 'close');
        sendJson(res, 413, { ok: false, error: { code: 'invalid_input', message: `Evidence files are limited to ${cap}; "${basename(name)}" is larger. Nothing was kept.` } });
        req.resume();
      }
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
    server.once('error', (error) => {
      stopHeartbeat();
      reject(error);
    });
    server.listen(o.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        server,
        port,
        token,
        url: `http://127.0.0.1:${port}/?token=${token}`,
        close: () => new Promise<void>((r) => {
          stopHeartbeat();
          server.closeAllConnections();
          server.close(() => r());
        }),
      });
    });
  });
}
