const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

/**
 * How much a UTF-16 code unit looks like prompt text: ASCII and kana score most, other letters and CJK less, and what
 * text never holds (controls, private use, a lone surrogate) counts against. Bytes read in the wrong order turn
 * ASCII into CJK-looking units (and U+3000 or U+4E00 into "0" or "N"), so the right order is the one scoring higher over
 * the whole text, not the one whose high bytes are zero: a Japanese prompt has no zero high bytes at all.
 */
function textLikeness(unit: number): number {
  if ((unit >= 0x20 && unit <= 0x7e) || unit === 0x09 || unit === 0x0a || unit === 0x0d) return 2;
  if (unit >= 0x3000 && unit <= 0x30ff) return 2; // CJK punctuation, hiragana, katakana
  if ((unit >= 0xa0 && unit <= 0x04ff) || (unit >= 0x2000 && unit <= 0x206f) || (unit >= 0x4e00 && unit <= 0x9fff)
    || (unit >= 0xac00 && unit <= 0xd7a3) || (unit >= 0xff00 && unit <= 0xffef)) return 1;
  if (unit === 0) return 0; // padding
  if (unit < 0x20 || (unit >= 0x7f && unit < 0xa0) || (unit >= 0xe000 && unit <= 0xf8ff)) return -2;
  return 0;
}

function scoreAs(body: Uint8Array, bigEndian: boolean): number {
  let score = 0;
  let highSurrogate = false;
  for (let index = 0; index + 1 < body.length; index += 2) {
    const unit = bigEndian ? (body[index]! << 8) | body[index + 1]! : (body[index + 1]! << 8) | body[index]!;
    const isHigh = unit >= 0xd800 && unit <= 0xdbff;
    const isLow = unit >= 0xdc00 && unit <= 0xdfff;
    if (isLow) score += highSurrogate ? 2 : -4; // an emoji's pair, or half of nothing
    else if (highSurrogate) score -= 4;
    else if (!isHigh) score += textLikeness(unit);
    highSurrogate = isHigh;
  }
  return score;
}

/** The byte order that reads as text; on a tie, the TIFF's (the order EXIF asks writers to use), else big-endian. */
function utf16ByteOrder(body: Uint8Array, tiffBigEndian: boolean | null): 'utf-16be' | 'utf-16le' {
  const big = scoreAs(body, true);
  const little = scoreAs(body, false);
  if (big !== little) return big > little ? 'utf-16be' : 'utf-16le';
  return tiffBigEndian === false ? 'utf-16le' : 'utf-16be';
}

/**
 * Text of an EXIF UserComment: an 8-byte character code ("ASCII", "UNICODE", "JIS" or none) then the text.
 * Stable Diffusion WebUI writes "UNICODE" + UTF-16BE whatever the TIFF's byte order, so the order is read from the
 * text itself, falling back to the TIFF's.
 */
export function decodeUserComment(raw: Uint8Array, tiffBigEndian: boolean | null): string | null {
  if (raw.length === 0) return null;
  const code = latin1.decode(raw.subarray(0, 8)).replace(/\0+$/, '');
  const body = raw.length >= 8 && /^(ASCII|UNICODE|JIS)?$/.test(code) ? raw.subarray(8) : raw;
  let text: string;
  if (code === 'UNICODE') {
    const order = utf16ByteOrder(body, tiffBigEndian);
    text = new TextDecoder(order).decode(body.subarray(0, body.length - (body.length % 2)));
  } else {
    // ASCII and undefined comments are often UTF-8 in practice.
    text = utf8.decode(body);
  }
  const cleaned = text.replace(/\0+$/, '').trim();
  return cleaned === '' ? null : cleaned;
}
