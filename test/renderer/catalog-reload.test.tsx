// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { StoresProvider } from '../../renderer/app/stores-context';
import { ProductionPicker, ToolPicker } from '../../renderer/catalog/CatalogSelects';
import { createStores } from '../../renderer/stores';
import { pathStager } from '../../renderer/file-stager';
import { ok, realApi, renderApp, type RealApi } from './support/app';

describe('the production and tool lists the pickers offer', () => {
  let real: RealApi;
  beforeEach(() => {
    real = realApi();
  });
  afterEach(() => {
    vi.useRealTimers();
    cleanup();
    real.ctx.db.close();
  });

  it('a picker whose value the loaded list lacks shows that value, not the first entry it would seem to choose', async () => {
    ok(await real.api.addTool({ name: 'Firefly' }));
    ok(await real.api.addProduction({ code: 'SHOW1', title: 'Show', contactEmail: 'n@example.com' }));
    const stores = createStores(real.api, pathStager(() => ''));
    await stores.catalog.getState().load();
    render(
      <StoresProvider stores={stores}>
        <ToolPicker aria-label="Tool" value="Midjourney" onChange={() => undefined} />
        <ProductionPicker aria-label="Production" value="SHOW2" onChange={() => undefined} />
      </StoresProvider>,
    );
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Tool' }).value).toBe('Midjourney');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Production' }).value).toBe('SHOW2');
  });

  it('a quiet reload that began before a save here does not bring back the list without the saved tool', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const slow = new Proxy(real.api, {
      get: (target, name, receiver) => (name === 'listTools'
        ? async (input: never) => { const res = await target.listTools(input); await gate; return res; }
        : Reflect.get(target, name, receiver)),
    });
    const stores = createStores(slow, pathStager(() => ''));
    const reload = stores.catalog.getState().reloadQuietly();
    ok(await stores.catalog.getState().saveTool({ name: 'Veo' }));
    release();
    await reload;
    expect(stores.catalog.getState().tools.map((t) => t.name)).toEqual(['Veo']);
  });

  it('a tool added elsewhere (a CLI, another window) reaches the lists within seconds, without a reload', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { stores } = renderApp(real.api);
    await waitFor(() => expect(stores.catalog.getState().loaded).toBe(true));
    const before = stores.catalog.getState().tools;
    ok(await real.api.addTool({ name: 'Midjourney' }));
    await vi.advanceTimersByTimeAsync(10_000);
    await waitFor(() => expect(stores.catalog.getState().tools.map((t) => t.name)).toEqual(['Midjourney']));
    // Nothing changed since: the list keeps its identity, so pickers do not render again for nothing.
    const after = stores.catalog.getState().tools;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(stores.catalog.getState().tools).toBe(after);
    expect(before).toEqual([]);
  });
});
