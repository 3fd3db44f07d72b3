import { MAX_JSON_DEPTH } from '../limits';

/** A parsed value; `nonFinite` counts Python's NaN and Infinity tokens read as null (absent when there were none). */
export type JsonResult = { value: unknown; nonFinite?: number } | { error: string };

/**
 * Text up to this long is parsed natively before its depth is checked: at worst (every character a bracket) that
 * builds 128k small arrays, a few milliseconds. Longer text (up to MAX_TEXT_BYTES) is scanned first, so a hostile
 * megabytes of brackets never become millions of objects.
 */
const NATIVE_FIRST_CHARS = 256 * 1024;

/**
 * JSON.parse with a nesting limit, and Python's NaN/Infinity tokens (ComfyUI writes them with json.dumps) read as
 * null. V8's JSON.parse does not recurse, so a graph of usual size is parsed natively first and its depth checked on
 * the value without recursion (the character scan cost more than the parse); text JSON.parse refuses, or too long
 * for that, is scanned character by character, counting depth and finding Python's tokens in one pass.
 */
export function parseBoundedJson(text: string, what: string, maxDepth = MAX_JSON_DEPTH): JsonResult {
  if (text.length > NATIVE_FIRST_CHARS) return parseWithPythonTokens(text, what, maxDepth);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return parseWithPythonTokens(text, what, maxDepth);
  }
  return nestedDeeperThan(value, maxDepth) ? tooDeep(what, maxDepth) : { value };
}

function tooDeep(what: string, maxDepth: number): JsonResult {
  return { error: `${what} is nested more than ${maxDepth} levels deep; GenLog does not read it` };
}

/** Whether objects and arrays in `value` nest deeper than `maxDepth` (the outermost one is level 1), walked without recursion. */
function nestedDeeperThan(value: unknown, maxDepth: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  const stack: object[] = [value];
  const depths: number[] = [1];
  const visit = (child: unknown, depth: number) => {
    if (child !== null && typeof child === 'object') {
      stack.push(child);
      depths.push(depth + 1);
    }
  };
  while (stack.length > 0) {
    const node = stack.pop() as Record<string, unknown>;
    const depth = depths.pop() as number;
    if (depth > maxDepth) return true;
    // No Object.values: a copy of every object's values was most of this walk's garbage.
    if (Array.isArray(node)) for (const child of node) visit(child, depth);
    else for (const key in node) visit(node[key], depth);
  }
  return false;
}

/** The character scan for text with Python's NaN/Infinity: depth counted outside strings, the tokens made null. */
function parseWithPythonTokens(text: string, what: string, maxDepth: number): JsonResult {
  let depth = 0;
  const pythonTokens: [number, number][] = [];
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (char === 0x22) {
      // Strings are most of a ComfyUI graph: jump to the closing quote instead of stepping through every character.
      const close = closingQuote(text, index);
      if (close < 0) break; // unterminated: JSON.parse says so below
      index = close;
    } else if (char === 0x7b || char === 0x5b) {
      depth += 1;
      if (depth > maxDepth) return tooDeep(what, maxDepth);
    } else if (char === 0x7d || char === 0x5d) depth -= 1;
    else if (char === 0x4e && text.startsWith('NaN', index)) pythonTokens.push([index, 3]);
    else if (char === 0x49 && text.startsWith('Infinity', index)) {
      const signed = text[index - 1] === '-' ? 1 : 0;
      pythonTokens.push([index - signed, 8 + signed]);
    }
  }
  let json = text;
  if (pythonTokens.length > 0) {
    const pieces: string[] = [];
    let copied = 0;
    for (const [start, length] of pythonTokens) {
      pieces.push(text.slice(copied, start), 'null');
      copied = start + length;
    }
    pieces.push(text.slice(copied));
    json = pieces.join('');
  }
  try {
    const value: unknown = JSON.parse(json);
    return pythonTokens.length > 0 ? { value, nonFinite: pythonTokens.length } : { value };
  } catch (error) {
    return { error: `${what} is not valid JSON (${(error as Error).message})` };
  }
}

/** Index of the quote that closes the string opened at `open` (one not escaped by an odd run of backslashes), or -1. */
function closingQuote(text: string, open: number): number {
  for (let at = text.indexOf('"', open + 1); at >= 0; at = text.indexOf('"', at + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === 0x5c) backslashes += 1;
    if (backslashes % 2 === 0) return at;
  }
  return -1;
}
