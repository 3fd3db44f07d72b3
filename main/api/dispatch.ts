import { z } from 'zod';
import { describeDbError } from '../../db/errors';
import { ApiFailure, type Envelope } from './envelope';
import type { ApiContext } from './context';
import type { MethodDef } from './method';

/** Names a zod issue the way a person reads a form: "contactEmail: Invalid email address". */
export function describeZodError(err: z.ZodError): string {
  return err.issues
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/**
 * The single entry point every transport uses. Payloads come from outside (renderer, HTTP, argv) and are parsed
 * here, never trusted; anything unexpected becomes an error envelope instead of crossing the boundary as a throw.
 */
export async function dispatch(
  table: Record<string, MethodDef>,
  ctx: ApiContext,
  name: string,
  payload: unknown,
): Promise<Envelope<unknown>> {
  const def = Object.hasOwn(table, name) ? table[name] : undefined;
  if (!def) return { ok: false, error: { code: 'not_found', message: `Unknown API method "${name}"` } };
  const parsed = def.input.safeParse(payload ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid_input', message: describeZodError(parsed.error) } };
  }
  try {
    return { ok: true, value: await def.handler(ctx, parsed.data) };
  } catch (err) {
    if (err instanceof ApiFailure) return { ok: false, error: { code: err.code, message: err.message } };
    const message = describeDbError(err, ctx.dbPath) ?? (err instanceof Error ? err.message : String(err));
    return { ok: false, error: { code: 'failed', message } };
  }
}
