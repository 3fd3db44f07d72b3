// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ListQuery } from '../../renderer/api-types';
import { loadedRows, ok, realApi, renderApp, type RealApi } from './support/app';
import { stubGridLayout } from './support/layout';

// No artificial delay between keystrokes: the tests wait for what the UI does, not for typing speed.
const user = userEvent.setup({ delay: null });

const COUNT = 10_000;

describe('log filters against a real API', () => {
  let real: RealApi;
  let restoreLayout: () => void;

  beforeAll(() => {
    real = realApi(COUNT);
    restoreLayout = stubGridLayout();
  });
  afterEach(() => cleanup());
  afterAll(() => {
    restoreLayout();
    real.ctx.db.close();
  });

  /** What the API itself says the query matches: the UI must show exactly this. */
  async function expected(q: ListQuery) {
    const page = ok(await real.api.listAssets({ ...q, limit: 20 }));
    return { total: page.total, text: `${page.total.toLocaleString('en-US')} ${page.total === 1 ? 'asset' : 'assets'}`, ids: page.rows.map((r) => String(r.id)) };
  }

  async function openLog() {
    renderApp(real.api);
    await screen.findByText('10,000 assets');
    const grid = screen.getByRole('grid', { name: 'Asset log' });
    await waitFor(() => expect(loadedRows(grid).length).toBeGreaterThan(0));
    // The catalog (productions, tools, artists) fills the filter menus.
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Production' }).querySelectorAll('option').length).toBe(6));
    return grid;
  }

  it('narrows the rows to one classification', async () => {
    const grid = await openLog();
    const want = await expected({ classification: 'deliverable' });
    expect(want.total).toBeGreaterThan(0);
    expect(want.total).toBeLessThan(COUNT);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Classification' }), 'deliverable');
    await screen.findByText(want.text);
    await waitFor(() => expect(loadedRows(grid).slice(0, 20).map((r) => r.dataset.assetId)).toEqual(want.ids));
    for (const row of loadedRows(grid)) {
      expect(within(row).getByText('deliverable')).toBeTruthy();
      expect(within(row).queryByText('temporary')).toBeNull();
    }
  });

  it('searches the full text after the user pauses typing', async () => {
    const grid = await openLog();
    const search = screen.getByRole('searchbox', { name: 'Search the log' });
    const { fileName } = ok(await real.api.getAsset({ id: 4241 }));
    await user.type(search, fileName);
    // Debounced: the query has not run yet right after the last key.
    expect(screen.getByTestId('asset-total').textContent).toBe('10,000 assets');
    await screen.findByText('1 asset');
    await waitFor(() => expect(loadedRows(grid).map((r) => r.dataset.assetId)).toEqual(['4241']));
    expect(within(loadedRows(grid)[0]!).getByText(fileName)).toBeTruthy();

    await user.clear(search);
    await user.type(search, 'dragon{Enter}');
    const dragons = await expected({ search: 'dragon' });
    expect(dragons.total).toBeGreaterThan(1);
    expect(dragons.total).toBeLessThan(COUNT);
    await screen.findByText(dragons.text);
    await waitFor(() => expect(loadedRows(grid).slice(0, 20).map((r) => r.dataset.assetId)).toEqual(dragons.ids));
  });

  it('combines filters, explains an empty result, and clears back to everything', async () => {
    await openLog();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Production' }), 'SEED2');
    await screen.findByText((await expected({ production: 'SEED2' })).text);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Media type' }), 'audio');
    await screen.findByText((await expected({ production: 'SEED2', mediaType: 'audio' })).text);
    await user.type(screen.getByRole('searchbox', { name: 'Search the log' }), 'nosuchwordanywhere{Enter}');
    await screen.findByText('0 assets');
    expect(screen.getByText('No assets match these filters.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await screen.findByText('10,000 assets');
    expect(screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search the log' }).value).toBe('');
    // A backwards date range says so, rather than only "no assets match".
    fireEvent.change(screen.getByLabelText('Created from'), { target: { value: '2026-03-10' } });
    fireEvent.change(screen.getByLabelText('Created to'), { target: { value: '2026-03-01' } });
    await screen.findByText('0 assets');
    expect(screen.getByText('The date range is backwards: From (2026-03-10) is after To (2026-03-01). Swap the dates to see that period.')).toBeTruthy();
  });

  it('hides retired assets when "Show retired" is unticked', async () => {
    const victim = ok(await real.api.retireAsset({ id: 17, reason: 'superseded', by: 'tester' }));
    await openLog();
    await user.click(screen.getByRole('checkbox', { name: 'Show retired' }));
    await screen.findByText('9,999 assets');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Artist' }), victim.createdBy);
    const want = await expected({ artist: victim.createdBy, retired: 'exclude' });
    expect(want.total).toBe((await expected({ artist: victim.createdBy })).total - 1);
    await screen.findByText(want.text);
  });
});
