// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ok, realApi, renderApp, type RealApi } from './support/app';

// No artificial delay between keystrokes: the tests wait for what the UI does, not for typing speed.
const user = userEvent.setup({ delay: null });

describe('productions, tools and settings pages', () => {
  let real: RealApi;
  beforeEach(() => {
    real = realApi();
  });
  afterEach(() => {
    cleanup();
    real.ctx.db.close();
  });

  const nav = (name: string) => user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: new RegExp(name) }));

  it('adds a production, showing the API\'s validation messages next to the fields', async () => {
    renderApp(real.api);
    await nav('Productions');
    const form = await screen.findByRole('form', { name: 'New production' });
    await user.type(within(form).getByRole('textbox', { name: 'Code' }), 'bad code!');
    await user.type(within(form).getByRole('textbox', { name: 'Title' }), 'The Lighthouse');
    await user.type(within(form).getByRole('textbox', { name: 'Netflix contact email' }), 'not-an-email');
    await user.click(within(form).getByRole('button', { name: 'Add production' }));

    const code = within(form).getByRole('textbox', { name: 'Code' });
    await waitFor(() => expect(code.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText(/^Use 1-32 letters/)).toBeTruthy();
    expect(within(form).getByRole('textbox', { name: 'Netflix contact email' }).getAttribute('aria-invalid')).toBe('true');
    // The same failure is also in the one notification area.
    expect(screen.getByText(/Could not add production bad code!/)).toBeTruthy();
    expect(ok(await real.api.listProductions({}))).toEqual([]);

    await user.clear(code);
    await user.type(code, 'LH1');
    const email = within(form).getByRole('textbox', { name: 'Netflix contact email' });
    await user.clear(email);
    await user.type(email, 'amy@netflix.com');
    await user.type(within(form).getByRole('textbox', { name: /Episodes/ }), 'E101{Enter}E102, E103');
    await user.click(within(form).getByRole('button', { name: 'Add production' }));
    const table = await screen.findByRole('table', { name: 'Productions' });
    await within(table).findByRole('button', { name: 'Edit production LH1' });
    expect(ok(await real.api.listProductions({}))[0]).toMatchObject({ code: 'LH1', episodes: ['E101', 'E102', 'E103'] });

    // A second production with the same code: the conflict is shown on the Code field.
    await user.click(screen.getByRole('button', { name: 'New production' }));
    const second = await screen.findByRole('form', { name: 'New production' });
    await user.type(within(second).getByRole('textbox', { name: 'Code' }), 'lh1');
    await user.type(within(second).getByRole('textbox', { name: 'Title' }), 'Again');
    await user.type(within(second).getByRole('textbox', { name: 'Netflix contact email' }), 'bo@netflix.com');
    await user.click(within(second).getByRole('button', { name: 'Add production' }));
    await within(second).findByText(/already exists/);
    expect(within(second).getByRole('textbox', { name: 'Code' }).getAttribute('aria-invalid')).toBe('true');
  });

  it('while the lists load, the pages neither say "none yet" nor open the add form; an empty list opens it once known', async () => {
    ok(await real.api.addProduction({ code: 'LH1', title: 'The Lighthouse', contactEmail: 'amy@netflix.com' }));
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => { release = resolve; });
    const api = real.api;
    renderApp({ ...api,
      listProductions: async (i) => { await arrived; return api.listProductions(i); },
      listTools: async (i) => { await arrived; return api.listTools(i); },
    });
    await nav('Productions');
    await screen.findByRole('heading', { name: 'Productions' });
    expect(screen.queryByText(/No productions yet/)).toBeNull();
    expect(screen.queryByRole('form', { name: 'New production' })).toBeNull();

    release();
    await screen.findByRole('button', { name: 'Edit production LH1' });
    expect(screen.queryByRole('form', { name: 'New production' })).toBeNull();
    expect(screen.queryByText(/No productions yet/)).toBeNull();
    // No tools at all: known once loaded, so the tools page opens the add form.
    await nav('tools');
    await screen.findByText(/No tools yet/);
    expect(screen.getByRole('form', { name: 'New tool' })).toBeTruthy();
  });

  it('says what is wrong in words: no internal field names, no stray space when the name is empty', async () => {
    renderApp(real.api);
    await nav('AI tools');
    const form = await screen.findByRole('form', { name: 'New tool' });
    await user.click(within(form).getByRole('button', { name: 'Add tool' }));
    const name = within(form).getByRole('textbox', { name: 'Name' });
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    within(form).getByText('A name is required.');
    const notices = screen.getByLabelText('Notifications');
    await within(notices).findByText('Could not add the tool: a name is required.');

    await nav('Productions');
    const production = await screen.findByRole('form', { name: 'New production' });
    await user.type(within(production).getByRole('textbox', { name: 'Code' }), 'ORCA');
    await user.type(within(production).getByRole('textbox', { name: 'Title' }), 'Orca');
    await user.type(within(production).getByRole('textbox', { name: 'Netflix contact email' }), 'nobody');
    await user.click(within(production).getByRole('button', { name: 'Add production' }));
    await within(production).findByText('The contact email must be an email address like name@netflix.com.');
    await within(notices).findByText('Could not add production ORCA: the contact email must be an email address like name@netflix.com.');
    expect(notices.textContent).not.toMatch(/contactEmail|name:|tool :/);
  });

  it('adds and edits an AI tool with every field of the disclosure list', async () => {
    renderApp(real.api);
    await nav('AI tools');
    const form = await screen.findByRole('form', { name: 'New tool' });
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Midjourney');
    await user.type(within(form).getByRole('textbox', { name: 'Vendor' }), 'Midjourney Inc');
    await user.type(within(form).getByRole('textbox', { name: 'Version' }), '7');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Hosting' }), 'public-cloud');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Trains on inputs' }), 'yes');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Retains data' }), 'no');
    await user.click(within(form).getByRole('button', { name: 'Add tool' }));
    const table = await screen.findByRole('table', { name: 'AI tools' });
    await user.click(await within(table).findByRole('button', { name: 'Edit tool Midjourney' }));
    const edit = await screen.findByRole('form', { name: 'Edit tool Midjourney' });
    await user.selectOptions(within(edit).getByRole('combobox', { name: 'Netflix enterprise agreement' }), 'yes');
    await user.click(within(edit).getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Tool Midjourney saved.');
    expect(ok(await real.api.listTools({}))).toEqual([
      expect.objectContaining({ name: 'Midjourney', vendor: 'Midjourney Inc', version: '7', hosting: 'public-cloud', enterprise: 'yes', trainsOnInputs: 'yes', retainsData: 'no' }),
    ]);
  });

  it('shows the artist name (the OS user by default), the data folder and the db path, and saves a new name', async () => {
    const defaults = ok(await real.api.getSettings({}));
    renderApp(real.api);
    await nav('Settings');
    const name = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Artist name' });
    await waitFor(() => expect(name.value).toBe(defaults.artistName));
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Data folder' }).value).toBe(defaults.dataDir);
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Database file' }).readOnly).toBe(true);
    await user.clear(name);
    await user.type(name, 'Ana Ortiz{Enter}');
    await screen.findByText('Artist name set to Ana Ortiz.');
    expect(ok(await real.api.getSettings({})).artistName).toBe('Ana Ortiz');
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByText('Ana Ortiz')).toBeTruthy();
  });
});
