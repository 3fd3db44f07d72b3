// @vitest-environment jsdom
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { GenlogClient } from '../../main/api/table';
import type { ApiContext } from '../../main/api/context';
import { ok } from '../support/context';
import { renderApp } from './support/app';
import { inboxScreen, inboxWorld } from './support/inbox-world';
import { a1111Png, titanPath } from '../ingest-api/fixtures';
import { sharedC2paFixture } from '../provenance/helpers/paths';

const user = userEvent.setup({ delay: null });
const { table, rowOf, pane, selectedRow } = inboxScreen;
const nav = (name: RegExp) => user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name }));

describe('New files inbox', () => {
  let ctx: ApiContext;
  let api: GenlogClient;
  let withTool: string;
  beforeEach(async () => {
    ({ ctx, api, withTool } = await inboxWorld());
  });
  afterEach(() => {
    cleanup();
    ctx.db.close();
  });

  it('lists drafts newest first with frames and provenance flags; keyboard opens, confirms with edits, and dismisses after asking', async () => {
    renderApp(api);
    await waitFor(() => expect(screen.getByRole('button', { name: /^New files inbox/ }).textContent).toContain('5'));
    await nav(/^New files inbox/);
    await within(table()).findByText('plate.jpg');
    const expected = ok(await api.listInbox({})).rows.map((d) => d.fileName);
    const shown = within(table()).getAllByRole('row').slice(1).map((r) => r.querySelector('.draft-name')?.textContent);
    expect(shown).toEqual(expected);
    expect(rowOf(/shot_v001/).textContent).toContain('1001–1010 (10)');
    expect(rowOf(/shot_v001/).textContent).toContain('Firefly');
    // The provenance column says what the file claims, right after its name.
    expect(rowOf(/plate\.jpg/).querySelectorAll('td')[2]?.textContent).toMatch(/says camera capture.*mismatch/);
    expect(rowOf(/plate\.jpg/).querySelector('.tag-bad')?.textContent).toBe('mismatch');
    expect(rowOf(/mystery_a/).textContent).toContain('none');

    // Opening the inbox puts the keyboard on the list, nothing selected yet: arrows select from the first row; the pane follows.
    const list = screen.getByRole('region', { name: 'New files list' });
    expect(document.activeElement).toBe(list);
    expect(selectedRow()).toBeNull();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(selectedRow()?.textContent).toContain(expected[0]!));
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(selectedRow()?.textContent).toContain(expected[1]!));
    await within(pane()).findByRole('heading', { name: expected[1]! });

    // The sequence: its frames and what its files said, then Enter opens and confirms with edits.
    await user.click(rowOf(/shot_v001/));
    await within(pane()).findByRole('heading', { name: /shot_v001/ });
    expect(pane().textContent).toContain('10 frames, 1001–1010 (10): one SHA-256 each');
    list.focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement?.textContent).toBe('Confirm and log');
    const form = within(pane()).getByRole('form', { name: /Confirm shot_v001/ });
    await user.type(within(form).getByLabelText('Prompt'), 'storm over the harbour');
    await user.selectOptions(within(form).getByLabelText('Episode / reel'), 'E101');
    await user.selectOptions(within(form).getByLabelText('Classification'), 'deliverable');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(within(table()).queryByText(/shot_v001/)).toBeNull());
    const [asset] = ok(await api.listAssets({ search: 'storm' })).rows;
    // The watch folder's artist made the file.
    expect(asset).toMatchObject({ production: 'SHOW1', tool: 'Firefly', episode: 'E101', classification: 'deliverable', createdBy: 'Priya', prompt: 'storm over the harbour' });
    expect(ok(await api.getAsset({ id: asset!.id }))).toMatchObject({ frameRange: { first: 1001, last: 1010 }, frames: expect.arrayContaining([expect.objectContaining({ frame: 1010 })]) });
    await waitFor(() => expect(screen.getByRole('button', { name: /^New files inbox/ }).textContent).toContain('4'));

    // Delete asks first; Cancel keeps the draft, the confirmation dismisses it (kept as dismissed).
    await user.click(rowOf(/plate\.jpg/));
    await within(pane()).findByRole('heading', { name: 'plate.jpg' });
    expect(pane().textContent).toMatch(/Mismatch:/);
    // Beside the summary, every reader's findings, as the asset's Provenance tab shows them once logged.
    expect(within(pane()).getByText('Everything the file says')).toBeTruthy();
    expect(within(pane()).getByRole('region', { name: 'IPTC / XMP' }).textContent).toMatch(/captured by a camera|digitalCapture|Digital capture/i);
    list.focus();
    await user.keyboard('{Delete}');
    let dialog = await screen.findByRole('dialog', { name: 'Dismiss plate.jpg?' });
    expect(dialog.textContent).toMatch(/to change your mind, select it under the Dismissed filter and return it to the inbox/);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(ok(await api.listInbox({})).total).toBe(4);
    list.focus();
    await user.keyboard('{Delete}');
    dialog = await screen.findByRole('dialog', { name: 'Dismiss plate.jpg?' });
    await user.click(within(dialog).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(within(table()).queryByText('plate.jpg')).toBeNull());
    expect(ok(await api.listInbox({ status: 'dismissed' })).rows.map((d) => [d.fileName, d.decidedBy])).toEqual([['plate.jpg', 'Ana Ortiz']]);

    // The status filter shows decided drafts with how they were decided.
    await user.selectOptions(screen.getByLabelText('Show'), 'all');
    await within(table()).findByText('plate.jpg');
    expect(rowOf(/plate\.jpg/).textContent).toContain('dismissed');
    expect(rowOf(/shot_v001/).textContent).toContain(`confirmed #${asset!.id}`);
    await user.click(rowOf(/shot_v001/));
    await within(pane()).findByRole('button', { name: `Open asset #${asset!.id} in the log` });

    // A dismissal made by mistake: the dismissed draft goes back to the inbox, waiting with its confirm form.
    await user.click(rowOf(/plate\.jpg/));
    await user.click(await within(pane()).findByRole('button', { name: 'Return it to the inbox' }));
    await within(pane()).findByRole('form', { name: /Log|Confirm/ });
    expect(await screen.findByText('plate.jpg is back in the inbox, waiting to be confirmed or dismissed.')).toBeTruthy();
    expect(ok(await api.listInbox({ status: 'dismissed' })).total).toBe(0);
    expect(ok(await api.listInbox({})).rows.map((d) => d.fileName)).toContain('plate.jpg');
  });

  it('"Confirm selected" logs ticked drafts with their folder defaults and keeps the ones that need a tool selected', async () => {
    renderApp(api);
    await nav(/^New files inbox/);
    await within(table()).findByText('matte_v002.exr');
    for (const name of ['matte_v002.exr', 'mystery_a.exr', 'mystery_b.exr']) await user.click(within(table()).getByRole('checkbox', { name: `Select ${name}` }));
    await user.click(screen.getByRole('button', { name: 'Confirm selected (3)…' }));
    // The question counts what will be logged; the rest are named as staying behind.
    const dialog = await screen.findByRole('dialog', { name: 'Log 1 file?' });
    expect(dialog.textContent).toMatch(/2 files name no tool and their folders set none: they will not be logged and stay selected\./);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(within(table()).getByRole('checkbox', { name: 'Select mystery_b.exr' }));
    await user.click(screen.getByRole('button', { name: 'Confirm selected (2)…' }));
    const oneLeft = await screen.findByRole('dialog', { name: 'Log 1 file?' });
    expect(oneLeft.textContent).toMatch(/1 file names no tool and its folder sets none: it will not be logged and stays selected\./);
    await user.click(within(oneLeft).getByRole('button', { name: 'Cancel' }));
    await user.click(within(table()).getByRole('checkbox', { name: 'Select mystery_b.exr' }));
    await user.click(screen.getByRole('button', { name: 'Confirm selected (3)…' }));
    const again = await screen.findByRole('dialog', { name: 'Log 1 file?' });
    await user.click(within(again).getByRole('button', { name: 'Log 1 file' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const notices = screen.getByLabelText('Notifications');
    // Not tried at all (the question left them out): no failure, and no "not reached" count if stopped.
    await within(notices).findByText("Logged 1 new asset. 2 name no tool and stay selected: choose each one's tool, then confirm.");
    expect(notices.textContent).not.toMatch(/could not be logged|--tool/);
    expect(ok(await api.listAssets({})).rows.map((a) => [a.fileName, a.tool, a.createdBy])).toEqual([['matte_v002.exr', 'Firefly', 'Priya']]);
    await waitFor(() => expect(within(table()).queryByText('matte_v002.exr')).toBeNull());
    expect(screen.getByRole('button', { name: 'Confirm selected (2)…' })).toBeTruthy();
    // With only drafts that cannot be logged ticked, nothing is offered to log.
    await user.click(screen.getByRole('button', { name: 'Confirm selected (2)…' }));
    const nothing = await screen.findByRole('dialog', { name: 'Nothing to log' });
    expect(nothing.textContent).toMatch(/None of the 2 selected files name a tool/);
    await user.click(within(nothing).getByRole('button', { name: 'Close' }));
    await user.click(within(table()).getByRole('checkbox', { name: 'Select mystery_b.exr' }));
    await user.click(screen.getByRole('button', { name: 'Confirm selected (1)…' }));
    const one = await screen.findByRole('dialog', { name: 'Nothing to log' });
    expect(one.textContent).toMatch(/The selected file names no tool in the tool list, and its folder sets none\./);
    await user.click(within(one).getByRole('button', { name: 'Close' }));
    await user.click(within(table()).getByRole('checkbox', { name: 'Select mystery_b.exr' }));

    // Ticking all, then the one-by-one path for a draft without a tool: the form asks for one.
    await user.click(rowOf(/mystery_a/));
    const form = await within(pane()).findByRole('form', { name: 'Confirm mystery_a.exr' });
    await user.click(within(form).getByRole('button', { name: 'Confirm and log' }));
    await within(form).findByText(/Choose the AI tool/);
    await user.selectOptions(within(form).getByLabelText('Tool'), 'Firefly');
    await user.click(within(form).getByRole('button', { name: 'Confirm and log' }));
    await waitFor(() => expect(within(table()).queryByText('mystery_a.exr')).toBeNull());
    expect(screen.getByRole('button', { name: 'Confirm selected (1)…' })).toBeTruthy();
  });

  it('keeps the keyboard on the list: Enter, Enter logs and focus returns to the next row; dialogs confirm on Enter', async () => {
    renderApp(api);
    await nav(/^New files inbox/);
    await within(table()).findByText('plate.jpg');
    const order = ok(await api.listInbox({})).rows.map((d) => d.fileName);
    const list = screen.getByRole('region', { name: 'New files list' });
    await user.click(rowOf(/matte_v002/));
    await within(pane()).findByRole('heading', { name: 'matte_v002.exr' });
    list.focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement?.textContent).toBe('Confirm and log');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(within(table()).queryByText('matte_v002.exr')).toBeNull());
    // Focus is back on the list, on the row that followed the logged one, and the arrows work straight away.
    await waitFor(() => expect(document.activeElement).toBe(list));
    const next = order[order.indexOf('matte_v002.exr') + 1]!;
    await waitFor(() => expect(selectedRow()?.textContent).toContain(next));
    await within(pane()).findByRole('heading', { name: next });
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(selectedRow()?.textContent).toContain(order[order.indexOf('matte_v002.exr') - 1]!));

    // Delete asks; focus starts on Dismiss (the hint says Enter confirms), Enter dismisses and the list keeps focus.
    const victim = selectedRow()!.querySelector('.draft-name')!.textContent!;
    await user.keyboard('{Delete}');
    const dialog = await screen.findByRole('dialog', { name: `Dismiss ${victim}?` });
    expect(within(dialog).getByText('Enter confirms · Esc cancels')).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Dismiss' }));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(ok(await api.listInbox({ status: 'dismissed' })).rows.map((d) => d.fileName)).toEqual([victim]);
    await waitFor(() => expect(document.activeElement).toBe(list));

    // "Dismiss…" in the form: its button goes with the draft, so focus lands on the list, not the page body.
    const shown = selectedRow()!.querySelector('.draft-name')!.textContent!;
    await within(pane()).findByRole('heading', { name: shown });
    await user.click(within(pane()).getByRole('button', { name: 'Dismiss…' }));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(within(table()).queryByText(shown)).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(list));
  });

  it('"Log N files?" confirms on Enter; Esc still cancels', async () => {
    renderApp(api);
    await nav(/^New files inbox/);
    await within(table()).findByText('matte_v002.exr');
    for (const name of ['matte_v002.exr', 'plate.jpg']) await user.click(within(table()).getByRole('checkbox', { name: `Select ${name}` }));
    await user.click(screen.getByRole('button', { name: 'Confirm selected (2)…' }));
    await screen.findByRole('dialog', { name: 'Log 2 files?' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(ok(await api.listAssets({})).rows).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Confirm selected (2)…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Log 2 files?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Log 2 files' }));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(async () => expect(ok(await api.listAssets({})).rows.map((a) => a.fileName).sort()).toEqual(['matte_v002.exr', 'plate.jpg']));
  });

  it('a click on a row with nothing selected opens that row, never the first one on the way', async () => {
    const opened: number[] = [];
    const watching = new Proxy(api, {
      get: (target, name, receiver) => (name === 'getInboxItem'
        ? (input: { id: number }) => { opened.push(input.id); return target.getInboxItem(input); }
        : Reflect.get(target, name, receiver)),
    });
    renderApp(watching);
    await nav(/^New files inbox/);
    await within(table()).findByText('mystery_a.exr');
    const rows = ok(await api.listInbox({})).rows;
    const last = rows[rows.length - 1]!;
    await user.click(rowOf(new RegExp(last.fileName.replace('.', '\\.'))));
    await within(pane()).findByRole('heading', { name: last.fileName });
    // Selecting the first draft on focus would scroll the list under the pointer between mouse down and up.
    expect(opened).toEqual([last.id]);
  });

  it('keeps what was typed into a draft when another draft is selected, until it is confirmed', async () => {
    renderApp(api);
    await nav(/^New files inbox/);
    await within(table()).findByText('matte_v002.exr');
    await user.click(rowOf(/matte_v002/));
    let form = await within(pane()).findByRole('form', { name: 'Confirm matte_v002.exr' });
    await user.type(within(form).getByLabelText('Prompt'), 'sky replacement, take 2');
    await user.click(rowOf(/plate\.jpg/));
    await within(pane()).findByRole('form', { name: 'Confirm plate.jpg' });
    expect((within(pane()).getByLabelText('Prompt') as HTMLTextAreaElement).value).not.toContain('sky replacement');
    await user.click(rowOf(/matte_v002/));
    form = await within(pane()).findByRole('form', { name: 'Confirm matte_v002.exr' });
    expect((within(form).getByLabelText('Prompt') as HTMLTextAreaElement).value).toBe('sky replacement, take 2');
    await user.click(within(form).getByRole('button', { name: 'Confirm and log' }));
    await waitFor(async () => expect(ok(await api.listAssets({ search: 'replacement' })).rows.map((a) => a.fileName)).toEqual(['matte_v002.exr']));
  });

  it('"Confirm selected" logs a draft with what was typed into it (its tool, prompt, episode), the others with their defaults', async () => {
    renderApp(api);
    await nav(/^New files inbox/);
    await within(table()).findByText('mystery_a.exr');
    await user.click(rowOf(/mystery_a/));
    const form = await within(pane()).findByRole('form', { name: 'Confirm mystery_a.exr' });
    await user.selectOptions(within(form).getByLabelText('Tool'), 'Firefly');
    await user.type(within(form).getByLabelText('Prompt'), 'fog bank rolling in');
    await user.selectOptions(within(form).getByLabelText('Episode / reel'), 'E102');
    for (const name of ['mystery_a.exr', 'matte_v002.exr']) await user.click(within(table()).getByRole('checkbox', { name: `Select ${name}` }));
    await user.click(screen.getByRole('button', { name: 'Confirm selected (2)…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Log 2 files?' });
    expect(dialog.textContent).toMatch(/1 file you opened and changed is logged with what you typed; each of the others with its watch folder's/);
    await user.click(within(dialog).getByRole('button', { name: 'Log 2 files' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(async () => expect(ok(await api.listAssets({})).total).toBe(2));
    const logged = ok(await api.listAssets({ sort: 'fileName', direction: 'asc' })).rows.map((a) => [a.fileName, a.tool, a.prompt, a.episode]);
    expect(logged).toEqual([['matte_v002.exr', 'Firefly', '', ''], ['mystery_a.exr', 'Firefly', 'fog bank rolling in', 'E102']]);
  });

  it('"Dismiss selected" and Delete with ticked rows dismiss all of them after one question', async () => {
    renderApp(api);
    await nav(/^New files inbox/);
    await within(table()).findByText('matte_v002.exr');
    expect((screen.getByRole('button', { name: 'Dismiss selected…' }) as HTMLButtonElement).disabled).toBe(true);
    const three = ['matte_v002.exr', 'mystery_a.exr', 'mystery_b.exr'];
    for (const name of three) await user.click(within(table()).getByRole('checkbox', { name: `Select ${name}` }));
    await user.click(rowOf(/plate\.jpg/));
    const list = screen.getByRole('region', { name: 'New files list' });
    list.focus();
    await user.keyboard('{Delete}');
    let dialog = await screen.findByRole('dialog', { name: 'Dismiss 3 files?' });
    expect(dialog.textContent).toMatch(/each can be returned to the inbox from the Dismissed filter/);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(ok(await api.listInbox({ status: 'dismissed' })).total).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Dismiss selected (3)…' }));
    dialog = await screen.findByRole('dialog', { name: 'Dismiss 3 files?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    list.focus();
    await user.keyboard('{Delete}');
    dialog = await screen.findByRole('dialog', { name: 'Dismiss 3 files?' });
    expect(within(dialog).getByRole('button', { name: 'Dismiss 3 files' })).toBe(document.activeElement);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const dismissed = ok(await api.listInbox({ status: 'dismissed' })).rows;
    expect(dismissed.map((d) => [d.fileName, d.decidedBy]).sort()).toEqual(three.map((n) => [n, 'Ana Ortiz']));
    await waitFor(() => expect(within(table()).getAllByRole('row')).toHaveLength(3));
    // The row that had focus was not ticked and is still there; nothing is left ticked.
    expect(selectedRow()?.textContent).toContain('plate.jpg');
    expect(screen.getByRole('button', { name: 'Dismiss selected…' })).toBeTruthy();
    await within(screen.getByLabelText('Notifications')).findByText(/Dismissed 3 files/);
    expect(document.activeElement).toBe(list);
  });

  it('a refused confirm moves focus to the field it is about (the missing tool)', async () => {
    renderApp(api);
    await nav(/^New files inbox/);
    await user.click(await within(table()).findByText('mystery_a.exr'));
    const form = await within(pane()).findByRole('form', { name: 'Confirm mystery_a.exr' });
    const confirm = within(form).getByRole('button', { name: 'Confirm and log' });
    confirm.focus();
    await user.keyboard('{Enter}');
    await within(form).findByText(/Choose the AI tool/);
    const tool = within(form).getByLabelText('Tool');
    await waitFor(() => expect(document.activeElement).toBe(tool));
    expect(tool.getAttribute('aria-invalid')).toBe('true');
  });

  it('says when the folder\'s tool is not the one the file names, and stops saying it once that tool is chosen', async () => {
    ok(await api.addTool({ name: 'Automatic1111', hosting: 'local', trainsOnInputs: 'no', retainsData: 'no' }));
    writeFileSync(join(withTool, 'hero_sd.png'), await a1111Png(4));
    ok(await api.scanWatchFolders({}));
    renderApp(api);
    await nav(/^New files inbox/);
    await user.click(await within(table()).findByText('hero_sd.png'));
    const form = await within(pane()).findByRole('form', { name: 'Confirm hero_sd.png' });
    const tool = within(form).getByLabelText<HTMLSelectElement>('Tool');
    expect(tool.value).toBe('Firefly');
    const hint = () => document.getElementById(tool.getAttribute('aria-describedby') ?? '')?.textContent ?? null;
    expect(hint()).toBe('The file names “Automatic1111”, not this tool: check before confirming');
    expect(tool.closest('.field')?.classList.contains('field-warn')).toBe(true);
    await user.selectOptions(tool, 'Automatic1111');
    expect(hint()).toBe(null);
  });

  it('lists each reason a draft\'s C2PA manifest failed validation on its own line', async () => {
    const tampered = readFileSync(titanPath());
    tampered[tampered.length - 100] = (tampered[tampered.length - 100] as number) ^ 0xff;
    writeFileSync(join(withTool, 'tampered.png'), tampered);
    ok(await api.scanWatchFolders({}));
    renderApp(api);
    await nav(/^New files inbox/);
    await user.click(await within(table()).findByText('tampered.png'));
    const notice = (await within(pane()).findByText(/^C2PA validation failed/)).closest('.notice') as HTMLElement;
    const items = within(notice).getAllByRole('listitem').map((li) => li.textContent);
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((text) => /does not match/.test(text ?? ''))).toBe(true);
  });

  it('flags a draft whose C2PA time stamp could not be verified, in its row and its pane, but not one merely unlisted on a trust list', async () => {
    const signed = readFileSync(sharedC2paFixture('trustnxt-icon-signed-timestamp.jpg'));
    const damaged = Buffer.from(signed);
    const token = damaged.indexOf('tstTokens', 0, 'latin1');
    damaged[token + 1254] = (damaged[token + 1254] ?? 0) ^ 0x01; // inside the time stamp token, outside what the claim signs
    writeFileSync(join(withTool, 'intact.jpg'), signed);
    writeFileSync(join(withTool, 'stamp.jpg'), damaged);
    ok(await api.scanWatchFolders({}));
    renderApp(api);
    await nav(/^New files inbox/);
    await within(table()).findByText('stamp.jpg');
    expect(rowOf(/stamp\.jpg/).querySelector('.tag-warn')?.textContent).toBe('C2PA check incomplete');
    expect(rowOf(/intact\.jpg/).querySelector('.tag-warn, .tag-bad')).toBeNull();
    await user.click(within(table()).getByText('stamp.jpg'));
    const notice = (await within(pane()).findByText(/^C2PA check incomplete/)).closest('.notice') as HTMLElement;
    expect(within(notice).getAllByRole('listitem').map((li) => li.textContent)).toEqual([expect.stringMatching(/^The time stamp could not be verified/)]);
    await user.click(within(table()).getByText('intact.jpg'));
    await within(pane()).findByRole('heading', { name: 'intact.jpg' });
    expect(within(pane()).queryByText(/^C2PA check incomplete/)).toBeNull();
  });

  it('dismissing a file that says AI made it warns first, alone or among ticked ones; a file saying nothing gets no warning', async () => {
    writeFileSync(join(withTool, 'titan.png'), readFileSync(titanPath()));
    ok(await api.scanWatchFolders({}));
    renderApp(api);
    await nav(/^New files inbox/);
    await user.click(await within(table()).findByText('titan.png'));
    const list = screen.getByRole('region', { name: 'New files list' });
    list.focus();
    await user.keyboard('{Delete}');
    let dialog = await screen.findByRole('dialog', { name: 'Dismiss titan.png?' });
    expect(within(dialog).getByRole('note').textContent).toMatch(/^The file says AI made it \(see Provenance\)\. Dismissed, it is neither logged nor disclosed/);
    await user.keyboard('{Escape}');
    await user.click(within(table()).getByText('matte_v002.exr'));
    list.focus();
    await user.keyboard('{Delete}');
    dialog = await screen.findByRole('dialog', { name: 'Dismiss matte_v002.exr?' });
    expect(within(dialog).queryByRole('note')).toBeNull();
    await user.keyboard('{Escape}');
    for (const name of ['titan.png', 'matte_v002.exr']) await user.click(within(table()).getByRole('checkbox', { name: `Select ${name}` }));
    await user.click(screen.getByRole('button', { name: 'Dismiss selected (2)…' }));
    dialog = await screen.findByRole('dialog', { name: 'Dismiss 2 files?' });
    expect(within(dialog).getByRole('note').textContent).toMatch(/^1 of them says AI made it \(see Provenance\)\. Dismissed, they are neither logged nor disclosed/);
  });

  it('a file naming a tool the list lacks is refused saying so, and an edited draft without a tool is not counted as logged with the typing', async () => {
    const noTool = join(ctx.dataDir, 'inbound');
    writeFileSync(join(noTool, 'titan.png'), readFileSync(titanPath()));
    ok(await api.scanWatchFolders({}));
    renderApp(api);
    await nav(/^New files inbox/);
    await user.click(await within(table()).findByText('titan.png'));
    const form = await within(pane()).findByRole('form', { name: 'Confirm titan.png' });
    // When the file says it was made, written as every other time here, not as the raw ISO text.
    expect(pane().textContent).toMatch(/Made\s*\d{4}-\d\d-\d\d \d\d:\d\d/);
    expect(pane().textContent).not.toMatch(/\d\d:\d\d:\d\d\.\d+Z/);
    await user.type(within(form).getByLabelText('Prompt'), 'typed');
    await user.click(within(form).getByRole('button', { name: 'Confirm and log' }));
    expect(await within(form).findByText(/it names “Titan Image Generator G1”, which is not in the tool list/)).toBeTruthy();
    // Ticked with a file that will be logged: the typed one, having no tool, is not among "logged with what you typed".
    for (const name of ['titan.png', 'matte_v002.exr']) await user.click(within(table()).getByRole('checkbox', { name: `Select ${name}` }));
    await user.click(screen.getByRole('button', { name: 'Confirm selected (2)…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Log 1 file?' });
    expect(dialog.textContent).not.toMatch(/you opened and changed/);
    expect(dialog.textContent).toMatch(/Each is logged with its watch folder's production/);
  });

  it('while files are ticked the list holds still, and the header says how many are pending now when that changed', async () => {
    const { stores } = renderApp(api);
    await nav(/^New files inbox/);
    await within(table()).findByText('matte_v002.exr');
    await user.click(within(table()).getByRole('checkbox', { name: 'Select matte_v002.exr' }));
    writeFileSync(join(withTool, 'late.png'), await a1111Png(9));
    ok(await api.scanWatchFolders({}));
    await stores.drafts.getState().refreshPending();
    const header = screen.getByRole('banner');
    await waitFor(() => expect(within(header).getByRole('status').textContent).toMatch(/^6 pending now: the list updates once no file is ticked\.$/));
    expect(within(table()).queryByText('late.png')).toBeNull();
  });

  it('a confirmed sequence keeps its facts but no longer says what confirming will do', async () => {
    for (const f of [2001, 2002, 2004]) writeFileSync(join(withTool, `gap_v001.${f}.exr`), randomBytes(700 + f));
    ok(await api.scanWatchFolders({}));
    renderApp(api);
    await nav(/^New files inbox/);
    await user.click(await within(table()).findByText('gap_v001.####.exr'));
    const form = await within(pane()).findByRole('form', { name: 'Confirm gap_v001.####.exr' });
    expect(within(pane()).getByText(/Missing frames:/)).toBeTruthy();
    await user.click(within(form).getByRole('button', { name: 'Confirm and log' }));
    await waitFor(() => expect(within(table()).queryByText('gap_v001.####.exr')).toBeNull());

    await user.selectOptions(screen.getByLabelText('Show'), 'confirmed');
    await user.click(await within(table()).findByText('gap_v001.####.exr'));
    await within(pane()).findByText(/^Confirmed by/);
    expect(within(pane()).queryByText(/Missing frames:/)).toBeNull();
    expect(within(pane()).getByText(/3 frames, 2001–2004 \(3, 1 missing\): one SHA-256 each/)).toBeTruthy();
    // The list names the tool it was logged with and its status next to the name.
    const row = rowOf(/gap_v001/);
    expect(row.textContent).toMatch(/gap_v001\.####\.exrconfirmed #\d+/);
    expect(row.textContent).toContain('Firefly');
  });

  it('late frames of a confirmed sequence show the frames the log already holds as logged before, not missing', async () => {
    const sequence = ok(await api.listInbox({})).rows.find((d) => d.fileName.startsWith('shot_v001'));
    ok(await api.confirmInbox({ id: sequence!.id }));
    writeFileSync(join(withTool, 'shot_v001.1008.exr'), randomBytes(1500)); // a re-render
    writeFileSync(join(withTool, 'shot_v001.1011.exr'), randomBytes(1500)); // a late frame
    ok(await api.scanWatchFolders({}));
    renderApp(api);
    await nav(/^New files inbox/);
    const row = await within(table()).findByText(/shot_v001/);
    expect(rowOf(/shot_v001/).textContent).toContain('1008–1011 (2, 2 logged before)');
    await user.click(row);
    await within(pane()).findByRole('heading', { name: /shot_v001/ });
    expect(pane().textContent).toContain('Logged before: frames 1009 and 1010 of this sequence are already in the log');
    expect(pane().textContent).not.toContain('Missing frames');
  });
});
