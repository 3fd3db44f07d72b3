// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { loadedRows, ok, realApi, renderApp, type RealApi } from './support/app';
import { stubGridLayout } from './support/layout';

// No artificial delay between keystrokes: the tests wait for what the UI does, not for typing speed.
const user = userEvent.setup({ delay: null });

describe('re-tagging and retiring from the detail pane', () => {
  let real: RealApi;
  let restoreLayout: () => void;

  beforeAll(() => {
    restoreLayout = stubGridLayout();
  });
  beforeEach(async () => {
    real = realApi(40);
    ok(await real.api.setSettings({ artistName: 'Ana Ortiz' }));
  });
  afterEach(() => {
    cleanup();
    real.ctx.db.close();
  });
  afterAll(() => restoreLayout());

  /** Opens the log and selects the first temporary asset; returns it as the API sees it. */
  async function selectTemporaryAsset() {
    const first = ok(await real.api.listAssets({ classification: 'temporary', sort: 'id', direction: 'asc', limit: 1 })).rows[0]!;
    const app = renderApp(real.api);
    const grid = await screen.findByRole('grid', { name: 'Asset log' });
    await waitFor(() => expect(loadedRows(grid).length).toBeGreaterThan(0));
    await user.click(within(grid).getByRole('button', { name: /^ID/ }));
    await waitFor(() => expect(loadedRows(grid)[0]!.dataset.assetId).toBe('1'));
    const row = loadedRows(grid).find((r) => r.dataset.assetId === String(first.id))!;
    await user.click(within(row).getByText(first.fileName));
    const pane = screen.getByRole('complementary', { name: 'Asset detail' });
    await within(pane).findByRole('heading', { name: first.fileName });
    return { asset: first, grid, pane, row, app };
  }

  it('requires a reason, then re-tags and shows the event in the history', async () => {
    const { asset, pane } = await selectTemporaryAsset();
    await user.click(within(pane).getByRole('button', { name: 'Re-tag…' }));
    const dialog = await screen.findByRole('dialog', { name: `Re-tag asset #${asset.id} as deliverable` });
    const reason = within(dialog).getByRole('textbox', { name: 'Reason (required)' });
    expect(document.activeElement).toBe(reason);

    // Enter with no reason: refused in place, nothing sent to the API.
    const callsBefore = real.calls.length;
    await user.keyboard('{Enter}');
    expect(within(dialog).getByRole('alert').textContent).toMatch(/A reason is required/);
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(real.calls.slice(callsBefore)).not.toContain('markAsset');

    await user.type(reason, 'Director approved it for the final cut');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const stored = ok(await real.api.getAsset({ id: asset.id }));
    expect(stored.classification).toBe('deliverable');
    await within(pane).findByText('deliverable', { selector: '.detail-actions .badge' });

    await user.click(within(pane).getByRole('tab', { name: /History/ }));
    const list = within(pane).getByRole('list', { name: `History of asset ${asset.id}` });
    const event = within(list).getAllByRole('listitem')[0]!;
    expect(event.textContent).toContain('Re-tagged');
    expect(event.textContent).toContain('classification');
    expect(within(event).getByText('temporary')).toBeTruthy();
    expect(within(event).getByText('deliverable')).toBeTruthy();
    expect(event.textContent).toContain('Ana Ortiz');
    expect(event.textContent).toContain('Director approved it for the final cut');
    expect(stored.history.at(-1)).toMatchObject({ action: 'classified', by: 'Ana Ortiz', from: 'temporary', to: 'deliverable' });
  });

  it('names fact changes in the history in words, not by their internal action', async () => {
    const first = ok(await real.api.listAssets({ classification: 'temporary', sort: 'id', direction: 'asc', limit: 1 })).rows[0]!;
    ok(await real.api.setFacts({ id: first.id, facts: { onScreen: 'prominent' }, reason: 'shown in the title sequence' }));
    const { pane } = await selectTemporaryAsset();
    await user.click(within(pane).getByRole('tab', { name: /History/ }));
    const event = within(within(pane).getByRole('list', { name: `History of asset ${first.id}` })).getAllByRole('listitem')[0]!;
    expect(event.textContent).toContain('Facts changed');
    expect(event.textContent).toContain('facts.onScreen');
    expect(within(event).getByText('prominent')).toBeTruthy();
  });

  it('cancels with Escape, keeps focus inside the dialog, and changes nothing', async () => {
    const { asset, grid } = await selectTemporaryAsset();
    fireEvent.keyDown(grid, { key: 't' });
    const dialog = await screen.findByRole('dialog');
    const reason = within(dialog).getByRole('textbox', { name: 'Reason (required)' });
    await user.type(reason, 'not sure yet');
    const confirm = within(dialog).getByRole('button', { name: 'Re-tag as deliverable' });
    confirm.focus();
    await user.tab();
    expect(document.activeElement).toBe(reason);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(confirm);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const stored = ok(await real.api.getAsset({ id: asset.id }));
    expect(stored.classification).toBe('temporary');
    expect(stored.history).toEqual([]);
  });

  it('retired from the pane\'s button, which a retired asset disables, the keyboard goes to the table, not the page', async () => {
    const { pane, grid } = await selectTemporaryAsset();
    await user.click(within(pane).getByRole('button', { name: 'Retire…' }));
    const dialog = await screen.findByRole('dialog', { name: /^Retire asset/ });
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason (required)' }), 'Cut');
    await user.click(within(dialog).getByRole('checkbox'));
    await user.click(within(dialog).getByRole('button', { name: 'Retire asset' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(grid));
  });

  it('retires only with a reason and an explicit confirmation', async () => {
    const { asset, grid } = await selectTemporaryAsset();
    fireEvent.keyDown(grid, { key: 'r' });
    const dialog = await screen.findByRole('dialog', { name: `Retire asset #${asset.id}` });
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason (required)' }), 'Cut from the episode');
    await user.click(within(dialog).getByRole('button', { name: 'Retire asset' }));
    expect(within(dialog).getByText('Tick the box to confirm.')).toBeTruthy();
    expect(ok(await real.api.getAsset({ id: asset.id })).retired).toBe(false);

    await user.click(within(dialog).getByRole('checkbox'));
    await user.click(within(dialog).getByRole('button', { name: 'Retire asset' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const stored = ok(await real.api.getAsset({ id: asset.id }));
    expect(stored).toMatchObject({ retired: true, retiredReason: 'Cut from the episode' });
    const row = await waitFor(() => {
      const r = loadedRows(grid).find((x) => x.dataset.assetId === String(asset.id))!;
      expect(r.className).toContain('is-retired');
      return r;
    });
    expect(within(row).getByText('retired')).toBeTruthy();
    // A retired asset can no longer be re-tagged: the key explains instead of opening a dialog.
    fireEvent.keyDown(grid, { key: 't' });
    await screen.findByText(`Asset #${asset.id} is retired and can no longer be changed.`);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  /** The selected asset's edit form, open, with `typed` added to its notes; then someone else changes its prompt. */
  async function editingWhileChangedElsewhere(typed: string, prompt: string) {
    const { asset, pane, app } = await selectTemporaryAsset();
    await user.click(within(pane).getByRole('button', { name: 'Edit fields…' }));
    const form = within(pane).getByRole('form', { name: `Edit asset ${asset.id}` });
    await user.type(within(form).getByRole('textbox', { name: 'Notes' }), typed);
    ok(await real.api.editAsset({ id: asset.id, changes: { prompt }, by: 'bo' }));
    return { asset, app, form };
  }

  it('saving an edit keeps what someone else changed meanwhile in the fields not edited here', async () => {
    const { asset, app, form } = await editingWhileChangedElsewhere(' checked by Ana', 'fixed by Bo');
    // Another reviewer fixed the prompt; the open log follows the database and reloads the asset under the form.
    await app.stores.followLog();
    await waitFor(() => expect(app.stores.detail.getState().asset?.prompt).toBe('fixed by Bo'));
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect(ok(await real.api.getAsset({ id: asset.id })).notes).toBe(`${asset.notes} checked by Ana`));
    expect(ok(await real.api.getAsset({ id: asset.id })).prompt).toBe('fixed by Bo');
  });

  it('a poll whose reload of the selected asset fails keeps the asset and the edit being typed, and says nothing', async () => {
    const { asset, app, form } = await editingWhileChangedElsewhere(' half typed', 'changed elsewhere');
    const getAsset = real.api.getAsset;
    real.api.getAsset = async () => ({ ok: false as const, error: { code: 'failed' as const, message: 'database is locked' } });
    try {
      await app.stores.followLog();
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      real.api.getAsset = getAsset;
    }
    expect(app.stores.detail.getState().asset?.id).toBe(asset.id);
    expect(within(form).getByRole<HTMLTextAreaElement>('textbox', { name: 'Notes' }).value).toBe(`${asset.notes} half typed`);
    expect(app.stores.notifications.getState().notices.filter((n) => n.kind === 'error')).toEqual([]);
  });

  it('after its own change the log loads once: the next poll finds nothing new', async () => {
    const { app } = await selectTemporaryAsset();
    expect(await app.stores.detail.getState().retag('deliverable', 'approved for the cut')).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(await app.stores.log.getState().changedSinceLastLook()).toBe(false);
  });

  it('edits prompt, notes and tool with save/cancel, one history event per changed field', async () => {
    ok(await real.api.addTool({ name: 'Flux', hosting: 'local' }));
    const { asset, pane } = await selectTemporaryAsset();
    await user.click(within(pane).getByRole('button', { name: 'Edit fields…' }));
    let form = within(pane).getByRole('form', { name: `Edit asset ${asset.id}` });
    await user.type(within(form).getByRole('textbox', { name: 'Notes' }), 'throwaway');
    await user.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(ok(await real.api.getAsset({ id: asset.id })).notes).toBe(asset.notes);
    // The form is gone with the field that had the keyboard: it is back on "Edit fields…", not on the page.
    await waitFor(() => expect(document.activeElement).toBe(within(pane).getByRole('button', { name: 'Edit fields…' })));

    await user.click(within(pane).getByRole('button', { name: 'Edit fields…' }));
    form = within(pane).getByRole('form', { name: `Edit asset ${asset.id}` });
    const prompt = within(form).getByRole('textbox', { name: 'Prompt' });
    await user.clear(prompt);
    await user.type(prompt, 'castle at dawn, wide');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Tool' }), 'Flux');
    await user.type(within(form).getByRole('textbox', { name: /Reason for the change/ }), 'prompt was mistyped');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await within(pane).findByText('castle at dawn, wide');
    await waitFor(() => expect(document.activeElement).toBe(within(pane).getByRole('button', { name: 'Edit fields…' })));

    const stored = ok(await real.api.getAsset({ id: asset.id }));
    expect(stored).toMatchObject({ prompt: 'castle at dawn, wide', tool: 'Flux', notes: asset.notes });
    expect(stored.history.map((h) => [h.action, h.field, h.to, h.reason, h.by])).toEqual([
      ['edited', 'prompt', 'castle at dawn, wide', 'prompt was mistyped', 'Ana Ortiz'],
      ['edited', 'tool', 'Flux', 'prompt was mistyped', 'Ana Ortiz'],
    ]);
    await user.click(within(pane).getByRole('tab', { name: /History/ }));
    expect(within(pane).getAllByRole('listitem').filter((li) => li.textContent?.includes('Edited'))).toHaveLength(2);
  });
});
