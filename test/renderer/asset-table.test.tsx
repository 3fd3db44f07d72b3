// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ROW_HEIGHT } from '../../renderer/log/AssetTable';
import { loadedRows, ok, realApi, renderApp, renderedRows, type RealApi } from './support/app';
import { scrollElement, stubGridLayout } from './support/layout';

// No artificial delay between keystrokes: the tests wait for what the UI does, not for typing speed.
const user = userEvent.setup({ delay: null });

const COUNT = 10_000;
const VIEWPORT = 440;

describe('the log table on 10,000 real rows', () => {
  let real: RealApi;
  let restoreLayout: () => void;

  beforeAll(() => {
    real = realApi(COUNT);
    restoreLayout = stubGridLayout({ width: 1000, height: VIEWPORT });
  });
  afterAll(() => {
    cleanup();
    restoreLayout();
    real.ctx.db.close();
  });

  async function openLog() {
    cleanup();
    renderApp(real.api);
    await screen.findByText('10,000 assets');
    const grid = screen.getByRole('grid', { name: 'Asset log' });
    await waitFor(() => expect(loadedRows(grid).length).toBeGreaterThan(0));
    return grid;
  }

  it('keeps only the rows in view (plus overscan) in the DOM and announces the full count', async () => {
    const grid = await openLog();
    const rows = renderedRows(grid);
    const visible = Math.ceil(VIEWPORT / ROW_HEIGHT);
    expect(rows.length).toBeGreaterThanOrEqual(visible - 2);
    expect(rows.length).toBeLessThan(visible + 30);
    expect(grid.getAttribute('aria-rowcount')).toBe(String(COUNT + 1));
    // Default order is newest first, exactly as the API returns it.
    const firstPage = ok(await real.api.listAssets({ limit: 5 })).rows.map((a) => String(a.id));
    expect(loadedRows(grid).slice(0, 5).map((r) => r.dataset.assetId)).toEqual(firstPage);
  });

  it('fetches and shows the rows at the scroll position when scrolled far down', async () => {
    const grid = await openLog();
    const target = 6_123;
    scrollElement(grid, target * ROW_HEIGHT);
    await waitFor(() => {
      const indexes = loadedRows(grid).map((r) => Number(r.getAttribute('aria-rowindex')) - 2);
      expect(indexes).toContain(target);
    });
    const expected = ok(await real.api.listAssets({ offset: target, limit: 1 })).rows[0]!;
    const row = loadedRows(grid).find((r) => r.getAttribute('aria-rowindex') === String(target + 2))!;
    expect(row.dataset.assetId).toBe(String(expected.id));
    expect(within(row).getByText(expected.fileName)).toBeTruthy();
    expect(renderedRows(grid).length).toBeLessThan(Math.ceil(VIEWPORT / ROW_HEIGHT) + 30);
  });

  it('sorts by a column when its header is clicked, and reverses on a second click', async () => {
    const grid = await openLog();
    const idHeader = within(grid).getByRole('button', { name: /^ID/ });
    await user.click(idHeader);
    await waitFor(() => expect(loadedRows(grid).slice(0, 3).map((r) => r.dataset.assetId)).toEqual(['1', '2', '3']));
    expect(idHeader.closest('[role="columnheader"]')!.getAttribute('aria-sort')).toBe('ascending');
    await user.click(idHeader);
    await waitFor(() => expect(loadedRows(grid)[0]!.dataset.assetId).toBe(String(COUNT)));
    expect(idHeader.closest('[role="columnheader"]')!.getAttribute('aria-sort')).toBe('descending');

    await user.click(within(grid).getByRole('button', { name: /^File name/ }));
    const byName = ok(await real.api.listAssets({ sort: 'fileName', direction: 'asc', limit: 4 })).rows.map((a) => String(a.id));
    await waitFor(() => expect(loadedRows(grid).slice(0, 4).map((r) => r.dataset.assetId)).toEqual(byName));
  });

  it('moves the selection with the arrow keys and opens the detail with Enter', async () => {
    const grid = await openLog();
    grid.focus();
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    const second = loadedRows(grid)[1]!;
    await waitFor(() => expect(second.getAttribute('aria-selected')).toBe('true'));
    expect(grid.getAttribute('aria-activedescendant')).toBe(second.id);
    const name = within(second).getAllByRole('gridcell')[3]!.textContent!;
    const pane = screen.getByRole('complementary', { name: 'Asset detail' });
    await within(pane).findByRole('heading', { name });
    fireEvent.keyDown(grid, { key: 'Enter' });
    await waitFor(() => expect(document.activeElement).toBe(within(pane).getByRole('tab', { name: 'Details' })));
    fireEvent.keyDown(grid, { key: 'End' });
    await waitFor(() => expect(screen.getByText(`Row 10,000 of 10,000`)).toBeTruthy());
  });
});
