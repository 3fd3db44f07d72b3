// Browser checks for disclosure packets, run by run.mjs on its page and `genlog serve` after the log checks
// (production SHOW1 with one active asset exists by then).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { assert, genlog, resultsDir } from './support.mjs';

/**
 * @param {object} o
 * @param {import('playwright-core').Page} o.page
 * @param {string} o.db the db `genlog serve` runs on (its data folder holds the packets)
 * @param {(name: string, fn: () => Promise<void>) => Promise<boolean>} o.check
 * @param {(page: import('playwright-core').Page, name: string) => Promise<unknown>} o.shot
 */
export async function packetChecks({ page, db, check, shot: screenshot }) {
  // Screenshots show the screen, not the confirmations over it; an error notice fails the check instead.
  const shot = async (p, name) => {
    const errors = await p.locator('.toast-error').allInnerTexts();
    assert(errors.length === 0, `error notices on screen: ${errors.join(' | ')}`);
    const dismiss = p.getByRole('button', { name: 'Dismiss' });
    while (await dismiss.count() > 0) await dismiss.first().click();
    return screenshot(p, name);
  };
  // Anchored: a nav button's name may end with its shortcut ("Settings Ctrl+,").
  const nav = (name) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: new RegExp(`^${name}`) });
  const pane = page.getByRole('complementary', { name: 'Packet detail' });
  let packet;

  await check('builds a packet for SHOW1 from the Packets screen and reads its preview', async () => {
    await nav('Packets').click();
    await page.getByText('No packets yet').waitFor();
    await page.getByRole('button', { name: 'Build packet…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Build a disclosure packet' });
    await dialog.getByLabel('Production').selectOption('SHOW1');
    await dialog.getByRole('button', { name: 'Build draft' }).click();
    await dialog.waitFor({ state: 'detached' });
    [packet] = genlog(db, ['packet', 'list']);
    assert(packet?.state === 'draft' && packet.production === 'SHOW1', `no draft packet in the db: ${JSON.stringify(packet)}`);
    const summary = pane.getByRole('article', { name: `Summary of packet ${packet.id}` });
    await summary.waitFor();
    await summary.getByText('The Lighthouse').waitFor();
    const tiles = await summary.getByRole('list', { name: 'Assets by outcome' }).getByRole('listitem').allInnerTexts();
    const shown = tiles.reduce((n, t) => n + Number(t.split('\n')[0]), 0);
    assert(shown === packet.assets, `the preview counts ${shown} assets, the packet has ${packet.assets}`);
    await page.getByRole('table', { name: 'Packets' }).getByRole('row').filter({ hasText: 'Draft' }).waitFor();
    await shot(page, 'packet-preview.png');
  });

  await check('downloads summary.pdf (a real PDF, page 1 renders)', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), pane.getByRole('button', { name: 'Download PDF' }).click()]);
    assert(download.suggestedFilename() === `SHOW1-packet-${packet.id}-summary.pdf`, `downloaded as ${download.suggestedFilename()}`);
    const pdf = join(resultsDir, 'packet-summary.pdf');
    await download.saveAs(pdf);
    assert(readFileSync(pdf).subarray(0, 5).toString() === '%PDF-', 'the download is not a PDF');
    const png = join(resultsDir, 'packet-summary-page1');
    rmSync(`${png}.png`, { force: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
    assert(existsSync(`${png}.png`), 'pdftoppm did not render page 1');
  });

  await check('approves the packet; the outbox shows it queued', async () => {
    await pane.getByRole('button', { name: 'Approve…' }).click();
    const dialog = page.getByRole('dialog', { name: `Approve packet ${packet.id}` });
    await dialog.getByText('amy@netflix.com', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Approve and queue' }).click();
    await dialog.waitFor({ state: 'detached' });
    await pane.locator('.state-badge', { hasText: 'Queued' }).waitFor();
    assert(await pane.getByRole('button', { name: 'Rebuild' }).count() === 0, 'an approved packet still offers Rebuild');
    await nav('Outbox').click();
    const row = page.getByRole('table', { name: 'Outbox' }).getByRole('row').filter({ hasText: 'SHOW1' });
    await row.getByText('Queued', { exact: true }).waitFor();
    await page.getByText('No mail server is set').waitFor();
    await row.getByRole('button', { name: `Open packet ${packet.id}` }).click();
    await pane.getByRole('article', { name: `Summary of packet ${packet.id}` }).waitFor();
    await shot(page, 'outbox.png');
    const shown = genlog(db, ['packet', 'show', String(packet.id)]);
    assert(shown.state === 'queued' && shown.approvedBy, `the db has the packet ${shown.state}, approved by ${shown.approvedBy}`);
  });

  await check('sets the facility manager in settings, exports the .eml from the outbox; the history records it', async () => {
    await nav('Settings').click();
    const form = page.getByRole('form', { name: 'Email & signing' });
    await form.getByLabel('Facility key fingerprint').waitFor();
    await form.getByLabel('Facility manager email').fill('tom.avery@pixelworks.example');
    await form.getByRole('button', { name: 'Save email settings' }).click();
    await page.getByText('Email settings saved.').waitFor();
    await form.scrollIntoViewIfNeeded();
    await shot(page, 'settings-email.png');

    await nav('Outbox').click();
    await page.getByRole('table', { name: 'Outbox' }).getByRole('button', { name: `Open packet ${packet.id}` }).click();
    await pane.getByRole('button', { name: 'Export .eml…' }).click();
    const dialog = page.getByRole('dialog', { name: `Export packet ${packet.id} as .eml` });
    const out = await dialog.getByLabel('Save as').inputValue();
    await dialog.getByRole('button', { name: 'Write .eml' }).click();
    await dialog.waitFor({ state: 'detached' });
    const eml = readFileSync(out, 'utf8');
    assert(/^To: .*amy@netflix\.com/m.test(eml) && /^Cc: .*tom\.avery@pixelworks\.example/m.test(eml), 'the .eml is not addressed to the contact with the manager in copy');
    assert(eml.includes(`${packet.uuid}.zip`), 'the .eml does not attach the packet');
    await pane.getByRole('tab', { name: /History/ }).click();
    await pane.getByRole('listitem').filter({ hasText: 'Exported as .eml' }).waitFor();
    await pane.getByRole('button', { name: 'Confirm sent…' }).waitFor();
    const shown = genlog(db, ['packet', 'show', String(packet.id)]);
    assert(shown.emlExportedAt && shown.history.some((h) => h.action === 'eml-exported'), 'the db does not record the export');
    const verified = genlog(db, ['packet', 'verify', shown.path]);
    assert(verified.valid === true, `the approved packet does not verify: ${verified.problems.join('; ')}`);
  });
}
