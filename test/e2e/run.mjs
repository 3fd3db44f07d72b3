// Browser end-to-end test: `genlog serve` on a temp db, driven in Debian's chromium as a user would.
// Run after the build (npm run test:e2e). Prints each check and ends with "e2e: N passed, M failed".
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { assert, checkRunner, chromiumPath, genlog, resultsDir, seededDb, serve } from './support.mjs';
import { complianceChecks } from './compliance.mjs';
import { packetChecks } from './packets.mjs';
import { ingestChecks } from './ingest.mjs';
import { provenanceChecks } from './provenance.mjs';

const MILLION = 1_000_000;
const tmp = mkdtempSync(join(tmpdir(), 'genlog-e2e-'));
// What the servers and the seeding make in the temp folder (an in-memory db's data folder) goes under `tmp` too,
// so the cleanup below removes it.
for (const name of ['TMPDIR', 'TMP', 'TEMP']) process.env[name] = tmp;
const servers = [];
let browser;
const { check, summary } = checkRunner();

async function cleanup() {
  await browser?.close().catch(() => {});
  await Promise.all(servers.map((s) => s.stop()));
  rmSync(tmp, { recursive: true, force: true });
}
process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));

const shot = (page, name) => page.screenshot({ path: join(resultsDir, name) });
const rowsInDom = (page) => page.locator('[role=grid][aria-label="Asset log"] [role=row]:not(.asset-header)').count();
const statusTotal = (page) => page.getByTestId('asset-total');

