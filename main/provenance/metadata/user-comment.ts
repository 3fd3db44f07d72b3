const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

/** Which byte of UTF-16 text is mostly zero tells its byte order (for the Latin text prompts are made of). */
function utf16ByteOrder(body: Uint8Array, tiffBigEndian: boolean | null): 'utf-16be' | 'utf-16le' {
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < Math.min(body.length, 512); index += 1) {
    if (body[index] === 0) {
      if (index % 2 === 0) evenZeros += 1;
      else oddZeros += 1;
    }
  }
  if (evenZeros !== oddZeros) return evenZeros > oddZeros ? 'utf-16be' : 'utf-16le';
  return tiffBigEndian === false ? 'utf-16le' : 'utf-16be';
}

/**
 * Text of an EXIF UserComment: an 8-byte character code ("ASCII", "UNICODE", "JIS" or none) then the text.
 * Stable Diffusion WebUI writes "UNICODE" + UTF-16; the byte order is guessed from the text, falling back to the
 * TIFF byte order.
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
