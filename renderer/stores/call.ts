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
    if (!res.ok) notifications.getState().push('error', noticeText(doing, res.error.message));
    return res;
  };
}

/** "Could not add the tool: a name is required.": the action, then the API's reason as a sentence a person reads. */
export function noticeText(doing: string, message: string): string {
  const action = doing.replace(/\s+/g, ' ').trim();
  let reason = message.trim();
  // "Could not watch /x: Cannot watch /x: it does not exist." says the action twice.
  const same = /^(?:Cannot|Could not) (.+?): (.+)$/s.exec(reason);
  if (same && sameWords(same[1] ?? '', action)) reason = same[2] ?? reason;
  reason = reason.split('; ').map((part) => {
    const f = fieldPart(part);
    return f ? aboutField(f.field, f.text, false) : part;
  }).join('; ');
  return `Could not ${action}: ${withStop(reason)}`;
}

/** A field message put under its field, as a sentence: "name is required" -> "A name is required." */
export function fieldSentence(field: string, message: string): string {
  return withStop(capitalize(aboutField(field, message.trim(), true)));
}

/** The words a person reads for a field the API names ("contactEmail" -> "contact email"). */
export function fieldLabel(field: string): string {
  const known = FIELD_LABELS[field];
  if (known) return known;
  return field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(' ')
    .map((w) => (ACRONYMS.has(w) ? w.toUpperCase() : w))
    .join(' ');
}

const FIELD_LABELS: Record<string, string> = {
  staleDays: 'review period',
  by: 'artist name',
  use: 'planned use',
  paths: 'folder path',
  from: 'start date',
  to: 'end date',
};
const ACRONYMS = new Set(['smtp', 'url', 'id', 'ids', 'eml', 'pdf', 'sha256']);
const VERBS = /^(is|are|must|should|cannot|can't|needs?|has|have|was|were|does|do)$/;

/** "contactEmail: ..." or "changes.prompt: ..." (a zod path, always lower camel case) split into field and text. */
function fieldPart(part: string): { field: string; text: string } | null {
  const m = /^([a-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*): (.*)$/s.exec(part);
  if (!m) return null;
  const segments = (m[1] ?? '').split('.').filter((s) => !/^\d+$/.test(s));
  return { field: segments[segments.length - 1] ?? m[1] ?? '', text: m[2] ?? '' };
}

/**
 * The text of one field's refusal in words: "name is required" -> "a name is required", "contactEmail must be
 * an email address" -> "the contact email must be an email address", anything else -> "the code is not valid (...)"
 * in a notice, or the text itself under the field (`underField`).
 */
function aboutField(field: string, text: string, underField: boolean): string {
  const words = text.trim().split(' ');
  const [subject = '', verb = ''] = words;
  if (/^[A-Za-z][A-Za-z0-9]*$/.test(subject) && VERBS.test(verb)) {
    const label = fieldLabel(subject);
    const rest = words.slice(1).join(' ');
    if (/^is required\.?$/.test(rest) && !/[^s]s$/.test(label)) return `${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label} ${rest}`;
    return `the ${label} ${rest}`;
  }
  if (underField) return text;
  return `the ${fieldLabel(field)} is not valid (${text.replace(/[.\s]+$/, '')})`;
}

function sameWords(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/["'“”]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function withStop(s: string): string {
  const t = s.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
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
    const text = m?.[2] ?? '';
    if (m && field && fields.includes(field)) out[field] = out[field] ? `${out[field]}; ${text}` : text;
    else rest.push(part);
  }
  return { fields: out, general: rest.length ? rest.join('; ') : null };
}
