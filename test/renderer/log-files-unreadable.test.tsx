// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ok, renderApp, useRealApiInFolder } from './support/app';
import { diskFiles } from './support/disk-files';

// The disk refuses files named refused.* (see refused-files.ts).
vi.mock('../../main/ingest/hash-pool', async (original) => (await import('./support/refused-files')).refusingHashPools(await original()));

const user = userEvent.setup({ delay: null });

describe('the log dialog (desktop, path mode) with a dropped file the disk will not give', () => {
  const env = useRealApiInFolder('genlog-unreadable-drop-', async (api) => {
    ok(await api.addProduction({ code: 'SHOW1', title: 'The Lighthouse', contactEmail: 'amy@netflix.com' }));
    ok(await api.addTool({ name: 'Firefly', hosting: 'enterprise-cloud', enterprise: 'yes' }));
    ok(await api.setSettings({ artistName: 'Ana Ortiz' }));
  });
  const disk = diskFiles(() => env.dir);

  it('logs nothing, names the file and keeps the form: the files chosen are logged all or none', async () => {
    renderApp(env.real.api, disk.stager());
    await screen.findByText('0 assets');
    await user.upload(screen.getByTestId('file-input'), [disk.file('plate.dat', 'pixels'), disk.file('refused.dat', 'locked pixels')]);
    const dialog = await screen.findByRole('dialog', { name: 'Log 2 files' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'AI tool' }), 'Firefly');
    await user.click(within(dialog).getByRole('button', { name: 'Log 2 files' }));
    const toast = await screen.findByText(/refused\.dat": permission denied\. Nothing was logged\./);
    expect(toast).toBeTruthy();
    expect(screen.getByRole('dialog', { name: 'Log 2 files' })).toBeTruthy();
    expect(ok(await env.real.api.listAssets({})).total).toBe(0);
  });
});