try {
  mkdirSync(resultsDir, { recursive: true });
  const db = join(tmp, 'genlog.db');
  genlog(db, ['production', 'add', '--code', 'SHOW1', '--title', 'The Lighthouse', '--contact', 'amy@netflix.com', '--vendor', 'Pixel Works', '--episodes', 'E101,E102']);
  genlog(db, ['tool', 'add', '--name', 'Firefly', '--vendor', 'Adobe', '--version', '3', '--hosting', 'enterprise-cloud', '--enterprise', 'yes',
    '--trains-on-inputs', 'no', '--retains-data', 'no']);
  const renders = join(tmp, 'renders');
  mkdirSync(renders);
  const plate = join(renders, 'harbour_plate_v001.png');
  const sky = join(renders, 'matte_sky_v002.exr');
  writeFileSync(plate, randomBytes(300_000));
  writeFileSync(sky, randomBytes(120_000));

  const server = await serve(db);
  servers.push(server);
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  page.setDefaultTimeout(15_000);
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
  const grid = page.getByRole('grid', { name: 'Asset log' });
  const rowFor = (name) => grid.locator('[role=row]', { hasText: name });

  await check('opens the printed URL; the token leaves the address bar', async () => {
    await page.goto(server.url);
    await grid.waitFor();
    await statusTotal(page).filter({ hasText: '0 assets' }).waitFor();
    assert(!page.url().includes('token'), `token still in the address bar: ${page.url()}`);
    assert(await page.evaluate(() => sessionStorage.getItem('genlog.token')) === server.token, 'token not kept for the tab');
  });

  await check('logs two files with the file picker, then sees a re-logged file marked as duplicate', async () => {
    await page.getByTestId('file-input').setInputFiles([plate, sky]);
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Log 2 files' }).waitFor();
    // The episode is a free-text box until the production (and so its episode list) is known; on a page that has
    // just loaded the catalog may still be arriving, and the form fills the production when it does.
    await dialog.getByRole('combobox', { name: 'Episode / reel' }).selectOption('E101');
    await dialog.getByLabel('Prompt').fill('dragon flying over the harbour at dusk, wide shot');
    await shot(page, 'log-dialog.png');
    await dialog.getByRole('button', { name: 'Log 2 files' }).click();
    await dialog.getByRole('heading', { name: 'Logged 2 new assets' }).waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await statusTotal(page).filter({ hasText: '2 assets' }).waitFor();
    await rowFor('harbour_plate_v001.png').waitFor();
    await rowFor('matte_sky_v002.exr').waitFor();

    await page.getByTestId('file-input').setInputFiles([plate]);
    await dialog.getByRole('button', { name: 'Log 1 file' }).click();
    await dialog.getByRole('heading', { name: 'Nothing new logged' }).waitFor();
    assert(await dialog.getByText('already logged').count() === 1, 'the duplicate is not marked');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await statusTotal(page).filter({ hasText: '2 assets' }).waitFor();
  });

  await check('full-text search narrows the log', async () => {
    await page.keyboard.press('Control+f');
    const search = page.getByRole('searchbox', { name: 'Search the log' });
    assert(await search.evaluate((el) => el === document.activeElement), 'Ctrl+F did not focus the search box');
    await search.fill('plate');
    await statusTotal(page).filter({ hasText: '1 asset' }).waitFor();
    assert(await rowsInDom(page) === 1, 'search left more than one row');
    await rowFor('harbour_plate_v001.png').waitFor();
  });

  await check('re-tags the asset deliverable with a required reason; history shows the event', async () => {
    await rowFor('harbour_plate_v001.png').click();
    const pane = page.getByRole('complementary', { name: 'Asset detail' });
    await pane.getByRole('heading', { name: 'harbour_plate_v001.png' }).waitFor();
    await shot(page, 'detail.png');
    await page.keyboard.press('t');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: /as deliverable/ }).waitFor();
    // Keys go where focus is: wait until the dialog has taken it, as a person sees the caret in the reason box.
    await page.waitForFunction(() => document.activeElement?.closest('[role=dialog]') !== null);
    await page.keyboard.press('Enter');
    await dialog.getByText('A reason is required').waitFor();
    await dialog.getByLabel('Reason (required)').fill('Approved by the director for the final cut of E101');
    await shot(page, 'retag-dialog.png');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await rowFor('harbour_plate_v001.png').locator('.badge-deliverable').waitFor();
    await pane.getByRole('tab', { name: /History/ }).click();
    const event = pane.getByRole('listitem').filter({ hasText: 'Re-tagged' });
    await event.waitFor();
    const text = await event.innerText();
    for (const part of ['classification', 'temporary', 'deliverable', 'Approved by the director']) {
      assert(text.includes(part), `history event lacks "${part}": ${text}`);
    }
    await shot(page, 'history.png');
    const shown = genlog(db, ['show', '1']);
    assert(shown.classification === 'deliverable' && shown.history.some((h) => h.action === 'classified'), 'the db does not have the change');
  });

  await check('retires another asset with a reason and an explicit confirmation', async () => {
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    await statusTotal(page).filter({ hasText: '2 assets' }).waitFor();
    await rowFor('matte_sky_v002.exr').click();
    await page.getByRole('complementary', { name: 'Asset detail' }).getByRole('heading', { name: 'matte_sky_v002.exr' }).waitFor();
    await page.keyboard.press('r');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: /Retire asset/ }).waitFor();
    await dialog.getByLabel('Reason (required)').fill('Sky replaced by a practical plate');
    await dialog.getByRole('button', { name: 'Retire asset' }).click();
    await dialog.getByText('Tick the box to confirm').waitFor();
    await dialog.getByRole('checkbox').check();
    await dialog.getByRole('button', { name: 'Retire asset' }).click();
    await dialog.waitFor({ state: 'detached' });
    await rowFor('matte_sky_v002.exr').getByText('retired', { exact: true }).waitFor();
    assert(genlog(db, ['show', '2']).retired === true, 'the db does not show the asset retired');
    await rowFor('harbour_plate_v001.png').click();
    await page.getByRole('complementary', { name: 'Asset detail' }).getByRole('heading', { name: 'harbour_plate_v001.png' }).waitFor();
    await shot(page, 'log-view.png');
  });

  await check('keyboard reaches every screen: productions, tools, settings and back to the log', async () => {
    await page.getByRole('grid', { name: 'Asset log' }).focus();
    await page.keyboard.press('Control+2');
    await page.getByRole('table', { name: 'Productions' }).getByRole('button', { name: 'Edit production SHOW1' }).waitFor();
    await page.getByRole('button', { name: 'Edit production SHOW1' }).click();
    await page.getByRole('form', { name: 'Edit production SHOW1' }).waitFor();
    await shot(page, 'productions.png');
    await page.keyboard.press('Control+3');
    await page.getByRole('table', { name: 'AI tools' }).getByRole('button', { name: 'Edit tool Firefly' }).waitFor();
    await shot(page, 'tools.png');
    await page.keyboard.press('Control+,');
    const dataFolder = page.getByRole('textbox', { name: 'Data folder' });
    await dataFolder.waitFor();
    assert(await dataFolder.inputValue() === tmp, `settings show ${await dataFolder.inputValue()} as the data folder`);
    await shot(page, 'settings.png');
    await page.keyboard.press('Control+1');
    await grid.waitFor();
    // Back on the log, the table has the keyboard again.
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Asset log');
  });

  await check('on a 1280 x 800 screen the log fits beside the detail pane: no sideways scrolling, the file name keeps its room', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const fit = () => page.evaluate(() => {
      const table = document.querySelector('[role=grid][aria-label="Asset log"]');
      const name = table.querySelector('[role=row]:not(.asset-header) .cell-fileName');
      return { table: table.clientWidth, content: table.scrollWidth, name: name.getBoundingClientRect().width, media: table.querySelectorAll('.cell-mediaType').length };
    });
    const beside = await fit();
    assert(beside.content <= beside.table, `the log scrolls sideways beside the detail pane: ${beside.content} px in ${beside.table}`);
    assert(beside.name >= 140, `the file name has ${beside.name} px`);
    await shot(page, 'log-1280.png');
    // → along the headers passes over the columns that made way.
    await page.getByRole('button', { name: /^File name/ }).focus();
    await page.keyboard.press('ArrowRight');
    const next = await page.evaluate(() => document.activeElement?.textContent);
    assert(next?.startsWith('Class'), `→ from File name went to "${next}", not Class`);
    await page.keyboard.press('ArrowDown');
    // Without the detail pane (I), every column is back.
    await grid.focus();
    await page.keyboard.press('i');
    await page.waitForFunction(() => !document.querySelector('[aria-label="Asset detail"]'));
    const wide = await fit();
    assert(wide.content <= wide.table, `the log scrolls sideways without the detail pane: ${wide.content} px in ${wide.table}`);
    assert(await page.locator('.asset-header .cell-mediaType').isVisible(), 'the Media column is hidden with room for it');
    // A smaller window without the detail pane: every column while the full row fits, then Media and Artist make way.
    await page.setViewportSize({ width: 1100, height: 800 });
    const smaller = await fit();
    assert(smaller.content <= smaller.table, `the log scrolls sideways at 1100 px: ${smaller.content} px in ${smaller.table}`);
    assert(await page.locator('.asset-header .cell-mediaType').isVisible(), 'the Media column is hidden at 1100 px without the detail pane');
    assert(smaller.name >= 140, `the file name has ${smaller.name} px at 1100 px`);
    await page.setViewportSize({ width: 1024, height: 768 });
    const small = await fit();
    assert(small.content <= small.table, `the log scrolls sideways at 1024 px: ${small.content} px in ${small.table}`);
    assert(!(await page.locator('.asset-header .cell-mediaType').isVisible()), 'the Media column stays at 1024 px, squeezing the file name');
    // Beside the detail pane on smaller windows: Production and Ep/Reel, then Tool make way; never the file name,
    // class, outcome or the date the log is sorted by.
    await page.keyboard.press('i');
    await page.getByRole('complementary', { name: 'Asset detail' }).waitFor();
    const shown = (id) => page.locator(`.asset-header .cell-${id}`).isVisible();
    for (const [width, toolShown] of [[1180, true], [1100, false]]) {
      await page.setViewportSize({ width, height: 800 });
      const paned = await fit();
      assert(paned.content <= paned.table, `the log scrolls sideways at ${width} px beside the pane: ${paned.content} px in ${paned.table}`);
      assert(paned.name >= 140, `the file name has ${paned.name} px at ${width} px beside the pane`);
      for (const id of ['fileName', 'classification', 'outcome', 'createdAt']) assert(await shown(id), `${id} is hidden at ${width} px beside the pane`);
      assert(!(await shown('production')), `Production still takes room at ${width} px beside the pane`);
      assert((await shown('tool')) === toolShown, `Tool is ${toolShown ? 'hidden' : 'shown'} at ${width} px beside the pane`);
    }
    await shot(page, 'log-1100-pane.png');
    // At 1,024 px the date shows without its time (kept in the tooltip and the pane), and nothing scrolls sideways.
    await page.setViewportSize({ width: 1024, height: 768 });
    const tiny = await fit();
    assert(tiny.content <= tiny.table, `the log scrolls sideways at 1024 px beside the pane: ${tiny.content} px in ${tiny.table}`);
    assert(tiny.name >= 108, `the file name has ${tiny.name} px at 1024 px beside the pane`);
    const created = await page.evaluate(() => {
      const cell = document.querySelector('[role=row]:not(.asset-header) .cell-createdAt');
      return { text: cell.innerText.trim(), clipped: cell.scrollWidth > cell.clientWidth, title: cell.getAttribute('title') ?? cell.querySelector('[title]')?.getAttribute('title') };
    });
    assert(/^\d{4}-\d{2}-\d{2}$/.test(created.text) && !created.clipped, `the Created cell at 1024 px reads "${created.text}"${created.clipped ? ', cut off' : ''}`);
    assert(created.title && created.title.includes('T'), `the Created cell at 1024 px has no tooltip with the time: ${created.title}`);
    for (const id of ['classification', 'outcome']) {
      const cut = await page.evaluate((c) => [...document.querySelectorAll(`[role=row]:not(.asset-header) .cell-${c}`)].some((e) => e.scrollWidth > e.clientWidth), id);
      assert(!cut, `a ${id} badge is cut off at 1024 px beside the pane`);
    }
    await shot(page, 'log-1024-pane.png');
    await page.setViewportSize({ width: 1440, height: 860 });
  });

  await check('the API refuses a request without the token (401) and from a foreign Origin (403)', async () => {
    const api = `http://127.0.0.1:${server.port}/api/listAssets`;
    const noToken = await fetch(api, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    assert(noToken.status === 401, `without token: ${noToken.status}`);
    const foreign = await fetch(api, {
      method: 'POST', body: '{}',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}`, origin: 'http://evil.example' },
    });
    assert(foreign.status === 403, `foreign origin: ${foreign.status}`);
    const good = await fetch(api, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` } });
    assert(good.status === 200 && (await good.json()).value.total === 2, 'the same request with the token should work');
  });

  await complianceChecks({ page, server, db, tmp, check, shot });
  await packetChecks({ page, db, check, shot });
  await ingestChecks({ page, db, tmp, check, shot });
  await provenanceChecks({ page, db, tmp, check, shot });

  let big;
  await check('what a render node logs through the CLI appears in the open log by itself', async () => {
    const before = await statusTotal(page).textContent();
    const render = join(renders, 'node7_render_v001.png');
    writeFileSync(render, randomBytes(50_000));
    genlog(db, ['log', render, '--production', 'SHOW1', '--tool', 'Firefly', '--by', 'render-node-7']);
    await rowFor('node7_render_v001.png').waitFor({ timeout: 10_000 });
    assert(await statusTotal(page).textContent() !== before, `the total still says ${before}`);
  });

  await check('a 1,000,000-asset log shows its total while the DOM holds under 100 rows', async () => {
    const seeded = await seededDb(MILLION);
    console.log(seeded.seconds === null
      ? `     reusing the seeded db ${seeded.path}`
      : `     seeded ${MILLION.toLocaleString('en-US')} assets in ${seeded.seconds.toFixed(1)} s`);
    big = await serve(seeded.path);
    servers.push(big);
    await page.goto(big.url);
    await statusTotal(page).filter({ hasText: '1,000,000 assets' }).waitFor({ timeout: 30_000 });
    await grid.locator('[role=row][data-asset-id]').first().waitFor();
    const rows = await rowsInDom(page);
    assert(rows > 10 && rows < 100, `expected a window of rows, found ${rows} in the DOM`);
    assert(await grid.getAttribute('aria-rowcount') === String(MILLION + 1), 'aria-rowcount does not announce the full log');
    await shot(page, 'log-view-1m.png');
  });

  await check('scrolling to the middle of the million rows shows loaded rows there', async () => {
    await grid.evaluate((el) => { el.scrollTop = el.scrollHeight / 2; });
    // Every row in the DOM is near the middle and none is still a placeholder.
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[role=grid] [role=row]:not(.asset-header)')];
      return rows.length > 0 && rows.every((r) => r.hasAttribute('data-asset-id') && Number(r.getAttribute('aria-rowindex')) > 400_000);
    }, null, { timeout: 20_000 });
    const middle = grid.locator('[role=row][data-asset-id]').first();
    const index = Number(await middle.getAttribute('aria-rowindex'));
    assert(index > 400_000 && index < 600_000, `first row after scrolling is ${index}`);
    const rows = await rowsInDom(page);
    assert(rows < 100, `${rows} rows in the DOM after scrolling`);
    assert((await middle.innerText()).includes('shot_'), 'the middle rows have no content');
    await shot(page, 'log-view-1m-middle.png');
  });

  await check('no errors in the page console', async () => {
    assert(pageErrors.length === 0, pageErrors.join('\n'));
  });
} catch (err) {
  await check('e2e setup', () => { throw err; });
} finally {
  await cleanup();
}

const { passed, failed } = summary();
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
