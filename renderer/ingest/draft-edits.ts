import type { Classification } from '../api-types';
import type { DraftEdits } from './types';

/** A draft's confirm form as typed: text fields, with the planned use as its id in text ('' for none). */
export interface DraftFormValues {
  production: string;
  tool: string;
  prompt: string;
  notes: string;
  episode: string;
  classification: Classification;
  use: string;
}

/** The form's values as confirmInbox takes them, for a confirm from the form and for "Confirm selected" alike. */
export function draftEdits(v: DraftFormValues): DraftEdits {
  return {
    production: v.production,
    ...(v.tool ? { tool: v.tool } : {}),
    prompt: v.prompt,
    notes: v.notes,
    episode: v.episode,
    classification: v.classification,
    use: v.use ? Number(v.use) : null,
  };
}
