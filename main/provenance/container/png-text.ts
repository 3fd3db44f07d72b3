import { inflateSync } from 'node:zlib';
import { MAX_TEXT_BYTES, formatBytes } from '../limits';

export interface PngText {
  keyword: string;
  text: string;
  /** Set when the text could only be read in part (bad UTF-8, failed decompression). */
  problem?: string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

/** Keyword of a tEXt/zTXt/iTXt chunk from its first bytes (keywords are 1-79 Latin-1 characters). */
export function pngKeyword(head: Uint8Array): string | null {
  const end = head.indexOf(0);
  if (end < 1 || end > 79) return null;
  return latin1.decode(head.subarray(0, end));
}

function inflateCapped(bytes: Uint8Array, keyword: string, cap: number): string | Uint8Array {
  try {
    return inflateSync(bytes, { maxOutputLength: cap });
  } catch (error) {
    const tooBig = error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    return tooBig
      ? `PNG text chunk '${keyword}' expands to more than ${formatBytes(cap)} when decompressed, the most GenLog reads; it was skipped`
      : `PNG text chunk '${keyword}' could not be decompressed (${(error as Error).message}); it was skipped`;
  }
}

function decodeUtf8(bytes: Uint8Array, keyword: string): PngText {
  try {
    return { keyword, text: strictUtf8.decode(bytes) };
  } catch {
    return {
      keyword,
      text: lenientUtf8.decode(bytes),
      problem: `PNG text chunk '${keyword}' is not valid UTF-8; unreadable characters were replaced with �`,
    };
  }
}

/** tEXt/zTXt are Latin-1 by the spec, but most generators write UTF-8: take UTF-8 when the bytes are valid UTF-8. */
function latin1OrUtf8(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return latin1.decode(bytes);
  }
}

/**
 * Decodes a whole tEXt, zTXt or iTXt chunk body, decompressing at most `cap` bytes. Returns a string message when
 * nothing usable is inside.
 */
export function decodePngText(type: string, data: Uint8Array, cap = MAX_TEXT_BYTES): PngText | string {
  const keyword = pngKeyword(data.subarray(0, 80));
  if (keyword === null) return `PNG ${type} chunk has no valid keyword; it was skipped`;
  const rest = data.subarray(keyword.length + 1);
  if (type === 'tEXt') return { keyword, text: latin1OrUtf8(rest) };
  if (type === 'zTXt') {
    const inflated = inflateCapped(rest.subarray(1), keyword, cap);
    return typeof inflated === 'string' ? inflated : { keyword, text: latin1OrUtf8(inflated) };
  }
  // iTXt: compression flag, method, language tag\0, translated keyword\0, UTF-8 text.
  const compressed = rest[0] === 1;
  const languageEnd = rest.indexOf(0, 2);
  const translatedEnd = languageEnd < 0 ? -1 : rest.indexOf(0, languageEnd + 1);
  if (rest.length < 2 || translatedEnd < 0) return `PNG iTXt chunk '${keyword}' is cut short; it was skipped`;
  const body = rest.subarray(translatedEnd + 1);
  if (!compressed) return decodeUtf8(body, keyword);
  const inflated = inflateCapped(body, keyword, cap);
  return typeof inflated === 'string' ? inflated : decodeUtf8(inflated, keyword);
}
