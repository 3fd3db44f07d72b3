import { isMap, type CborValue } from './cbor';
import { defer } from './defer';
import { TAG, child, children, oidOf, parseDer } from './der';

const BASIC_RESPONSE = '1.3.6.1.5.5.7.48.1.1';

/**
 * Stapled OCSP responses (rVals.ocspVals): the native path confirms only when every response is successful and
 * says "good" for every certificate it covers. A revoked or unknown status, or anything unreadable, defers to
 * c2pa-rs, which decides what the response means for the verdict.
 */
export function checkStapledOcsp(values: CborValue): void {
  const responses = isMap(values) && values.size === 1 ? values.get('ocspVals') : undefined;
  if (!Array.isArray(responses)) return defer('revocation values shape');
  for (const response of responses) {
    if (!(response instanceof Uint8Array)) return defer('OCSP response shape');
    const outer = parseDer(response);
    const status = child(outer, 0, 0x0a).value;
    if (status.length !== 1 || status[0] !== 0) defer('OCSP response not successful');
    const bytes = child(child(outer, 1, 0xa0), 0, TAG.sequence);
    if (oidOf(child(bytes, 0)) !== BASIC_RESPONSE) defer('OCSP response type');
    const basic = parseDer(child(bytes, 1, TAG.octetString).value);
    const data = children(child(basic, 0, TAG.sequence).value);
    const offset = data[0]?.tag === 0xa0 ? 1 : 0;
    const singles = children(child(data, offset + 2, TAG.sequence).value);
    if (singles.length === 0) defer('OCSP response without statuses');
    for (const single of singles) {
      if (child(single, 1).tag !== 0x80) defer('OCSP status is not good');
    }
  }
}
