import { MAX_JSON_DEPTH } from '../limits';

export type JsonResult = { value: unknown } | { error: string };

/**
 * JSON.parse with a nesting limit checked first in one linear pass (so 100,000 nested brackets cost nothing), and
 * Python's NaN/Infinity tokens (ComfyUI writes them with json.dumps) read as null.
 */
export function parseBoundedJson(text: string, what: string, maxDepth = MAX_JSON_DEPTH): JsonResult {
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
      if (depth > maxDepth) return { error: `${what} is nested more than ${maxDepth} levels deep; GenLog does not read it` };
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
    return { value: JSON.parse(json) };
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
