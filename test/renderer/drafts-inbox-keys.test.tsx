// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { GenlogClient } from '../../main/api/table';
import type { ApiContext } from '../../main/api/context';
import { ok } from '../support/context';
import { insertInboxItem } from '../../db/inbox';
import { renderApp } from './support/app';
import { inboxScreen, inboxWorld } from './support/inbox-world';

const user = userEvent.setup({ delay: null });
const { table, rowOf, pane, selectedRow, list } = inboxScreen;
const nav = (name: RegExp) => user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name }));

/** The API with `method` held at a gate: a batch stops after starting, until release() is called. */
function held(api: GenlogClient, method: 'confirmInbox' | 'dismissInbox') {
  let release!: () => void;
  const gate = new Promise<void>((r) => { release = r; });
  const client = new Proxy(api, {
    get: (target, name, receiver) => (name === method
      ? async (input: never) => { await gate; return (target[method] as (i: never) => unknown)(input); }
      : Reflect.get(target, name, receiver)),
  });
  return { client, release: () => release() };
}

describe('New files inbox keyboard', () => {
  let ctx: ApiContext;
  let api: GenlogClient;
  beforeEach(async () => {
    ({ ctx, api } = await inboxWorld());
  });
  afterEach(() => {
    cleanup();
    ctx.db.close();
  });

  it('a draft decided elsewhere while its form has the keyboard: the keyboard goes back to the list, and what was typed is said to be dropped', async () => {
    const { stores } = renderApp(api);
    await nav(/^New files inbox/);
    await within(table()).findByText('matte_v002.exr');
    await user.click(rowOf(/matte_v002/));
    const form = await within(pane()).findByRole('form', { name: 'Confirm matte_v002.exr' });
    await user.type(within(form).getByLabelText('Prompt'), ' and more');
    const id = stores.drafts.getState().selectedId!;
    ok(await api.dismissInbox({ id, by: 'cli-user' }));
    await stores.drafts.getState().load();
    await waitFor(() => expect(document.activeElement).toBe(list()));
    expect(screen.getByRole('status').textContent ?? '').toMatch(/matte_v002\.exr left the inbox while open .* not used/);
  });

  it('a tick by mouse leaves the keyboard on the list, not on the checkbox (a long list unmounts rows scrolled away)', async () => {
    const { stores } = renderApp(api);
    await nav(/^New files inbox/);
    await within(table()).findByText('matte_v002.exr');
    screen.getByLabelText('Show').focus();
    await user.click(within(rowOf(/matte_v002/)).getByRole('checkbox'));
    expect(stores.drafts.getState().picked).toHaveLength(1);
    expect(document.activeElement).toBe(list());
    // Nothing was selected by that focus, and Space now ticks the draft the arrows reach.
    expect(stores.drafts.getState().selectedId).toBeNull();
    await user.keyboard('{ArrowDown} ');
    expect(stores.drafts.getState().picked).toHaveLength(2);
    // What a screen reader says as the arrows move: the draft, its place, and whether it is checked.
    const first = stores.drafts.getState().items[0]!;
    expect(screen.getByTestId('draft-spoken').textContent).toBe(`${first.fileName}, 1 of ${stores.drafts.getState().total}, checked`);
    await user.keyboard('{ArrowDown}');
    const second = stores.drafts.getState().items[1]!;
    expect(screen.getByTestId('draft-spoken').textContent).toMatch(new RegExp(`^${second.fileName.replace('.', '\\.')}, 2 of \\d+(, checked)?$`));
  });

  it('the last "Show more" gives the keyboard back to the list, not to the page, as its button goes', async () => {
    ctx.db.transaction(() => {
      for (let i = 0; i < 520; i++) {
        insertInboxItem(ctx.db, {
          watchId: null, kind: 'file', path: `/many/m${i}.png`, fileName: `m${i}.png`, size: 1, mtimeMs: i + 1, sha256: (i + 1).toString(16).padStart(64, 'd'),
          mediaType: 'image', frames: null, provenance: null, prefill: '{}', foundAt: '2026-11-23T10:00:00.000Z',
        });
      }
    })();
    const { stores } = renderApp(api);
    await nav(/^New files inbox/);
    const more = await screen.findByRole('button', { name: 'Show more' });
    await user.click(more);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(list()));
    await user.keyboard('{End}');
    expect(stores.drafts.getState().selectedId).toBe(stores.drafts.getState().items.at(-1)?.id);
  });

  it('Esc in the confirm form goes back to the list on the same draft, keeping what was typed', async () => {
    renderApp(api);
    await nav(/^New files inbox/);
    await within(table()).findByText('matte_v002.exr');
    await user.click(rowOf(/matte_v002/));
    const form = await within(pane()).findByRole('form', { name: 'Confirm matte_v002.exr' });
    list().focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(within(form).getByRole('button', { name: 'Confirm and log' }));
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(list());
    expect(selectedRow()?.textContent).toContain('matte_v002.exr');

    // Into a text box, type, Esc: back on the list, the draft still selected and what was typed still there.
    await user.keyboard('{Enter}');
    await user.keyboard('{Shift>}{Tab}{Tab}{/Shift}');
    const notes = within(form).getByLabelText('Notes') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(notes);
    await user.keyboard('hold for grade');
    // An IME composing: Esc is the composition's, focus stays.
    fireEvent.keyDown(notes, { key: 'Escape', isComposing: true });
    expect(document.activeElement).toBe(notes);
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(list());
    expect(selectedRow()?.textContent).toContain('matte_v002.exr');
    expect((within(pane()).getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('hold for grade');
    // The arrows work straight away, and the typed notes come back with the draft.
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(selectedRow()?.textContent).not.toContain('matte_v002.exr'));
    await user.keyboard('{ArrowUp}');
    await within(pane()).findByRole('form', { name: 'Confirm matte_v002.exr' });
    expect((within(pane()).getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('hold for grade');

    // Esc in a dialog opened from the form closes the dialog only.
    await user.click(within(pane()).getByRole('button', { name: 'Dismiss…' }));
    await screen.findByRole('dialog', { name: 'Dismiss matte_v002.exr?' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(within(pane()).getByRole('button', { name: 'Dismiss…' }));
  });

  it('"Select all pending" is reached with Tab; Ctrl+A in the list ticks every pending draft, and again unticks them', async () => {
    renderApp(api);
    await nav(/^New files inbox/);
    await within(table()).findByText('matte_v002.exr');
    const pending = ok(await api.listInbox({ status: 'pending' })).total;
    expect(pending).toBe(5);
    list().focus();
    await user.tab();
    const all = within(table()).getByRole('checkbox', { name: 'Select all pending' });
    expect(document.activeElement).toBe(all);
    await user.keyboard(' ');
    expect(screen.getByRole('button', { name: `Confirm selected (${pending})…` })).toBeTruthy();
    await user.keyboard(' ');
    expect(screen.getByRole('button', { name: 'Confirm selected…' })).toBeTruthy();

    list().focus();
    await user.keyboard('{Control>}a{/Control}');
    expect(screen.getByRole('button', { name: `Confirm selected (${pending})…` })).toBeTruthy();
    expect((all as HTMLInputElement).checked).toBe(true);
    await user.keyboard('{Control>}a{/Control}');
    expect(screen.getByRole('button', { name: 'Confirm selected…' })).toBeTruthy();
    // Some ticked: Ctrl+A ticks the rest. The key never reaches the page (no page text selected).
    await user.click(within(table()).getByRole('checkbox', { name: 'Select plate.jpg' }));
    list().focus();
    expect(fireEvent.keyDown(list(), { key: 'a', ctrlKey: true })).toBe(false);
    expect(screen.getByRole('button', { name: `Confirm selected (${pending})…` })).toBeTruthy();
    expect(document.activeElement).toBe(list());
  });

  it('Esc stops a running "Confirm selected" after the draft in hand; the ones not reached stay ticked', async () => {
    const { client, release } = held(api, 'confirmInbox');
    renderApp(client);
    await nav(/^New files inbox/);
    await within(table()).findByText('matte_v002.exr');
    for (const name of ['matte_v002.exr', 'plate.jpg']) await user.click(within(table()).getByRole('checkbox', { name: `Select ${name}` }));
    await user.click(screen.getByRole('button', { name: 'Confirm selected (2)…' }));
    await screen.findByRole('dialog', { name: 'Log 2 files?' });
    await user.keyboard('{Enter}');
    const running = await screen.findByRole('dialog', { name: 'Log 2 files?' });
    await waitFor(() => expect(running.textContent).toContain('Logging… 0 of 2'));
    expect(within(running).getByRole('button', { name: 'Stop' })).toBeTruthy();
    await user.keyboard('{Escape}');
    release();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await within(screen.getByLabelText('Notifications')).findByText(/Logged 1 new asset\. Stopped: 1 not reached stays selected\./);
    expect(ok(await api.listAssets({})).total).toBe(1);
    // Focus goes back to the button that started it, to go on with the rest.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Confirm selected (1)…' })));
  });

  it('Stop ends a running "Dismiss selected" the same way', async () => {
    const { client, release } = held(api, 'dismissInbox');
    renderApp(client);
    await nav(/^New files inbox/);
    await within(table()).findByText('mystery_a.exr');
    for (const name of ['mystery_a.exr', 'mystery_b.exr']) await user.click(within(table()).getByRole('checkbox', { name: `Select ${name}` }));
    list().focus();
    await user.keyboard('{Delete}');
    await screen.findByRole('dialog', { name: 'Dismiss 2 files?' });
    await user.keyboard('{Enter}');
    const running = await screen.findByRole('dialog', { name: 'Dismiss 2 files?' });
    await waitFor(() => expect(running.textContent).toContain('Dismissing… 0 of 2'));
    fireEvent.click(within(running).getByRole('button', { name: 'Stop' }));
    release();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(ok(await api.listInbox({ status: 'dismissed' })).total).toBe(1);
    expect(ok(await api.listInbox({ status: 'pending' })).rows.map((d) => d.fileName)).toContain('mystery_b.exr');
  });
});
