import { describe, expect, it } from 'vitest';
import { MAX_JSON_CONTAINERS } from '../../main/provenance/limits';
import { parseBoundedJson } from '../../main/provenance/sd/bounded-json';
import { runWithHeapCap } from './helpers/heap-capped';

describe('parseBoundedJson', () => {
  it('counts nesting outside strings only, whatever the strings hold (brackets, escaped quotes, backslashes, NaN)', () => {
    const text = '{"a": "[[[[\\"[[[ NaN", "b": ["x\\\\", "]]] \\\\\\" {{", -Infinity], "c": NaN, "d": "Infinity\\\\"}';
    expect(parseBoundedJson(text, 'graph', 2)).toEqual({
      value: { a: '[[[["[[[ NaN', b: ['x\\', ']]] \\" {{', null], c: null, d: 'Infinity\\' },
      nonFinite: 2,
    });
    expect(parseBoundedJson('{"a": [[["x"]]]}', 'graph', 3)).toEqual({ error: 'graph is nested more than 3 levels deep; GenLog does not read it' });
  });

  it('refuses deep nesting in standard JSON too, short or long, without overflowing the stack, and counts objects in arrays', () => {
    for (const brackets of [100_000, 2_000_000]) {
      const deep = `${'['.repeat(brackets)}1${']'.repeat(brackets)}`;
      expect(parseBoundedJson(deep, 'graph')).toEqual({ error: 'graph is nested more than 64 levels deep; GenLog does not read it' });
    }
    expect(parseBoundedJson('{"a": [{"b": [1]}], "c": {}}', 'graph', 4)).toEqual({ value: { a: [{ b: [1] }], c: {} } });
    expect(parseBoundedJson('{"a": [{"b": [1]}], "c": {}}', 'graph', 3)).toMatchObject({ error: expect.stringMatching(/more than 3 levels/) });
    expect(parseBoundedJson('[[], [[]], {"x": []}]', 'graph', 3)).toEqual({ value: [[], [[]], { x: [] }] });
    expect(parseBoundedJson('[[], [[]], {"x": {"y": []}}]', 'graph', 3)).toMatchObject({ error: expect.stringMatching(/more than 3 levels/) });
    expect(parseBoundedJson('"just a string"', 'graph', 0)).toEqual({ value: 'just a string' });
  });

  it('reports an unterminated string as invalid JSON', () => {
    expect(parseBoundedJson('{"a": "never closed \\"}', 'graph')).toMatchObject({ error: expect.stringMatching(/^graph is not valid JSON/) });
  });
});

describe('parseBoundedJson on hostile sizes', () => {
  it("keeps the copy with Python's tokens made null about the text's size: 2 MiB of NaN fits a 32 MB heap", async () => {
    // Every token kept as a [start, length] pair, then every piece, took over 100 bytes a token: this ran out of memory.
    const outcome = await runWithHeapCap(
      'main/provenance/sd/bounded-json.ts',
      "const text = '[' + 'NaN,'.repeat(2 * 262144) + '\"NaN\", -Infinity]'; const read = lib.parseBoundedJson(text, 'graph'); " +
        'return { nonFinite: read.nonFinite, length: read.value.length, last: read.value.slice(-3) };',
      32,
    );
    expect(outcome).toEqual({ result: { nonFinite: 2 * 262144 + 1, length: 2 * 262144 + 2, last: [null, 'NaN', null] } });
  });

  it("replaces Python's tokens rightly across many batches, strings left alone", () => {
    const items = Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? 'NaN' : i % 3 === 1 ? `"NaN ${i} Infinity"` : '-Infinity'));
    const read = parseBoundedJson(`[${items.join(',')}]`, 'graph');
    expect(read).toMatchObject({ nonFinite: 13_333 });
    const value = (read as { value: unknown[] }).value;
    expect(value.slice(0, 4)).toEqual([null, 'NaN 1 Infinity', null, null]);
    expect(value[19_999]).toBe('NaN 19999 Infinity');
  });

  it(`refuses JSON of more than ${MAX_JSON_CONTAINERS} objects and lists before parsing it, and reads a large real-sized graph`, () => {
    const tooMany = `[${'[],'.repeat(MAX_JSON_CONTAINERS)}{}]`;
    expect(parseBoundedJson(tooMany, 'graph')).toEqual({ error: `graph holds more than ${MAX_JSON_CONTAINERS} objects and lists; GenLog does not read it` });
    // A large workflow: 50,000 nodes, each an object with an inputs object and a list.
    const nodes = Array.from({ length: 50_000 }, (_, i) => `"${i}": {"class_type": "Note", "inputs": {"text": "n${i}", "pos": [${i}, 0]}}`);
    const read = parseBoundedJson(`{${nodes.join(', ')}}`, 'graph');
    expect(Object.keys((read as { value: object }).value)).toHaveLength(50_000);
  });

  it('escapes control characters the JSON error quotes from the file', () => {
    const read = parseBoundedJson('{"a": \u001b[2J}', 'graph') as { error: string };
    expect(read.error).toMatch(/^graph is not valid JSON \(.*\\x1b\[2J/);
    expect(read.error).not.toMatch(/\p{Cc}/u);
  });
});
