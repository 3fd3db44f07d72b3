import { describe, expect, it } from 'vitest';
import { parseBoundedJson } from '../../main/provenance/sd/bounded-json';

describe('parseBoundedJson', () => {
  it('counts nesting outside strings only, whatever the strings hold (brackets, escaped quotes, backslashes, NaN)', () => {
    const text = '{"a": "[[[[\\"[[[ NaN", "b": ["x\\\\", "]]] \\\\\\" {{", -Infinity], "c": NaN, "d": "Infinity\\\\"}';
    expect(parseBoundedJson(text, 'graph', 2)).toEqual({
      value: { a: '[[[["[[[ NaN', b: ['x\\', ']]] \\" {{', null], c: null, d: 'Infinity\\' },
    });
    expect(parseBoundedJson('{"a": [[["x"]]]}', 'graph', 3)).toEqual({ error: 'graph is nested more than 3 levels deep; GenLog does not read it' });
  });

  it('reports an unterminated string as invalid JSON', () => {
    expect(parseBoundedJson('{"a": "never closed \\"}', 'graph')).toMatchObject({ error: expect.stringMatching(/^graph is not valid JSON/) });
  });

});
