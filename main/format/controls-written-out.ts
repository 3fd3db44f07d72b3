/**
 * Text from a file with the characters it could smuggle in written out as \u00NN: ESC sequences (which recolour or
 * clear a terminal, and show as boxes in the app), a carriage return not ending a line, the C1 controls, the line and
 * paragraph separators, and the bidirectional overrides that reorder what is read. Tabs and line breaks stay.
 * \u00NN, not \xNN: in JSON output it is a JSON escape of the very same character, so the JSON stays valid and exact.
 */
export function controlsWrittenOut(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Every string in a record read from a file, written out as controlsWrittenOut does, for showing it. */
export function withControlsWrittenOut<T>(value: T): T {
  if (typeof value === 'string') return controlsWrittenOut(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => withControlsWrittenOut(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withControlsWrittenOut(v)])) as T;
  }
  return value;
}
