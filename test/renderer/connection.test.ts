// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { connect, takeServeToken } from '../../renderer/api';
import { createHttpClient } from '../../renderer/http-client';
import type { DesktopBridge } from '../../preload/desktop-bridge';
import { realApi } from './support/app';

describe('choosing the API object', () => {
  afterEach(() => {
    sessionStorage.clear();
    delete window.genlogDesktop;
    history.replaceState(null, '', '/');
  });

  it('keeps the serve token for the tab and removes it from the address bar', () => {
    history.replaceState(null, '', '/?token=abc123&view=log#top');
    expect(takeServeToken()).toBe('abc123');
    expect(location.search).toBe('?view=log');
    expect(location.hash).toBe('#top');
    expect(sessionStorage.getItem('genlog.token')).toBe('abc123');
    // A reload (no token in the URL any more) still finds it.
    expect(takeServeToken()).toBe('abc123');
  });

  it('has no connection without a token or a desktop bridge', () => {
    expect(connect()).toBeNull();
  });

  it('uses the desktop bridge when the preload provides one', () => {
    const { api, ctx } = realApi();
    const bridge: DesktopBridge = { api, pathForFile: () => '/renders/a.png', onMenuCommand: () => () => {} };
    window.genlogDesktop = bridge;
    const c = connect()!;
    expect(c.api).toBe(api);
    expect(c.desktop).toBe(bridge);
    expect(c.files.mode).toBe('path');
    ctx.db.close();
  });

  it('sends API calls as authorised POSTs and turns transport failures into error envelopes', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const fetcher = (async (url: string, init: RequestInit) => {
      seen.push({ url, init });
      return new Response(JSON.stringify({ ok: true, value: { total: 0, rows: [] } }), { status: 200 });
    }) as unknown as typeof fetch;
    const api = createHttpClient('tok', fetcher);
    expect(await api.listAssets({ search: 'dragon' })).toEqual({ ok: true, value: { total: 0, rows: [] } });
    expect(seen[0]!.url).toBe('/api/listAssets');
    expect(seen[0]!.init.method).toBe('POST');
    expect((seen[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer tok');
    expect(JSON.parse(seen[0]!.init.body as string)).toEqual({ search: 'dragon' });

    const down = createHttpClient('tok', (async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch);
    const res = await down.getSettings({});
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error.message).toMatch(/genlog serve/);

    const html = createHttpClient('tok', (async () => new Response('<html>proxy</html>', { status: 502 })) as unknown as typeof fetch);
    const bad = await html.getSettings({});
    expect(!bad.ok && bad.error.message).toMatch(/502/);
  });
});
