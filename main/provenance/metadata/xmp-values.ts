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
    const text = decodeXmlEntities(value).trim();
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
