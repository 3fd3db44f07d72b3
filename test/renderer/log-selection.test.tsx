// @vitest-environment jsdom
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { loadedRows, ok, realApi, renderApp, type RealApi } from './support/app';
import { stubGridLayout } from './support/layout';
import { tempDir } from '../support/context';

const user = userEvent.setup({ delay: null });

/** The selection belongs to an asset, not to a row position: what is logged or filtered around it never moves it. */
describe('the log selection', () => {
  let real: RealApi;
  let restoreLayout: () => void;
  beforeAll(() => { restoreLayout = stubGridLayout(); });
  beforeEach(() => { real = realApi(40); });
  afterEach(() => {
    cleanup();
    real.ctx.db.close();
  });
  afterAll(() => restoreLayout());

  async function selectThirdRow() {
    const app = renderApp(real.api);
    await screen.findByText('40 assets');
    const grid = screen.getByRole('grid', { name: 'Asset log' });
    await waitFor(() => expect(loadedRows(grid).length).toBeGreaterThan(3));
    grid.focus();
    for (let i = 0; i < 3; i++) fireEvent.keyDown(grid, { key: 'ArrowDown' });
    const third = loadedRows(grid)[2]!;
    await waitFor(() => expect(third.getAttribute('aria-selected')).toBe('true'));
    const pane = screen.getByRole('complementary', { name: 'Asset detail' });
    const name = within(third).getAllByRole('gridcell')[3]!.textContent!;
    await within(pane).findByRole('heading', { name });
    return { app, grid, pane, id: Number(third.dataset.assetId), name };
  }

  it('stays on the same asset when new assets are logged above it, and T re-tags that asset', async () => {
    const { app, grid, pane, id, name } = await selectThirdRow();
    const file = join(tempDir('genlog-selection-'), 'new_render.png');
    writeFileSync(file, 'fresh pixels');
    ok(await real.api.logAssets({ files: [{ path: file }], production: 'SEED1', tool: 'SeedTool1', by: 'ana', prompt: '', notes: '', episode: '' }));
    app.stores.log.getState().refresh();
    await screen.findByText('41 assets');
    await waitFor(() => expect(loadedRows(grid)[0]!.dataset.assetId).not.toBe(String(id)));
    await waitFor(() => expect(screen.getByText('Row 4 of 41')).toBeTruthy());
    const selected = loadedRows(grid).filter((r) => r.getAttribute('aria-selected') === 'true');
    expect(selected.map((r) => r.dataset.assetId)).toEqual([String(id)]);
    expect(within(pane).getByRole('heading', { name })).toBeTruthy();
    fireEvent.keyDown(grid, { key: 't' });
    expect((await screen.findByRole('dialog', { name: /Re-tag/ })).textContent).toContain(`#${id}`);
  });

  it('when the selected asset leaves the view (retired while retired ones are hidden), the cursor stays on its neighbour', async () => {
    const { app, grid, pane, id } = await selectThirdRow();
    app.stores.log.getState().setFilters({ showRetired: false });
    await waitFor(() => expect(loadedRows(grid).length).toBeGreaterThan(4));
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    await waitFor(() => expect(loadedRows(grid)[2]!.getAttribute('aria-selected')).toBe('true'));
    expect(Number(loadedRows(grid)[2]!.dataset.assetId)).toBe(id);
    const next = loadedRows(grid)[3]!;
    const nextId = next.dataset.assetId;
    const nextName = within(next).getAllByRole('gridcell')[3]!.textContent!;
    // Retired here (what the R dialog does), so the app knows its own change may take the asset out of view.
    await waitFor(() => expect(app.stores.detail.getState().asset?.id).toBe(id));
    expect(await app.stores.detail.getState().retire('superseded')).toMatchObject({ ok: true });
    await screen.findByText('39 assets');
    await waitFor(() => expect(loadedRows(grid)[2]!.dataset.assetId).toBe(nextId));
    await waitFor(() => expect(loadedRows(grid)[2]!.getAttribute('aria-selected')).toBe('true'));
    await within(pane).findByRole('heading', { name: nextName });
    expect(screen.getByText('Row 3 of 39')).toBeTruthy();
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    await waitFor(() => expect(loadedRows(grid)[3]!.getAttribute('aria-selected')).toBe('true'));
    // Another process retiring an asset above it moves its row, never the selection to another asset.
    const held = loadedRows(grid)[3]!.dataset.assetId;
    ok(await real.api.retireAsset({ id: Number(loadedRows(grid)[0]!.dataset.assetId), reason: 'elsewhere', by: 'bo' }));
    app.stores.log.getState().refresh();
    await screen.findByText('38 assets');
    await waitFor(() => expect(loadedRows(grid)[2]!.dataset.assetId).toBe(held));
    await waitFor(() => expect(loadedRows(grid)[2]!.getAttribute('aria-selected')).toBe('true'));
    expect(screen.getByText('Row 3 of 38')).toBeTruthy();
  });

  it('Enter on a column header sorts the log and leaves the selection and the detail pane alone', async () => {
    const { pane, name } = await selectThirdRow();
    const header = screen.getByRole('button', { name: /^File name/ });
    header.focus();
    fireEvent.keyDown(header, { key: 'Enter' });
    fireEvent.click(header); // what the browser does for Enter on a button
    await screen.findByText(/Sorted by file name/);
    expect(document.activeElement).toBe(header);
    expect(within(pane).getByRole('heading', { name })).toBeTruthy();
  });

  it('on the column headers, ← and → move along them and ↓ or Esc goes back to the rows, keeping the selection', async () => {
    const { grid, id } = await selectThirdRow();
    const fileName = screen.getByRole('button', { name: /^File name/ });
    fileName.focus();
    const buttons = within(grid).getAllByRole('button');
    const at = buttons.indexOf(fileName);
    fireEvent.keyDown(fileName, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(buttons[at + 1]);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(buttons[at - 1]);
    // Arrows on a header never move the selection.
    expect(Number(loadedRows(grid).find((r) => r.getAttribute('aria-selected') === 'true')?.dataset.assetId)).toBe(id);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(grid);
    expect(Number(loadedRows(grid).find((r) => r.getAttribute('aria-selected') === 'true')?.dataset.assetId)).toBe(id);
    fileName.focus();
    fireEvent.keyDown(fileName, { key: 'Escape' });
    expect(document.activeElement).toBe(grid);
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    await waitFor(() => expect(loadedRows(grid)[3]!.getAttribute('aria-selected')).toBe('true'));
  });

  it('↓ on a column header with nothing selected selects the first row', async () => {
    renderApp(real.api);
    await screen.findByText('40 assets');
    const grid = screen.getByRole('grid', { name: 'Asset log' });
    await waitFor(() => expect(loadedRows(grid).length).toBeGreaterThan(3));
    const header = screen.getByRole('button', { name: /^File name/ });
    header.focus();
    fireEvent.keyDown(header, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(grid);
    await waitFor(() => expect(loadedRows(grid)[0]!.getAttribute('aria-selected')).toBe('true'));
  });

  it('the app opens with the table focused, Ctrl+1 brings focus back to it, and T with nothing selected says what to do', async () => {
    renderApp(real.api);
    await screen.findByText('40 assets');
    const grid = screen.getByRole('grid', { name: 'Asset log' });
    await waitFor(() => expect(document.activeElement).toBe(grid));
    fireEvent.keyDown(grid, { key: 't' });
    expect(await screen.findByText('Select an asset first: ↑ and ↓ move the selection.')).toBeTruthy();
    expect(screen.queryByRole('dialog', { name: /Re-tag/ })).toBeNull();
    screen.getByRole('searchbox', { name: 'Search the log' }).focus();
    fireEvent.keyDown(document.activeElement!, { key: '1', ctrlKey: true });
    await waitFor(() => expect(document.activeElement).toBe(grid));
  });

  it('never re-tags an asset the filters hide; the first arrow key selects the first row shown', async () => {
    const { grid, id } = await selectThirdRow();
    const other = ok(await real.api.listAssets({ sort: 'createdAt', direction: 'desc', limit: 40 })).rows.find((a) => a.id !== id && a.prompt.startsWith('crowd'))!;
    const search = screen.getByRole('searchbox', { name: 'Search the log' });
    await user.type(search, `${other.fileName.replace('.png', '')}`);
    await waitFor(() => expect(loadedRows(grid).map((r) => r.dataset.assetId)).toEqual([String(other.id)]));
    grid.focus();
    fireEvent.keyDown(grid, { key: 't' });
    expect(screen.queryByRole('dialog', { name: /Re-tag/ })).toBeNull();
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    await waitFor(() => expect(loadedRows(grid)[0]!.getAttribute('aria-selected')).toBe('true'));
    fireEvent.keyDown(grid, { key: 't' });
    expect((await screen.findByRole('dialog', { name: /Re-tag/ })).textContent).toContain(`#${other.id}`);
  });
});
