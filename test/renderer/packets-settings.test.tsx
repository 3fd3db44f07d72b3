// @vitest-environment jsdom
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createContext } from '../../main/app-context';
import type { ApiContext } from '../../main/api/context';
import { ok, tempDir, testClient, testContext } from '../support/context';
import { xorProtector } from '../packets-api/fixture';
import { renderApp } from './support/app';

const user = userEvent.setup({ delay: null });

async function openSection(ctx: ApiContext) {
  renderApp(testClient(ctx));
  await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: /Settings/ }));
  return screen.findByRole('form', { name: 'Email & signing' });
}

const box = (form: HTMLElement, name: string | RegExp) => within(form).getByLabelText<HTMLInputElement>(name);

describe('Settings > Email & signing', () => {
  let ctx: ApiContext;
  afterEach(() => {
    cleanup();
    ctx.db.close();
  });

  it('saves the SMTP server, sender and size cap; shows the facility key fingerprint', async () => {
    ctx = testContext();
    const api = testClient(ctx);
    const form = await openSection(ctx);
    const fingerprint = ok(await api.getPacketSettings({})).facilityKey.fingerprint!;
    expect(fingerprint).toMatch(/^SHA256:/);
    expect(await within(form).findByLabelText('Facility key fingerprint')).toHaveProperty('textContent', fingerprint);
    expect(within(form).getByText(/a file only your user can read/)).toBeTruthy();
    await waitFor(() => expect(box(form, /Packet size cap/).value).toBe('20'));

    await user.type(box(form, 'SMTP server'), 'smtp.northlight.example');
    await user.type(box(form, 'Port'), 'abc');
    await user.click(within(form).getByRole('button', { name: 'Save email settings' }));
    expect(await within(form).findByText('use a whole number, e.g. 587')).toBeTruthy();
    expect(box(form, 'Port').getAttribute('aria-invalid')).toBe('true');

    await user.clear(box(form, 'Port'));
    await user.type(box(form, 'Port'), '2525');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Security' }), 'optional');
    await user.type(box(form, 'User name'), 'genlog-mailer');
    await user.type(box(form, 'Facility manager email'), 'tom.avery@northlight.example');
    await user.type(box(form, /From address/), 'not-an-email');
    await user.clear(box(form, /Packet size cap/));
    await user.type(box(form, /Packet size cap/), '35');
    await user.click(within(form).getByRole('button', { name: 'Save email settings' }));
    // The API's own validation, next to the field; nothing was saved.
    expect(await within(form).findByText('must be an email address')).toBeTruthy();
    expect(box(form, /From address/).getAttribute('aria-invalid')).toBe('true');
    expect(ok(await api.getPacketSettings({})).smtpHost).toBeNull();

    await user.clear(box(form, /From address/));
    await user.type(box(form, /From address/), 'packets@northlight.example');
    await user.click(within(form).getByRole('button', { name: 'Save email settings' }));
    await screen.findByText('Email settings saved.');
    expect(ok(await api.getPacketSettings({}))).toMatchObject({
      smtpHost: 'smtp.northlight.example', smtpPort: 2525, smtpTls: 'optional', smtpUser: 'genlog-mailer', smtpPasswordSet: false,
      fromAddress: 'packets@northlight.example', facilityManagerEmail: 'tom.avery@northlight.example', sizeCapBytes: 35 * 1024 * 1024,
      smtpConfigured: true,
    });
    expect(box(form, /From address/).getAttribute('aria-invalid')).toBeNull();
  });

  it('without the OS keychain (browser, CLI) the password is refused with the API\'s reason, under the field', async () => {
    ctx = testContext();
    const api = testClient(ctx);
    const form = await openSection(ctx);
    expect(await within(form).findByText(/Only the desktop app can keep a password/)).toBeTruthy();
    await user.type(box(form, 'SMTP server'), 'smtp.northlight.example');
    await user.type(box(form, 'Password'), 'hunter2');
    await user.click(within(form).getByRole('button', { name: 'Save email settings' }));

    const message = /The SMTP password can only be stored by the GenLog desktop app, which keeps it encrypted with the operating system keychain/;
    expect(await within(form).findByText(message)).toBeTruthy();
    expect(box(form, 'Password').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/^Could not save the email settings: The SMTP password can only be stored/)).toBeTruthy();
    // Refused as a whole: neither the password nor the server went in.
    expect(ok(await api.getPacketSettings({}))).toMatchObject({ smtpHost: null, smtpPasswordSet: false, canStorePassword: false });
    expect(box(form, 'Password').value).toBe('hunter2');
  });

  it('in the desktop app the password is stored encrypted, never shown again, and can be forgotten', async () => {
    ctx = createContext({ dbPath: join(tempDir(), 'genlog.db'), transport: 'test', actor: 'tester', protector: xorProtector });
    const api = testClient(ctx);
    const form = await openSection(ctx);
    expect(await within(form).findByText(/Stored encrypted with the OS keychain/)).toBeTruthy();
    await user.type(box(form, 'SMTP server'), 'smtp.northlight.example');
    await user.type(box(form, 'Password'), 'hunter2');
    await user.click(within(form).getByRole('button', { name: 'Save email settings' }));
    await screen.findByText('Email settings saved.');
    expect(ok(await api.getPacketSettings({}))).toMatchObject({ smtpHost: 'smtp.northlight.example', smtpPasswordSet: true });
    const stored = ctx.db.prepare("SELECT value FROM settings WHERE key = 'packet.smtp.passwordProtected'").get() as { value: string };
    expect(stored.value).not.toContain('hunter2');
    expect(Buffer.from(stored.value, 'base64').toString()).not.toContain('hunter2');
    await waitFor(() => expect(box(form, 'Password').value).toBe(''));
    expect(box(form, 'Password').placeholder).toBe('•••••••• (stored)');
    expect(within(form).getByText(/A password is stored, encrypted with the OS keychain/)).toBeTruthy();
    expect(within(form).getByText(/The private key is encrypted with the OS keychain/)).toBeTruthy();

    await user.click(within(form).getByRole('button', { name: 'Forget stored password' }));
    await waitFor(async () => expect(ok(await api.getPacketSettings({})).smtpPasswordSet).toBe(false));
    await waitFor(() => expect(within(form).queryByRole('button', { name: 'Forget stored password' })).toBeNull());
  });
});
