import { clipText } from '../limits';
import type { A1111Record } from '../types';

const NEGATIVE_PREFIX = 'Negative prompt:';
const KEY_PATTERN = /^\w[\w \-/]{0,63}$/;

/** Index just past the closing quote of a quoted value starting at `start` (backslash escapes honoured). */
function endOfQuoted(line: string, start: number): number {
  for (let index = start + 1; index < line.length; index += 1) {
    if (line[index] === '\\') index += 1;
    else if (line[index] === '"') return index + 1;
  }
  return line.length;
}

function unquote(value: string): string {
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'string' ? parsed : value;
  } catch {
    return value.slice(1, value.endsWith('"') ? -1 : undefined);
  }
}

/**
 * "Steps: 20, Sampler: Euler a, Lora hashes: "a: 1, b: 2", ..." -> key/value pairs. A linear scan rather than
 * WebUI's regular expression, which backtracks badly on long lines without colons.
 */
export function parseSettingsLine(line: string): Map<string, string> {
  const settings = new Map<string, string>();
  let index = 0;
  while (index < line.length) {
    const colon = line.indexOf(':', index);
    if (colon < 0) break;
    const key = line.slice(index, colon).trim();
    let valueStart = colon + 1;
    while (line[valueStart] === ' ') valueStart += 1;
    let valueEnd: number;
    let value: string;
    if (line[valueStart] === '"') {
      valueEnd = endOfQuoted(line, valueStart);
      value = unquote(line.slice(valueStart, valueEnd));
    } else {
      const comma = line.indexOf(',', valueStart);
      valueEnd = comma < 0 ? line.length : comma;
      value = line.slice(valueStart, valueEnd).trim();
    }
    if (KEY_PATTERN.test(key) && !settings.has(key)) settings.set(key, value);
    const nextComma = line.indexOf(',', valueEnd);
    if (nextComma < 0) break;
    index = nextComma + 1;
  }
  return settings;
}

function numberOrNull(value: string | undefined, parse: (text: string) => number): number | null {
  if (value === undefined) return null;
  const number = parse(value);
  return Number.isFinite(number) ? number : null;
}

/**
 * Parses Stable Diffusion WebUI generation settings (PNG "parameters" text, or EXIF UserComment):
 *   prompt lines / "Negative prompt: ..." lines / a last line of "Key: value" settings.
 * Returns null when the text does not look like WebUI settings.
 */
export function parseA1111(text: string): A1111Record | null {
  const lines = text.replace(/\r\n?/g, '\n').trim().split('\n');
  let settings = parseSettingsLine(lines[lines.length - 1] ?? '');
  // Three pairs, or WebUI's own "Steps" and one more (a trimmed line: "Steps: 20, Seed: 5"): a prompt line rarely has either.
  if (settings.size >= 3 || (settings.size === 2 && settings.has('Steps'))) lines.pop();
  else settings = new Map();
  const promptLines: string[] = [];
  const negativeLines: string[] = [];
  let inNegative = false;
  for (const line of lines) {
    let content = line;
    if (!inNegative && line.trim().startsWith(NEGATIVE_PREFIX)) {
      inNegative = true;
      content = line.trim().slice(NEGATIVE_PREFIX.length).trim();
    }
    (inNegative ? negativeLines : promptLines).push(content);
  }
  if (!settings.has('Steps') && !inNegative) return null;
  const [width, height] = (settings.get('Size') ?? '').split('x');
  const size = width && height && /^\d+$/.test(width) && /^\d+$/.test(height) ? `${width}x${height}` : null;
  return {
    prompt: clipText(promptLines.join('\n').trim()),
    negativePrompt: inNegative ? clipText(negativeLines.join('\n').trim()) : null,
    steps: numberOrNull(settings.get('Steps'), (value) => Number.parseInt(value, 10)),
    sampler: settings.get('Sampler') ?? null,
    cfgScale: numberOrNull(settings.get('CFG scale'), Number.parseFloat),
    seed: numberOrNull(settings.get('Seed'), Number),
    size,
    model: settings.get('Model') ?? null,
    modelHash: settings.get('Model hash') ?? null,
    params: Object.fromEntries([...settings].map(([key, value]) => [key, clipText(value)])),
    raw: clipText(text),
  };
}
