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

const VERSION_WORD = /^[vg]?\d+[a-z]?$/;

/** Words that name the product: no version numbers ("g1", "v6", "25"). */
function nameWords(text: string): string[] {
  return words(text)
    .split(' ')
    .filter((word) => word !== '' && !VERSION_WORD.test(word));
}

/** The version words of a name, "v" dropped: "Midjourney v7" and "Midjourney 7" both say 7. */
function versionWords(text: string): string[] {
  return words(text)
    .split(' ')
    .filter((word) => VERSION_WORD.test(word))
    .map((word) => word.replace(/^v(?=\d)/, ''));
}

/**
 * Whether a tool's version fits what the file names: 1 when every version word of the tool is in the hint ("Runway
 * Gen-4" for "Runway Gen-4"), -1 when both give versions and the tool's are not all there (Gen-3 for Gen-4), 0 when
 * either gives none. Names match ignoring versions; this only ranks the tools that match.
 */
function versionFit(hint: string, tool: string): number {
  const toolVersions = versionWords(tool);
  const hintVersions = versionWords(hint);
  if (toolVersions.length === 0 || hintVersions.length === 0) return 0;
  return toolVersions.every((version) => hintVersions.includes(version)) ? 1 : -1;
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

/**
 * The matching tool whose version fits best, then whose name is closest in length. Null when two tie on both: "Midjourney"
 * alone cannot tell "Midjourney v6" from "Midjourney v7", and guessing would log the wrong one.
 */
function closestTool(hint: string, toolNames: readonly string[]): string | null {
  const aliases = HINT_ALIASES[words(hint)] ?? [];
  let best: { tool: string; fit: number; distance: number } | null = null;
  let tied = false;
  for (const tool of toolNames) {
    const spelling = matches(hint, tool) ? hint : aliases.find((alias) => namedByAlias(alias, tool));
    if (spelling === undefined) continue;
    const fit = versionFit(hint, tool);
    const distance = Math.abs(compact(tool).length - compact(spelling).length);
    if (best && fit === best.fit && distance === best.distance && compact(tool) !== compact(best.tool)) tied = true;
    if (!best || fit > best.fit || (fit === best.fit && distance < best.distance)) {
      best = { tool, fit, distance };
      tied = false;
    }
  }
  return tied ? null : (best?.tool ?? null);
}

/**
 * The facility tool the file names: for each hint, most specific first, the tool names that contain it, that it
 * contains, or that share all their name words with it (case, punctuation and version numbers ignored); among those,
 * the one whose version fits, then the closest in length. Null when no hint names a listed tool, or two fit equally.
 */
export function matchTool(record: ProvenanceRecord, toolNames: readonly string[]): string | null {
  for (const hint of record.summary.toolHints) {
    const tool = toolForHint(hint, toolNames);
    if (tool) return tool;
  }
  return null;
}
