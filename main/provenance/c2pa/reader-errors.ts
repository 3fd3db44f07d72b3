import { withLibraryText } from '../library-error';

/**
 * c2pa-rs reports its errors by their Rust names ("JumbfParseError(ExpectedJumdError)"), which mean nothing to an
 * artist. The common ones, by the name they start with, in plain words; the name itself is kept after them.
 */
const PLAIN_BY_NAME: [RegExp, string][] = [
  [/^(JumbfParseError|JumbfCreationError|InvalidManifest)\b/, 'its box structure (JUMBF) is damaged'],
  [/^(JumbfNotFound|JumbfBoxNotFound)\b/, 'a box it needs is missing, so its structure is damaged'],
  [/^TooManyManifestStores\b/, 'the file holds more than one C2PA manifest store, which the standard does not allow'],
  [/^ClaimDecoding\b/, 'its claim (the signed statement of how the file was made) could not be decoded: its structure is damaged'],
  [/^(InvalidClaim|Claim[A-Za-z]*)\b/, 'its claim (the signed statement of how the file was made) is damaged or incomplete'],
  [/^AssertionMissing\b/, 'a statement its claim lists is missing from it, so its structure is damaged'],
  [/^(Assertion[A-Za-z]*|TooManyAssertions)\b/, 'a statement in it could not be decoded: its structure is damaged'],
  [/^(CoseInvalidCert|CoseNoCerts|CoseX5ChainMissing)\b/, 'its signing certificate is missing or damaged'],
  [/^CoseTimeStamp[A-Za-z]*\b/, 'its time stamp is damaged'],
  [/^Cose[A-Za-z]*\b/, 'its signature is damaged or made in a way the C2PA reader does not support'],
  [/^ProvenanceMissing\b/, 'no manifest was found where the file says there is one, so its structure is damaged'],
  [/^InvalidAsset\b/, "the file's own structure around the manifest is damaged"],
  [/^UnsupportedType\b/, 'the C2PA reader does not support this kind of file'],
  [/^HashMismatch\b/, "the file's content does not match the manifest's hash"],
  [/^InsufficientMemory\b/, 'reading it needed more memory than the C2PA reader has'],
  [/^(PrereleaseError|VersionCompatibility)\b/, 'it was written for a C2PA version the reader does not accept'],
];

const DAMAGED = 'its structure is damaged, or in a form the C2PA reader does not understand';

/** c2pa-rs errors arrive wrapped as "C2pa(InvalidAsset(\"...\"))"; the wrapper says nothing. */
function unwrapped(message: string): string {
  return message.replace(/^C2pa\((.*)\)$/s, '$1').trim();
}

/** A c2pa-rs error as plain words, the reader's own text in parentheses, all on one line. */
export function describeReaderError(message: string): string {
  const text = unwrapped(message);
  const plain = PLAIN_BY_NAME.find(([pattern]) => pattern.test(text))?.[1] ?? DAMAGED;
  return withLibraryText(plain, text);
}
