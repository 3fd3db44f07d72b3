import { describe, expect, it } from 'vitest';
import { parseBoundedJson } from '../../main/provenance/sd/bounded-json';

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
