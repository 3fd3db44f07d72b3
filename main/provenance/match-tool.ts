import type { ProvenanceRecord } from './types';

/** Other names facilities give the tools GenLog recognises by a fixed hint. */
const HINT_ALIASES: Record<string, string[]> = {
  'stable diffusion webui': ['automatic1111', 'a1111', 'sd webui', 'stable diffusion web ui', 'sd web ui', 'forge'],
  comfyui: ['comfy'],
};

/** Shorter names than this match only as whole words, so "AI" or "Gen" cannot match everything. */
const MIN_LOOSE_LENGTH = 5;
/** Words too generic to identify a tool on their own. */
const GENERIC_WORDS = new Set(['ai', 'app', 'generator', 'image', 'images', 'model', 'online', 'pro', 'studio', 'the', 'tool', 'ui', 'video', 'web']);

function words(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

function compact(text: string): string {
  return words(text).replace(/ /g, '');
}

/** Words that name the product: no version numbers ("g1", "v6", "25"). */
function nameWords(text: string): string[] {
  return words(text)
    .split(' ')
    .filter((word) => word !== '' && !/^[vg]?\d+[a-z]?$/.test(word));
}

/** Every name word of the shorter name appears in the longer one ("Titan Image Generator G1" ~ "Amazon Titan Image Generator"). */
function sameNameWords(hint: string, tool: string): boolean {
  const [fewer, more] = [nameWords(hint), nameWords(tool)].sort((a, b) => a.length - b.length) as [string[], string[]];
  if (fewer.length === 0 || fewer.every((word) => GENERIC_WORDS.has(word))) return false;
  return fewer.every((word) => more.includes(word));
}

function matches(hint: string, tool: string): boolean {
  const hintCompact = compact(hint);
  const toolCompact = compact(tool);
  if (!hintCompact || !toolCompact) return false;
  if (hintCompact === toolCompact) return true;
  // Below here one name is found inside the other: the inner one must say more than "AI" or "Image".
  const inner = hintCompact.length < toolCompact.length ? hint : tool;
  if (nameWords(inner).every((word) => GENERIC_WORDS.has(word))) return false;
  const hintWords = ` ${words(hint)} `;
  const toolWords = ` ${words(tool)} `;
  if (hintWords.includes(toolWords) || toolWords.includes(hintWords) || sameNameWords(hint, tool)) return true;
  const shorter = Math.min(hintCompact.length, toolCompact.length);
  return shorter >= MIN_LOOSE_LENGTH && (hintCompact.includes(toolCompact) || toolCompact.includes(hintCompact));
}

/**
 * Ingest asks the same question for every file of a render folder (same hints, same tool list); answers are pure,
 * so they are kept for a while instead of re-tokenising every tool name per file.
 */
const answers = new Map<string, string | null>();
const MAX_ANSWERS = 512;

function toolForHint(hint: string, toolNames: readonly string[]): string | null {
  const key = `${hint}\u0000${toolNames.join('\u0001')}`;
  const known = answers.get(key);
  if (known !== undefined) return known;
  const answer = closestTool(hint, toolNames);
  if (answers.size >= MAX_ANSWERS) answers.delete(answers.keys().next().value as string);
  answers.set(key, answer);
  return answer;
}

/**
 * An alias names a tool only as a whole name or whole words of it: "forge" is the WebUI fork in "SD WebUI Forge",
 * but not in "VoiceForge", a voice tool.
 */
function namedByAlias(alias: string, tool: string): boolean {
  if (compact(alias) === compact(tool)) return true;
  return ` ${words(tool)} `.includes(` ${words(alias)} `);
}

function closestTool(hint: string, toolNames: readonly string[]): string | null {
  const aliases = HINT_ALIASES[words(hint)] ?? [];
  let best: { tool: string; distance: number } | null = null;
  for (const tool of toolNames) {
    const spelling = matches(hint, tool) ? hint : aliases.find((alias) => namedByAlias(alias, tool));
    if (spelling === undefined) continue;
    const distance = Math.abs(compact(tool).length - compact(spelling).length);
    if (!best || distance < best.distance) best = { tool, distance };
  }
  return best?.tool ?? null;
}

/**
 * The facility tool the file names: for each hint, most specific first, the tool names that contain it, that it
 * contains, or that share all their name words with it (case, punctuation and version numbers ignored); the closest
 * in length wins. Null when no hint names a listed tool.
 */
export function matchTool(record: ProvenanceRecord, toolNames: readonly string[]): string | null {
  for (const hint of record.summary.toolHints) {
    const tool = toolForHint(hint, toolNames);
    if (tool) return tool;
  }
  return null;
}
