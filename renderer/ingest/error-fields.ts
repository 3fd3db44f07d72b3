import type { ApiError } from '../../main/api/envelope';
import { fieldErrors } from '../stores/call';

/**
 * Puts an API refusal next to the field it is about. Zod messages name their field ("include.0: ..."); the
 * service's own sentences are matched by what they talk about ("Cannot watch /x: it does not exist.").
 */
export function errorsByField(error: ApiError, fields: readonly string[], pathField = 'path'): { fields: Record<string, string>; general: string | null } {
  const split = fieldErrors(error, fields);
  if (!split.general) return split;
  const m = split.general;
  const about = (field: string) => fields.includes(field) && !split.fields[field];
  let field: string | null = null;
  if (/^Cannot (watch|read|log)|watch folder|does not exist|not a folder|No files to log/i.test(m)) field = pathField;
  else if (/planned use/i.test(m)) field = 'use';
  else if (/production/i.test(m)) field = 'production';
  else if (/\btool\b/i.test(m)) field = 'tool';
  if (field && about(field)) return { fields: { ...split.fields, [field]: m }, general: null };
  return split;
}
