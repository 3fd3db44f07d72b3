import { strictUtf8 } from './utf8';
import { TAG, child, children, oidOf, parseDer, type Der } from './der';

const ORGANIZATION = '2.5.4.10';
const COMMON_NAME = '2.5.4.3';
/** UTF8String and PrintableString only: other string types are decoded differently by different libraries. */
const STRING_TAGS = new Set<number>([TAG.utf8String, 0x13]);

function textOf(value: Der): string | null {
  if (!STRING_TAGS.has(value.tag)) return null;
  try {
    return strictUtf8(value.value);
  } catch {
    return null;
  }
}

/** Every value of one attribute type in a certificate's subject, in order. */
function subjectValues(certificate: Uint8Array, oid: string): (string | null)[] {
  const tbs = children(child(parseDer(certificate), 0, TAG.sequence).value);
  const offset = tbs[0]?.tag === 0xa0 ? 1 : 0;
  const subject = child(tbs, offset + 4, TAG.sequence);
  const values: (string | null)[] = [];
  for (const rdn of children(subject.value)) {
    for (const pair of children(rdn.value)) {
      const [type, value] = children(pair.value);
      if (type && value && oidOf(type) === oid) values.push(textOf(value));
    }
  }
  return values;
}

/** The signer's organization and common name, as c2pa-rs reports them (issuer, common_name); null when not exactly one each. */
export function signerNames(certificate: Uint8Array): { organization: string; commonName: string } | null {
  const [organization, ...moreOrgs] = subjectValues(certificate, ORGANIZATION);
  const [commonName, ...moreNames] = subjectValues(certificate, COMMON_NAME);
  if (!organization || !commonName || moreOrgs.length > 0 || moreNames.length > 0) return null;
  return { organization, commonName };
}
