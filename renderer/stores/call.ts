import type { ApiError, Envelope } from '../../main/api/envelope';
import type { NotificationStore } from './notifications';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/**
 * Awaits an API call and reports a failure to the notification area: the ONE error path of the UI. Callers get
 * the outcome back (forms use it to put field messages next to the field) but never need their own error display.
 * `doing` names the action in the message ("Could not re-tag asset 12: ...").
 */
export type Call = <T>(pending: Promise<Envelope<T>>, doing: string) => Promise<Outcome<T>>;

export function createCall(notifications: NotificationStore): Call {
  return async <T>(pending: Promise<Envelope<T>>, doing: string): Promise<Outcome<T>> => {
    let res: Envelope<T>;
    try {
      res = await pending;
    } catch (err) {
      res = { ok: false, error: { code: 'failed', message: err instanceof Error ? err.message : String(err) } };
    }
    if (!res.ok) notifications.getState().push('error', `Could not ${doing}: ${res.error.message}`);
    return res;
  };
}

/** Splits "contactEmail: must be an email; code: use 1-32 letters" into per-field messages for inline display. */
export function fieldErrors(
  error: ApiError,
  fields: readonly string[],
  /** The field a `conflict` error is about (a code or name that already exists). */
  conflictField?: string,
): { fields: Record<string, string>; general: string | null } {
  const out: Record<string, string> = {};
  const rest: string[] = [];
  if (error.code === 'conflict' && conflictField) return { fields: { [conflictField]: error.message }, general: null };
  for (const part of error.message.split('; ')) {
    const m = /^([A-Za-z0-9_.]+): (.*)$/s.exec(part);
    // "changes.prompt: ..." is about the prompt field of a nested input.
    const field = m?.[1]?.split('.').find((segment) => fields.includes(segment));
    if (m && field && fields.includes(field)) out[field] = out[field] ? `${out[field]}; ${m[2]}` : (m[2] ?? '');
    else rest.push(part);
  }
  return { fields: out, general: rest.length ? rest.join('; ') : null };
}
