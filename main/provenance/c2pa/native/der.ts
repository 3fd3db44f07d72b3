/**
 * A minimal DER reader for the parts of X.509 certificates and RFC 3161 time stamps that Node's crypto does not
 * expose. Values are views into the input; `raw` is the whole element (tag and length included), as signatures
 * and digests need it.
 */

export interface Der {
  tag: number;
  /** The content octets. */
  value: Uint8Array;
  /** The whole element, header included. */
  raw: Uint8Array;
}

const MAX_ELEMENTS = 20_000;

function readOne(bytes: Uint8Array, at: number): Der {
  if (at + 2 > bytes.length) throw new Error('DER: truncated');
  const tag = bytes[at] as number;
  if ((tag & 0x1f) === 0x1f) throw new Error('DER: high tag numbers are not used here');
  let length = bytes[at + 1] as number;
  let header = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new Error('DER: unsupported length');
    if (at + 2 + count > bytes.length) throw new Error('DER: truncated');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[at + 2 + i] as number);
    header += count;
  }
  const end = at + header + length;
  if (end > bytes.length) throw new Error('DER: element longer than its input');
  return { tag, value: bytes.subarray(at + header, end), raw: bytes.subarray(at, end) };
}

/** The elements inside a constructed element (or a whole buffer). */
export function children(value: Uint8Array): Der[] {
  const out: Der[] = [];
  let at = 0;
  while (at < value.length) {
    const element = readOne(value, at);
    out.push(element);
    at += element.raw.length;
    if (out.length > MAX_ELEMENTS) throw new Error('DER: too many elements');
  }
  return out;
}

/** Exactly one element filling `bytes`. */
export function parseDer(bytes: Uint8Array): Der {
  const element = readOne(bytes, 0);
  if (element.raw.length !== bytes.length) throw new Error('DER: trailing bytes');
  return element;
}

/** Child `index` of a constructed element, which must carry `tag`. */
export function child(parent: Der | Der[], index: number, tag?: number): Der {
  const list = Array.isArray(parent) ? parent : children(parent.value);
  const found = list[index];
  if (!found || (tag !== undefined && found.tag !== tag)) throw new Error('DER: unexpected structure');
  return found;
}

export const TAG = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  oid: 0x06,
  utf8String: 0x0c,
  sequence: 0x30,
  set: 0x31,
  generalizedTime: 0x18,
  utcTime: 0x17,
} as const;

/** Dotted form of an OBJECT IDENTIFIER's content. */
export function oidOf(element: Der): string {
  if (element.tag !== TAG.oid || element.value.length === 0) throw new Error('DER: expected an object identifier');
  const bytes = element.value;
  if ((bytes[bytes.length - 1] as number) & 0x80) throw new Error('DER: unterminated object identifier');
  const parts: number[] = [];
  let value = 0;
  let startOfArc = true;
  for (const byte of bytes) {
    if (startOfArc && byte === 0x80) throw new Error('DER: non-minimal object identifier');
    startOfArc = !(byte & 0x80);
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  const first = parts.shift() as number;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...parts].join('.');
}

/** GeneralizedTime or UTCTime content as an ISO instant; throws on anything but the Z forms DER requires. */
export function timeOf(element: Der): Date {
  const text = Buffer.from(element.value).toString('latin1');
  let match: RegExpMatchArray | null;
  if (element.tag === TAG.generalizedTime) match = text.match(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\.\d+)?Z$/);
  else if (element.tag === TAG.utcTime) {
    match = text.match(/^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})()Z$/);
    if (match) match[1] = String(Number(match[1]) < 50 ? 2000 + Number(match[1]) : 1900 + Number(match[1]));
  } else throw new Error('DER: expected a time');
  if (!match) throw new Error(`DER: unreadable time ${text}`);
  const [, y, mo, d, h, mi, s, frac] = match;
  const ms = frac ? Math.floor(Number(`0${frac}`) * 1000) : 0;
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms));
}
