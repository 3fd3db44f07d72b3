/**
 * Globs written as one list ("*.exr, *.png", or one per line): split at commas and line breaks, except a comma
 * inside braces or brackets, which belongs to the glob ("*.{png,exr}" is one glob, not "*.{png" and "exr}"). A list
 * whose braces or brackets do not close ("[abc" is a literal name to the matcher) is split at every comma.
 */
export function splitGlobList(text: string): string[] {
  const globs: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '\\' && i + 1 < text.length) {
      current += char + text[++i];
      continue;
    }
    if (char === '{' || char === '[') depth++;
    else if ((char === '}' || char === ']') && depth > 0) depth--;
    if ((char === ',' && depth === 0) || char === '\n') {
      globs.push(current);
      current = '';
    } else current += char;
  }
  globs.push(current);
  const split = depth === 0 ? globs : text.split(/[\n,]/);
  return split.map((g) => g.trim()).filter(Boolean);
}
