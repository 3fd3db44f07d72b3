// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useStableList } from '../../renderer/ui/use-stable-list';

describe('useStableList', () => {
  it('keeps the previous list while the parts compared are the same, and takes a changed one', () => {
    const said = { prompt: 'a' };
    const first = [{ loaded: 0, said }, { loaded: 0, said: null }];
    const { result, rerender } = renderHook(({ list }) => useStableList(list, (a, b) => a.said === b.said), { initialProps: { list: first } });
    expect(result.current).toBe(first);
    rerender({ list: [{ loaded: 50, said }, { loaded: 10, said: null }] });
    expect(result.current).toBe(first);
    const read = [{ loaded: 50, said }, { loaded: 10, said: { prompt: 'b' } }];
    rerender({ list: read });
    expect(result.current).toBe(read);
    const fewer = [read[0]!];
    rerender({ list: fewer });
    expect(result.current).toBe(fewer);
  });
});
