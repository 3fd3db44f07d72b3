import type { FileProvenance } from './types';

export interface FileSays {
  name: string;
  provenance: FileProvenance | null | undefined;
  /** Not read yet: its provenance is unknown, not absent. */
  reading?: boolean;
}

/** What the log form can take from the files themselves, and what the artist must be told about it. */
export interface FormPrefill {
  /** Set only when every file carries this same prompt: the form's prompt applies to every file. */
  prompt?: string;
  /** Files carrying their own, differing prompts: the field stays empty so each keeps its own. */
  filesWithOwnPrompt: number;
  /** The listed tool the files name, when every file names it (one naming nothing leaves the tool open). */
  tool?: string;
  /**
   * Why one tool for the whole batch cannot be taken for granted: the files name different tools, one names a tool
   * missing from the list, or some name a tool and others none. The artist must then pick the tool themselves.
   */
  toolNeedsChoice: string | null;
  /** Files naming software that is not in the tool list (most telling name first). */
  unlisted: { file: string; names: string[] }[];
  /** Model names the files give, noted on the asset when Notes is left empty. */
  models: string[];
}

/**
 * `toolNames`: the tool list now. A file read before its tool was added (from the notice below the form) names a
 * listed tool once the names are equal, ignoring case.
 */
export function prefillFromFiles(files: readonly FileSays[], toolNames: readonly string[] = []): FormPrefill {
  const listed = new Map(toolNames.map((n) => [n.toLowerCase(), n]));
  const withTool = (p: FileProvenance | null | undefined): FileProvenance | null | undefined => {
    if (!p || p.matchedTool) return p;
    const named = p.summary.toolHints.map((h) => listed.get(h.toLowerCase())).find(Boolean);
    return named ? { ...p, matchedTool: named } : p;
  };
  files = files.map((f) => ({ ...f, provenance: withTool(f.provenance) }));
  const read = files.map((f) => f.provenance).filter((p): p is FileProvenance => Boolean(p));
  const prompts = read.map((p) => p.summary.prompt?.trim()).filter((p): p is string => Boolean(p));
  const samePrompt = prompts.length === files.length && prompts.every((p) => p === prompts[0]);
  const tools = [...new Set(read.map((p) => p.matchedTool).filter((t): t is string => Boolean(t)))];
  const unlisted = files.flatMap((f) => {
    const p = f.provenance;
    // A camera file's software (a raw converter, an editor) is not an AI tool to add to the list.
    if (!p || p.matchedTool || p.summary.toolHints.length === 0 || p.summary.aiGenerated === false) return [];
    return [{ file: f.name, names: p.summary.toolHints.slice(0, 2) }];
  });
  const models = [...new Set(read.map((p) => p.summary.model).filter((m): m is string => Boolean(m)))];
  const naming = files.filter((f) => f.provenance?.matchedTool).length;
  const everyFileAgrees = tools.length === 1 && naming === files.length;
  return {
    ...(samePrompt && prompts[0] ? { prompt: prompts[0] } : {}),
    filesWithOwnPrompt: samePrompt ? 0 : prompts.length,
    ...(everyFileAgrees ? { tool: tools[0] } : {}),
    toolNeedsChoice: toolChoiceReason(tools, naming, files.length, unlisted.length, files.some((f) => f.reading)),
    unlisted,
    models,
  };
}

function toolChoiceReason(tools: string[], naming: number, files: number, unlisted: number, stillReading: boolean): string | null {
  const ending = 'One tool applies to every file of a batch: pick the one that made all of them, or log them in separate batches.';
  if (tools.length > 1) return `These files name different tools (${tools.join(', ')}). ${ending}`;
  if (unlisted > 0) return `${unlisted === 1 ? 'A file names a tool' : `${unlisted} files name tools`} not in the tool list. ${ending}`;
  // Files still being read may name the same tool: "the others name no tool" is said only once it is true.
  if (naming > 0 && naming < files && !stillReading) return `${naming} of ${files} files name ${tools[0]}; the others name no tool. ${ending}`;
  return null;
}
