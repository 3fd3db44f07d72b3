import { z } from 'zod';

export const productionCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/, 'use 1-32 letters, digits, dot, dash or underscore, starting with a letter or digit');
export const nonEmpty = (what: string) => z.string().trim().min(1, `${what} is required`).max(10_000);
export const optionalText = z.string().max(100_000).default('');
/** An id given as a number or as its digits ("42" from the CLI); anything else ("abc") is refused in words. */
export function recordId(what: string) {
  const message = `${what} ids are positive whole numbers`;
  return z.coerce.number({ error: message }).int(message).positive(message);
}

export const assetId = recordId('asset');
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date like 2026-01-31')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a real calendar date');
/** One of a fixed list; anything else is refused naming the choices ("class must be temporary or deliverable"). */
export function oneOf<const T extends readonly [string, ...string[]]>(what: string, values: T) {
  const choices = values.length === 2 ? `${values[0]} or ${values[1]}` : `one of ${values.join(', ')}`;
  return z.enum(values, { error: `${what} must be ${choices}` });
}

/** A count given as a number or its digits (--limit 50), whole and within bounds, refused in words otherwise. */
export function wholeNumber(what: string, min: number, max?: number) {
  const message = max === undefined ? `${what} must be a whole number of at least ${min}`
    : `${what} must be a whole number from ${min} to ${max.toLocaleString('en-US')}`;
  const n = z.coerce.number({ error: message }).int(message).min(min, message);
  return max === undefined ? n : n.max(max, message);
}

export const classification = oneOf('classification', ['temporary', 'deliverable']);
export const mediaType = oneOf('media type', ['image', 'video', 'audio', 'text', '3d', 'other']);
export const hosting = z.enum(['local', 'enterprise-cloud', 'public-cloud', 'unsure']);
export const yesNo = z.enum(['yes', 'no']);
export const yesNoUnsure = z.enum(['yes', 'no', 'unsure']);
export const actorName = z.string().trim().min(1, 'name is required').max(200);
