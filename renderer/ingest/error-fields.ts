import type { ApiError } from '../../main/api/envelope';
import { fieldErrors } from '../stores/call';

/**
 * Puts an API refusal next to the field it is about. Zod messages name their field ("include.0: ..."); the
 * service's own sentences are matched by what they talk about ("Cannot watch /x: it does not exist.").
 * `typedPath`: the path in the form; a refusal naming it says only why under the path field ("It does not exist.").
 */
export function errorsByField(error: ApiError, fields: readonly string[], pathField = 'path', typedPath?: string): { fields: Record<string, string>; general: string | null } {
  const split = fieldErrors(error, fields);
  if (!split.general) return split;
  const m = split.general;
  const about = (field: string) => fields.includes(field) && !split.fields[field];
  let field: string | null = null;
  if (/^Cannot (watch|read|log)|watch folder|does not exist|not a folder|No files to log|full path/i.test(m)) field = pathField;
  else if (/planned use/i.test(m)) field = 'use';
  else if (/production/i.test(m)) field = 'production';
  else if (/\btool\b/i.test(m)) field = 'tool';
  if (field && about(field)) return { fields: { ...split.fields, [field]: field === pathField ? pathReason(m, typedPath) : m }, general: null };
  return split;
}

/** 'Cannot read "/x": it does not exist' under a field holding /x: "It does not exist." */
function pathReason(message: string, typedPath: string | undefined): string {
  const text = message.trim();
  const m = /^Cannot (?:watch|read|log) "?(.+?)"?: (.+)$/s.exec(text);
  const norm = (p: string) => p.trim().replace(/[/\\]+$/, '');
  if (!m || typedPath === undefined || norm(m[1] ?? '') !== norm(typedPath)) return text;
  const reason = (m[2] ?? '').trim();
  return `${reason.charAt(0).toUpperCase()}${reason.slice(1)}${/[.!?]$/.test(reason) ? '' : '.'}`;
}
