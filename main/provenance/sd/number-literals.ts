import { closingQuote } from './json-strings';

/**
 * Number literals that may have lost digits on parsing: 16 or more digits, or an exponent. Not preceded by a word
 * character, a dot or a sign, so a match starts where its literal does.
 */
const LONG_LITERAL = /(?<![\w.+-])-?(?:\d{16,}(?:\.\d+)?(?:[eE][+-]?\d+)?|\d+(?:\.\d+)?[eE][+-]?\d+)/g;
/** Distinct spellings kept per value: two are enough to know the value's spelling is not unique. */
const SPELLINGS_KEPT = 2;

/**
 * How the numbers that JSON.parse read as one of `values` were written in `text`, outside strings: a parsed value
 * past 2^53 no longer tells its digits (18446744073709551615 reads as 18446744073709552000). One pass over the text,
 * jumping over strings; run only when such a value was found.
 */
export function spellingsOf(text: string, values: number[]): Map<number, string[]> {
  const wanted = new Set(values);
  const found = new Map<number, string[]>();
  const pattern = new RegExp(LONG_LITERAL.source, 'g');
  // Every string that opens before this index has been stepped over.
  let stringsPassed = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const closeOfEnclosing = enclosingStringEnd(text, stringsPassed, match.index);
    if (closeOfEnclosing !== null) {
      stringsPassed = closeOfEnclosing;
      pattern.lastIndex = closeOfEnclosing;
      continue;
    }
    stringsPassed = match.index;
    const value = Number(match[0]);
    if (!wanted.has(value)) continue;
    const spellings = found.get(value) ?? [];
    if (spellings.length < SPELLINGS_KEPT && !spellings.includes(match[0])) spellings.push(match[0]);
    found.set(value, spellings);
  }
  return found;
}

/** When `at` lies inside a string opening at or after `from`, the index just past that string's end; else null. */
function enclosingStringEnd(text: string, from: number, at: number): number | null {
  for (let open = text.indexOf('"', from); open >= 0 && open < at; open = text.indexOf('"', from)) {
    const close = closingQuote(text, open);
    if (close < 0) return text.length;
    if (close > at) return close + 1;
    from = close + 1;
  }
  return null;
}
