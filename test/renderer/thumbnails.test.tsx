// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createThumbnailCache } from '../../renderer/thumbnails/thumbnail-cache';
import { THUMBNAIL_SETTLE_MS } from '../../renderer/thumbnails/Thumbnail';
import { loadedRows, ok, realApi, renderApp } from './support/app';
import { scrollElement, stubGridLayout } from './support/layout';

const ROW_HEIGHT = 22;
const settle = () => new Promise((r) => setTimeout(r, THUMBNAIL_SETTLE_MS * 3));

describe('thumbnails in the log table and the detail pane', () => {
  let restoreLayout: () => void;
  const dirs: string[] = [];
  beforeAll(() => { restoreLayout = stubGridLayout({ width: 1000, height: 440 }); });
  afterEach(() => cleanup());
  afterAll(() => {
    restoreLayout();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('shows an image row its thumbnail, a type icon for EXR and video, and a larger preview in the detail', async () => {
    const real = realApi();
    const dir = mkdtempSync(join(tmpdir(), 'genlog-thumbs-'));
    dirs.push(dir);
    // Thumbnails land in <dataDir>/thumbnails: keep them in this test's folder, removed after each test.
    Object.assign(real.ctx, { dataDir: dir });
    ok(await real.api.addProduction({ code: 'SHOW1', title: 'The Lighthouse', contactEmail: 'amy@netflix.com' }));
    ok(await real.api.addTool({ name: 'Firefly', hosting: 'local' }));
    const png = join(dir, 'harbour.png');
    writeFileSync(png, await sharp({ create: { width: 64, height: 40, channels: 3, background: '#3366aa' } }).png().toBuffer());
    writeFileSync(join(dir, 'sky.exr'), 'v/1\u0001 not really exr');
    writeFileSync(join(dir, 'crowd.mov'), 'frames');
    const logged = ok(await real.api.logAssets({
      files: ['harbour.png', 'sky.exr', 'crowd.mov'].map((n) => ({ path: join(dir, n) })), production: 'SHOW1', tool: 'Firefly',
    }));
    const { stores } = renderApp(real.api);
    const grid = await screen.findByRole('grid', { name: 'Asset log' });
    await waitFor(() => expect(loadedRows(grid)).toHaveLength(3));
    const row = (name: string) => loadedRows(grid).find((r) => r.textContent!.includes(name))!;
    const img = await within(row('harbour.png')).findByTestId(`thumb-${logged[0]!.id}`);
    expect(img.getAttribute('src')).toMatch(/^data:image\/webp;base64,/);
    expect(row('sky.exr').querySelector('.thumb-icon')!.getAttribute('data-label')).toBe('EXR');
    // Never asked for, so never "loading": it says why there is none.
    expect(row('sky.exr').querySelector('.thumb-icon')!.getAttribute('title')).toBe('No preview for .exr files: GenLog previews PNG, JPEG, WebP, TIFF, GIF and AVIF.');
    expect(row('crowd.mov').querySelector('.thumb-icon')!.getAttribute('data-label')).toBe('VID');
    // The file name cell still reads as the file name (the icon is drawn by CSS).
    expect(row('sky.exr').querySelector('.cell-fileName')!.textContent).toBe('sky.exr');
    expect(real.calls.filter((c) => c === 'getThumbnail')).toHaveLength(1);

    act(() => stores.log.getState().selectId(logged[0]!.id));
    const pane = await screen.findByRole('complementary', { name: 'Asset detail' });
    const large = await within(pane).findByRole('img', { name: 'Preview of harbour.png' });
    expect(large.getAttribute('src')).toBe(img.getAttribute('src'));
    expect(real.calls.filter((c) => c === 'getThumbnail')).toHaveLength(1); // cached, not fetched again
    real.ctx.db.close();
  });

  it('on 10,000 rows fetches only for image rows on screen, and nothing for rows scrolled past', async () => {
    const real = realApi(10_000);
    const dir = mkdtempSync(join(tmpdir(), 'genlog-thumbs-'));
    dirs.push(dir);
    Object.assign(real.ctx, { dataDir: dir });
    const { stores } = renderApp(real.api);
    const grid = await screen.findByRole('grid', { name: 'Asset log' });
    await screen.findByText('10,000 assets');
    // By id the media types take turns (the seed's newest rows happen to be all "other").
    act(() => stores.log.getState().sortBy('id'));
    await waitFor(() => expect(loadedRows(grid).filter((r) => r.querySelector('.cell-mediaType')?.textContent === 'Image').length).toBeGreaterThan(1));
    await settle();
    const imagesOnScreen = () => loadedRows(grid).filter((r) => r.querySelector('.cell-mediaType')?.textContent === 'Image').length;
    const first = stores.thumbnails.stats().fetched;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(imagesOnScreen());

    // Fly through the log faster than the settle time: none of the rows passed is fetched.
    for (const row of [1000, 2500, 4000, 5500, 7000]) {
      scrollElement(grid, row * ROW_HEIGHT);
      await new Promise((r) => setTimeout(r, 5));
    }
    scrollElement(grid, 9000 * ROW_HEIGHT);
    await waitFor(() => expect(loadedRows(grid).some((r) => Number(r.getAttribute('aria-rowindex')) > 9000)).toBe(true));
    await settle();
    await waitFor(() => expect(stores.thumbnails.stats().queued).toBe(0));
    expect(stores.thumbnails.stats().fetched - first).toBeLessThanOrEqual(imagesOnScreen());
    real.ctx.db.close();
  });
});

describe('the thumbnail cache', () => {
  it('is bounded, fetches newest requests first, and forgets withdrawn requests', async () => {
    const asked: number[] = [];
    const waiting: (() => void)[] = [];
    const api = {
      getThumbnail: ({ id }: { id: number }) => {
        asked.push(id);
        return new Promise<{ ok: true; value: { id: number; dataUrl: string; reason: null } }>((r) => waiting.push(() => r({ ok: true, value: { id, dataUrl: `data:${id}`, reason: null } })));
      },
    };
    const cache = createThumbnailCache(api as never, { maxEntries: 3, concurrency: 1 });
    cache.want(1);
    cache.want(2);
    const withdraw3 = cache.want(3);
    cache.want(4);
    withdraw3();
    expect(asked).toEqual([1]);
    while (waiting.length) {
      waiting.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(asked).toEqual([1, 4, 2]);
    for (const id of [5, 6]) cache.want(id);
    while (waiting.length) {
      waiting.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(cache.stats().cached).toBe(3);
    expect(cache.peek(1)).toBeUndefined();
    expect(cache.peek(6)?.dataUrl).toBe('data:6');
  });
});
