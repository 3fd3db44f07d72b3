import { MAX_JSON_CONTAINERS, MAX_JSON_DEPTH } from '../limits';
import { printable } from '../printable';
import { closingQuote } from './json-strings';
import { PythonTokensAsNull } from './python-tokens';

/** A parsed value; `nonFinite` counts Python's NaN and Infinity tokens read as null (absent when there were none). */
export type JsonResult = { value: unknown; nonFinite?: number } | { error: string };

/**
 * Text up to this long is parsed natively before its depth is checked: at worst (every character a bracket) that
 * builds 128k small arrays, a few milliseconds, and fewer than MAX_JSON_CONTAINERS. Longer text (up to
 * MAX_TEXT_BYTES) is scanned first, so a hostile megabytes of brackets never become millions of objects.
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

function tooMany(what: string): JsonResult {
  return { error: `${what} holds more than ${MAX_JSON_CONTAINERS} objects and lists; GenLog does not read it` };
}

/**
 * The character scan for long text, or text with Python's NaN/Infinity: depth and containers counted outside
 * strings, the tokens made null. Refuses before parsing what would nest too deep or build too many objects.
 */
function parseWithPythonTokens(text: string, what: string, maxDepth: number): JsonResult {
  let depth = 0;
  let containers = 0;
  const json = new PythonTokensAsNull(text);
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (char === 0x22) {
      // Strings are most of a ComfyUI graph: jump to the closing quote instead of stepping through every character.
      const close = closingQuote(text, index);
      if (close < 0) break; // unterminated: JSON.parse says so below
      index = close;
    } else if (char === 0x7b || char === 0x5b) {
      depth += 1;
      containers += 1;
      if (depth > maxDepth) return tooDeep(what, maxDepth);
      if (containers > MAX_JSON_CONTAINERS) return tooMany(what);
    } else if (char === 0x7d || char === 0x5d) depth -= 1;
    else if (char === 0x4e && text.startsWith('NaN', index)) json.replace(index, 3);
    else if (char === 0x49 && text.startsWith('Infinity', index)) {
      const signed = text[index - 1] === '-' ? 1 : 0;
      json.replace(index - signed, 8 + signed);
    }
  }
  try {
    const value: unknown = JSON.parse(json.result());
    return json.count > 0 ? { value, nonFinite: json.count } : { value };
  } catch (error) {
    // V8 quotes the text around the fault, control characters and all.
    return { error: `${what} is not valid JSON (${printable((error as Error).message)})` };
  }
}
