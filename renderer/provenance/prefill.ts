import type { FileProvenance } from './types';

export interface FileSays {
  name: string;
  provenance: FileProvenance | null | undefined;
}

/** What the log form can take from the files themselves, and what the artist must be told about it. */
export interface FormPrefill {
  /** Set only when every file carries this same prompt: the form's prompt applies to every file. */
  prompt?: string;
  /** Files carrying their own, differing prompts: the field stays empty so each keeps its own. */
  filesWithOwnPrompt: number;
  /** The listed tool the files name, when they agree. */
  tool?: string;
  /** Listed tools named when the files disagree. */
  conflictingTools: string[];
  /** Files naming software that is not in the tool list. */
  unlisted: { file: string; names: string }[];
  /** Model names the files give, noted on the asset when Notes is left empty. */
  models: string[];
}

export function prefillFromFiles(files: readonly FileSays[]): FormPrefill {
  const read = files.map((f) => f.provenance).filter((p): p is FileProvenance => Boolean(p));
  const prompts = read.map((p) => p.summary.prompt?.trim()).filter((p): p is string => Boolean(p));
  const samePrompt = prompts.length === files.length && prompts.every((p) => p === prompts[0]);
  const tools = [...new Set(read.map((p) => p.matchedTool).filter((t): t is string => Boolean(t)))];
  const unlisted = files.flatMap((f) => {
    const p = f.provenance;
    if (!p || p.matchedTool || p.summary.toolHints.length === 0) return [];
    return [{ file: f.name, names: p.summary.toolHints.slice(0, 2).join(' / ') }];
  });
  const models = [...new Set(read.map((p) => p.summary.model).filter((m): m is string => Boolean(m)))];
  return {
    ...(samePrompt && prompts[0] ? { prompt: prompts[0] } : {}),
    filesWithOwnPrompt: samePrompt ? 0 : prompts.length,
    ...(tools.length === 1 ? { tool: tools[0] } : {}),
    conflictingTools: tools.length > 1 ? tools : [],
    unlisted,
    models,
  };
}
