import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The loopback server is reachable by every page the user's browser opens, so each API request must prove it
 * came from our UI: the per-run token, and Host/Origin naming this server (which defeats DNS rebinding).
 */
export function checkRequest(req: IncomingMessage, port: number, token: string, needsToken: boolean): 401 | 403 | null {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!req.headers.host || !allowedHosts.includes(req.headers.host)) return 403;
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin)) return 403;
  if (!needsToken) return null;
  const given = tokenFrom(req);
  if (!given || !safeEqual(given, token)) return 401;
  return null;
}

function tokenFrom(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  const header = req.headers['x-genlog-token'];
  return typeof header === 'string' ? header : undefined;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
