// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { GenlogClient } from '../../main/api/table';
import { ok, realApi, renderApp, type RealApi } from './support/app';
import { stubGridLayout } from './support/layout';

const user = userEvent.setup({ delay: null });

/** Every failed envelope ends up in the one notification area, and the screen says what it could not do. */
describe('the single error path', () => {
  let real: RealApi;
  let restoreLayout: () => void;
  beforeAll(() => {
    restoreLayout = stubGridLayout();
  });
  afterEach(() => {
    cleanup();
    real.ctx.db.close();
  });
  afterAll(() => restoreLayout());

  it('reports a failed page load, shows why the table is empty, and recovers with Try again', async () => {
    real = realApi(30);
    let failNext = true;
    // The server going away for one request, as an unreachable `genlog serve` does.
    const flaky: GenlogClient = {
      ...real.api,
      listAssets: (input) => {
        if (!failNext) return real.api.listAssets(input);
        failNext = false;
        return Promise.resolve({ ok: false, error: { code: 'failed', message: 'The GenLog server is not answering.' } });
      },
    };
    renderApp(flaky);
    const toast = await screen.findByRole('alert');
    expect(toast.textContent).toBe('Could not load the asset log: The GenLog server is not answering.×');
    expect(screen.getByText('The log could not be loaded.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText('30 assets');
    await user.click(within(toast).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a refused change (a retired asset cannot be re-tagged) as a notification', async () => {
    real = realApi(5);
    const { stores } = renderApp(real.api);
    await screen.findByText('5 assets');
    ok(await real.api.retireAsset({ id: 3, reason: 'gone', by: 'x' }));
    await stores.detail.getState().show(3);
    // The asset was retired by someone else after this window loaded it: the API refuses, the UI says why.
    const res = await stores.detail.getState().retag('deliverable', 'late change');
    expect(res.ok).toBe(false);
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Could not re-tag asset 3: Asset 3 was retired on/);
  });
});
