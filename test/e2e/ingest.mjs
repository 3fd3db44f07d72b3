// Browser checks for watch folders, the New files inbox and "Log a folder…" (issue 5), run by run.mjs on its page and
// `genlog serve` (without --watch: "Scan now" finds the files). SHOW1 and the Firefly tool exist by then.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { assert, genlog, settingsPng } from './support.mjs';

/**
 * @param {object} o
 * @param {import('playwright-core').Page} o.page
 * @param {string} o.db
 * @param {string} o.tmp a temp folder the test may fill
 * @param {(name: string, fn: () => Promise<void>) => Promise<boolean>} o.check
 * @param {(page: import('playwright-core').Page, name: string) => Promise<unknown>} o.shot
 */
export async function ingestChecks({ page, db, tmp, check, shot }) {
  const nav = (name) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: new RegExp(`^${name}`) });
  const watched = join(tmp, 'watched-renders');
  const sequenceDir = join(tmp, 'render-sh040');
  mkdirSync(watched);
  mkdirSync(sequenceDir);
  const inbox = page.getByRole('table', { name: 'New files' });
  const draftRow = (name) => inbox.getByRole('row').filter({ hasText: name });
  const pane = page.getByRole('complementary', { name: 'New file detail' });
  const grid = page.getByRole('grid', { name: 'Asset log' });

  async function searchLog(text) {
    await nav('Asset log').click();
    // Earlier checks leave the log filtered (production, outcome): start from the whole log.
    const clear = page.getByRole('button', { name: 'Clear', exact: true });
    if (await clear.isEnabled()) await clear.click();
    const search = page.getByRole('searchbox', { name: 'Search the log' });
    await search.fill(text);
    await search.press('Enter');
  }

  await check('adds a watch folder in the UI, scans it now, and the New files inbox shows the files', async () => {
    await nav('Watch folders').click();
    const form = page.getByRole('form', { name: 'Add a watch folder' });
    await form.getByLabel('Folder path').fill(watched);
    await form.getByLabel('Production').selectOption('SHOW1');
    await form.getByLabel('Tool (optional)').selectOption('Firefly');
    // Submitted from the keyboard, the button keeps the keyboard while the folder is added (here, refused).
    await form.getByLabel('Folder path').fill(join(watched, 'no-such-folder'));
    await form.getByRole('button', { name: 'Watch folder' }).focus();
    await page.keyboard.press('Enter');
    await form.getByText(/does not exist/).first().waitFor();
    assert(await form.getByRole('button', { name: 'Watch folder' }).evaluate((el) => el === document.activeElement), 'Watch folder lost the focus');
    await form.getByLabel('Folder path').fill(watched);
    await form.getByRole('button', { name: 'Watch folder' }).click();
    const row = page.getByRole('table', { name: 'Watch folders' }).getByRole('row').filter({ hasText: watched });
    await row.getByText('Enabled').waitFor();
    writeFileSync(join(watched, 'e2e_watch_hero_v001.png'), randomBytes(5000));
    writeFileSync(join(watched, 'e2e_watch_reject_v001.exr'), randomBytes(7000));
    await row.getByRole('button', { name: `Scan ${watched} now` }).click();
    await page.getByRole('region', { name: 'Scan result' }).getByText(/2 files found · 2 new or changed · 2 new drafts · 0 already logged/).waitFor();
    // While it said "Scanning…" the button stayed focusable, so the keyboard is still there (not dropped to the page).
    assert(await row.getByRole('button', { name: `Scan ${watched} now` }).evaluate((el) => el === document.activeElement), 'Scan now lost the focus');
    await shot(page, 'watch-folders.png');
    // At 1280 px, and at 1024 px (Class moved into the defaults, Last scan made way), the table fits its pane, so
    // each row's actions are on screen without scrolling sideways.
    for (const width of [1280, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      const tableBox = await page.getByRole('table', { name: 'Watch folders' }).boundingBox();
      const paneBox = await page.locator('.watch-body .catalog-list').boundingBox();
      assert(tableBox && paneBox && tableBox.width <= paneBox.width + 1, `at ${width} px the table is ${tableBox?.width} px wide in a ${paneBox?.width} px pane`);
    }
    await shot(page, 'watch-folders-1024.png');
    await page.setViewportSize({ width: 1440, height: 860 });
    await nav('New files inbox').click();
    await draftRow('e2e_watch_hero_v001.png').waitFor();
    await draftRow('e2e_watch_reject_v001.exr').waitFor();
    await shot(page, 'new-files-inbox.png');
    // On a 1280 px screen the list fits beside the draft pane: what is in the pane (type, found, folder) makes way.
    await page.setViewportSize({ width: 1280, height: 800 });
    const fits = await page.evaluate(() => {
      const list = document.querySelector('[data-draft-list]');
      return { content: list.scrollWidth, box: list.clientWidth };
    });
    // At 1024 px the toolbar's buttons go on to a second line; the title stays on one.
    await page.setViewportSize({ width: 1024, height: 768 });
    const title = await page.getByRole('heading', { name: 'New files inbox' }).boundingBox();
    await page.setViewportSize({ width: 1440, height: 860 });
    assert(fits.content <= fits.box, `the New files list scrolls sideways at 1280 px: ${fits.content} px in ${fits.box}`);
    assert(title && title.height < 24, `the inbox title is ${title?.height} px tall at 1024 px: wrapped`);
  });

  await check('confirms one draft and dismisses the other (asked first); the confirmed one is in the asset log', async () => {
    await draftRow('e2e_watch_hero_v001.png').click();
    await pane.getByRole('heading', { name: 'e2e_watch_hero_v001.png' }).waitFor();
    await pane.getByLabel('Prompt').fill('lighthouse hero frame, dusk');
    await pane.getByRole('button', { name: 'Confirm and log' }).click();
    await draftRow('e2e_watch_hero_v001.png').waitFor({ state: 'detached' });

    await draftRow('e2e_watch_reject_v001.exr').click();
    await pane.getByRole('heading', { name: 'e2e_watch_reject_v001.exr' }).waitFor();
    // Its file changes before it is confirmed: refused, nothing logged, and the keyboard is still on Confirm (the
    // button was disabled while the request ran, which in a browser drops focus to the page).
    writeFileSync(join(watched, 'e2e_watch_reject_v001.exr'), randomBytes(7100));
    const confirm = pane.getByRole('button', { name: 'Confirm and log' });
    await confirm.focus();
    await page.keyboard.press('Enter');
    await pane.getByRole('alert').waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Confirm and log');
    await pane.getByRole('button', { name: 'Dismiss…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dismiss e2e_watch_reject_v001.exr?' });
    await dialog.getByRole('button', { name: 'Dismiss', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await draftRow('e2e_watch_reject_v001.exr').waitFor({ state: 'detached' });
    const decided = genlog(db, ['inbox', 'list', '--status', 'all']).filter((i) => i.path.startsWith(watched));
    assert(decided.map((i) => `${i.fileName}:${i.status}`).sort().join() === 'e2e_watch_hero_v001.png:confirmed,e2e_watch_reject_v001.exr:dismissed',
      `the db has ${JSON.stringify(decided.map((i) => [i.fileName, i.status]))}`);

    await searchLog('e2e_watch_hero');
    await grid.locator('[role=row]', { hasText: 'e2e_watch_hero_v001.png' }).waitFor();
    assert(await grid.locator('[role=row]', { hasText: 'e2e_watch_reject_v001.exr' }).count() === 0, 'the dismissed file is in the log');
  });

  await check('a draft whose file names a model in one unbroken 200-character word stays inside its column', async () => {
    await settingsPng(join(watched, 'e2e_long_model_v001.png'), `a lighthouse at dusk\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 96x64, Model: ${'m'.repeat(200)}`);
    await nav('Watch folders').click();
    await page.getByRole('table', { name: 'Watch folders' }).getByRole('button', { name: `Scan ${watched} now` }).click();
    await nav('New files inbox').click();
    await draftRow('e2e_long_model_v001.png').click();
    await pane.getByRole('heading', { name: 'e2e_long_model_v001.png' }).waitFor();
    for (const width of [1920, 1280]) {
      await page.setViewportSize({ width, height: 860 });
      const fit = await page.evaluate(() => {
        const list = document.querySelector('[data-draft-list]');
        const cell = [...list.querySelectorAll('td.draft-prov')].find((td) => td.textContent.includes('mmmm'));
        return { content: list.scrollWidth, box: list.clientWidth, text: cell.scrollWidth, cell: cell.clientWidth, height: cell.getBoundingClientRect().height };
      });
      assert(fit.content <= fit.box && fit.text <= fit.cell, `at ${width} px the provenance text is ${fit.text} px in a ${fit.cell} px cell and the list ${fit.content} px in ${fit.box}`);
      // The row says a model is named; the pane shows all of it.
      assert(fit.height < 100, `at ${width} px the row is ${fit.height} px tall`);
    }
    await shot(page, 'inbox-long-model.png');
    await page.setViewportSize({ width: 1440, height: 860 });
    await pane.getByRole('button', { name: 'Dismiss…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dismiss e2e_long_model_v001.png?' });
    await dialog.getByRole('button', { name: 'Dismiss', exact: true }).click();
    await draftRow('e2e_long_model_v001.png').waitFor({ state: 'detached' });
  });

  await check('logs a folder with an image sequence: progress completes, one asset with its frame range', async () => {
    for (let f = 1001; f <= 1010; f++) writeFileSync(join(sequenceDir, `sh040_comp_v001.${f}.exr`), randomBytes(20_000 + f));
    await nav('Asset log').click();
    await page.getByRole('button', { name: 'Log a folder…' }).click();
    let dialog = page.getByRole('dialog', { name: 'Log a folder' });
    await dialog.getByLabel('Folder path').fill(sequenceDir);
    await dialog.getByLabel('Production').selectOption('SHOW1');
    await dialog.getByLabel('Tool', { exact: true }).selectOption('Firefly');
    await dialog.getByRole('button', { name: 'Log folder' }).click();
    dialog = page.getByRole('dialog', { name: 'Logged 1 new asset' });
    await dialog.waitFor();
    await dialog.getByText(/10 of 10 files read/).waitFor();
    await dialog.getByRole('list', { name: 'Logged assets' }).getByText('frames 1001–1010').waitFor();
    await shot(page, 'log-folder-result.png');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
    await searchLog('sh040_comp');
    await grid.locator('[role=row]', { hasText: 'sh040_comp_v001.####.exr' }).waitFor();
    const [asset] = genlog(db, ['list', '--search', 'sh040_comp']);
    assert(asset, 'the sequence is not in the db');
    const shown = genlog(db, ['show', String(asset.id)]);
    assert(shown.frameRange?.first === 1001 && shown.frameRange?.last === 1010, `frame range in the db: ${JSON.stringify(shown.frameRange)}`);
    await page.getByRole('searchbox', { name: 'Search the log' }).fill('');
    await page.getByRole('searchbox', { name: 'Search the log' }).press('Enter');
  });

  await check('an inbox of 1,500 drafts draws only the rows in view; End and Home reach the last and first, in view', async () => {
    const many = addManyDrafts(db, 1500);
    try {
      await nav('New files inbox').click();
      await draftRow('e2e_many_1499.png').waitFor();
      const more = page.getByRole('button', { name: 'Show more' });
      for (let i = 0; i < 4 && await more.isVisible(); i++) {
        const before = await page.locator('.inbox-more .muted').innerText();
        await more.click();
        await page.waitForFunction((t) => document.querySelector('.inbox-more .muted')?.textContent !== t, before);
      }
      assert(!(await more.isVisible()), 'the inbox still offers Show more after four pages');
      const drawn = await inbox.locator('tr[data-draft-id]').count();
      assert(drawn > 10 && drawn < 200, `${drawn} rows drawn of 1,500`);
      // Columns laid out from the rows in view alone would jump as the list scrolls past the long names.
      const layouts = new Set();
      for (const top of [0, 3000, 9000, 20000, 36000, 0]) {
        await page.evaluate((t) => { document.querySelector('[data-draft-list]').scrollTop = t; }, top);
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        layouts.add(await page.evaluate(() => [...document.querySelectorAll('.draft-table thead th')].map((th) => Math.round(th.getBoundingClientRect().width)).join(',')));
      }
      assert(layouts.size === 1, `the column widths change while the list scrolls: ${[...layouts].join(' / ')}`);
      const list = page.locator('[data-draft-list]');
      await list.focus();
      const selectedInView = () => page.evaluate(() => {
        const row = document.querySelector('tr.is-selected')?.getBoundingClientRect();
        const box = document.querySelector('[data-draft-list]').getBoundingClientRect();
        return row ? { name: document.querySelector('tr.is-selected .draft-name').textContent, inView: row.top >= box.top + 20 && row.bottom <= box.bottom, row: [row.top, row.bottom], box: [box.top, box.bottom] } : null;
      });
      await page.keyboard.press('End');
      // The oldest draft is last (drafts left by the checks before these are older still).
      await page.waitForFunction(() => {
        const selected = document.querySelector('tr.is-selected');
        return selected && Number(selected.getAttribute('data-index')) >= 1499 && [...document.querySelectorAll('tr[data-draft-id]')].at(-1) === selected;
      });
      assert((await selectedInView())?.inView, `End: the last draft is not in view: ${JSON.stringify(await selectedInView())}`);
      await page.keyboard.press('Home');
      await page.waitForFunction(() => document.querySelector('tr.is-selected .draft-name')?.textContent === 'e2e_many_1499.png');
      for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown');
      await page.waitForFunction(() => document.querySelector('tr.is-selected .draft-name')?.textContent === 'e2e_many_1459.png');
      assert((await selectedInView())?.inView, `40 rows down: the selected draft is not in view: ${JSON.stringify(await selectedInView())}`);
      await shot(page, 'inbox-many-drafts.png');
    } finally {
      many.remove();
    }
    await page.reload();
  });
}

/** `count` pending drafts straight into the database (drafting 1,500 real files through a watch takes a while). */
function addManyDrafts(db, count) {
  const sqlite = new Database(db);
  const add = sqlite.prepare(`INSERT INTO inbox (watch_id, kind, path, file_name, size, mtime_ms, sha256, media_type, frames, provenance, prefill, found_at)
    VALUES (NULL, 'file', ?, ?, 1, ?, ?, 'image', NULL, NULL, ?, '2026-12-07T10:00:00.000Z')`);
  const prefill = JSON.stringify({ production: 'SHOW1', tool: 'Firefly' });
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      // Some names far longer than the others, as a render folder has.
      const name = i % 97 === 50 ? `e2e_many_${i}_with_a_much_longer_name_for_the_comp_v003.png` : `e2e_many_${i}.png`;
      add.run(`/e2e-many/${name}`, name, i + 1, createHash('sha256').update(`many ${i}`).digest('hex'), prefill);
    }
  })();
  return {
    remove: () => {
      sqlite.prepare("DELETE FROM inbox WHERE path LIKE '/e2e-many/%'").run();
      sqlite.close();
    },
  };
}
