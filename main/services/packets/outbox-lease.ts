import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { ApiContext } from '../../api/context';
import { isProcessRunning } from '../process-running';
import { getSetting, setSetting } from '../../../db/settings';

const LEASE_KEY = 'packet.outbox.lease';
/** A sender on another machine (a db on a share) is trusted this long without renewing. */
const REMOTE_LEASE_MS = 30 * 60_000;

interface Lease {
  token: string;
  pid: number;
  host: string;
  at: string;
}

function readLease(ctx: Pick<ApiContext, 'db'>): Lease | undefined {
  const raw = getSetting(ctx.db, LEASE_KEY);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as Lease;
  } catch {
    return undefined;
  }
}

/** Whether a sender (this process included) holds the outbox right now; a lease of a dead process holds nothing. */
export function liveLease(ctx: Pick<ApiContext, 'db' | 'now'>): Lease | undefined {
  const lease = readLease(ctx);
  if (!lease) return undefined;
  if (lease.host === hostname()) return isProcessRunning(lease.pid) ? lease : undefined;
  return ctx.now().getTime() - Date.parse(lease.at) < REMOTE_LEASE_MS ? lease : undefined;
}

export function describeLease(lease: Lease): string {
  return lease.host === hostname() ? `process ${lease.pid}` : `process ${lease.pid} on ${lease.host}`;
}

/**
 * Takes the outbox for one sending run (the app's worker and a CLI `outbox send` may share a db). Call inside an
 * IMMEDIATE transaction so two processes cannot both take it. Returns the token, or undefined when it is taken.
 */
export function takeLease(ctx: Pick<ApiContext, 'db' | 'now'>): string | undefined {
  if (liveLease(ctx)) return undefined;
  const token = randomUUID();
  setSetting(ctx.db, LEASE_KEY, JSON.stringify({ token, pid: process.pid, host: hostname(), at: ctx.now().toISOString() } satisfies Lease));
  return token;
}

export function renewLease(ctx: Pick<ApiContext, 'db' | 'now'>, token: string): void {
  const lease = readLease(ctx);
  if (lease?.token === token) setSetting(ctx.db, LEASE_KEY, JSON.stringify({ ...lease, at: ctx.now().toISOString() }));
}

export function releaseLease(ctx: Pick<ApiContext, 'db'>, token: string): void {
  if (readLease(ctx)?.token === token) setSetting(ctx.db, LEASE_KEY, '');
}
