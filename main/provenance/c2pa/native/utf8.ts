/**
 * Strict UTF-8 as Rust reads it: invalid bytes throw, and a leading byte-order mark is kept as a character
 * (TextDecoder drops it by default, which would let "\uFEFFalg" pass for "alg"). One decoder, reused: it is
 * called for every text item of a manifest.
 */
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function strictUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
