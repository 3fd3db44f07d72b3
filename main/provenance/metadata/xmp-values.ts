import { clipText } from '../limits';

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** exifr leaves XML character references in text; turn them back into characters. */
export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (whole, name: string) => {
    if (!name.startsWith('#')) return NAMED_ENTITIES[name] ?? whole;
    const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * exifr turns every XMP value that reads as a number into one ("7.0" becomes 7, "2.10" becomes 2.1), and has no option
 * not to. A version is text: "2.10" is not "2.1". This invisible mark in front of the IPTC AI fields' text makes
 * them not numbers to exifr; xmpText takes it off again.
 */
const KEEP_AS_TEXT = '\u2060';
const TEXT_FIELDS = 'AISystemUsed|AISystemVersionUsed|AIPromptInformation|AIPromptWriterName';
const TEXT_ELEMENT = new RegExp(`(<[\\w.-]+:(?:${TEXT_FIELDS})(?:\\s[^<>]*)?>)([^<]*)(?=</)`, 'g');
const TEXT_ATTRIBUTE = new RegExp(`(\\s[\\w.-]+:(?:${TEXT_FIELDS})\\s*=\\s*)(["'])`, 'g');

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The XMP packet with the IPTC AI fields' values marked so exifr keeps them as text (see KEEP_AS_TEXT). A packet
 * without those fields, or not in UTF-8, is passed on as it is.
 */
export function keepAiFieldsAsText(packet: Uint8Array): Uint8Array {
  if (Buffer.from(packet.buffer, packet.byteOffset, packet.byteLength).indexOf(':AI') < 0) return packet;
  let text: string;
  try {
    text = utf8.decode(packet);
  } catch {
    return packet;
  }
  const marked = text
    .replace(TEXT_ELEMENT, (whole, open: string, value: string) => (value.trim() === '' ? whole : `${open}${KEEP_AS_TEXT}${value}`))
    .replace(TEXT_ATTRIBUTE, `$1$2${KEEP_AS_TEXT}`);
  return marked === text ? packet : new TextEncoder().encode(marked);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Plain text of an XMP property as exifr returns it: a string, a number (exifr turns "6.1" into 6.1), a language
 * alternative ({ lang, value } or a list of them), a resource ({ resource }) or a list (joined with ", ").
 */
export function xmpText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const text = decodeXmlEntities(value.startsWith(KEEP_AS_TEXT) ? value.slice(KEEP_AS_TEXT.length) : value).trim();
    return text === '' ? null : clipText(text);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const defaultLanguage = value.find((item) => isRecord(item) && item.lang === 'x-default');
    if (defaultLanguage !== undefined) return xmpText(defaultLanguage);
    if (value.every((item) => isRecord(item) && 'lang' in item)) return xmpText(value[0]);
    const texts = value.map(xmpText).filter((text): text is string => text !== null);
    return texts.length > 0 ? clipText(texts.join(', ')) : null;
  }
  if (isRecord(value)) return xmpText(value.value ?? value.resource);
  return null;
}

/** Finds a namespace's properties in exifr XMP output by its URI, whatever prefix the file chose. */
export function namespaceProperties(packet: Record<string, unknown>, uri: string, usualPrefix: string): Record<string, unknown> | null {
  const declared = isRecord(packet.xmlns) ? packet.xmlns : {};
  const prefixes = Object.entries(declared)
    .filter(([, declaredUri]) => declaredUri === uri)
    .map(([prefix]) => prefix);
  for (const prefix of [...prefixes, usualPrefix]) {
    const properties = packet[prefix];
    if (isRecord(properties)) return properties;
  }
  return null;
}
