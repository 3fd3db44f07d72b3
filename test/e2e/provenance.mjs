// Browser checks of provenance (issue 5, single assets), run by run.mjs on its page and `genlog serve`:
// dropped files fill the log form by themselves, the Provenance tab shows the stored record, rows get thumbnails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, genlog, root, settingsPng } from './support.mjs';

const C2PA_JPEG = join(root, 'test', 'fixtures', 'c2pa', 'trustnxt-icon-signed-timestamp.jpg');
const A1111 = readFileSync(join(root, 'test', 'fixtures', 'provenance', 'a1111-parameters.txt'), 'utf8');
const PROMPT = A1111.split('\nNegative prompt:')[0];

/** A real PNG with the settings text chunk Stable Diffusion WebUI writes. */
const a1111Png = (path) => settingsPng(path, A1111);

export async function provenanceChecks({ page, db, tmp, check, shot }) {
  const grid = page.getByRole('grid', { name: 'Asset log' });
  const rowFor = (name) => grid.locator('[role=row]', { hasText: name });
  const pane = page.getByRole('complementary', { name: 'Asset detail' });
  const sdName = 'sd_city_street_v001.png';
  const c2paName = 'trustnxt-icon-signed-timestamp.jpg';

  await check('dropping an A1111 PNG and a C2PA JPEG fills the form from the files; the tool for both is the artist\'s pick', async () => {
    genlog(db, ['tool', 'add', '--name', 'AUTOMATIC1111', '--hosting', 'local']);
    await page.reload();
    await page.keyboard.press('Control+1');
    await grid.waitFor();
    await page.getByTestId('file-input').setInputFiles([await a1111Png(join(tmp, sdName)), C2PA_JPEG]);
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Log 2 files' }).waitFor();
    const sd = dialog.getByRole('listitem', { name: sdName });
    await sd.getByText(/model realisticVisionV51_v51VAE · seed 3620491582/).waitFor();
    await sd.getByText(PROMPT.slice(0, 40), { exact: false }).waitFor();
    await dialog.getByRole('listitem', { name: c2paName }).getByText(/C2PA Signer.*untrusted signer/).waitFor();
    // Only the PNG names a listed tool: one tool covers the batch, so the artist picks it rather than GenLog guessing.
    await dialog.getByRole('note', { name: 'Tool named by the files' }).getByText(/One tool applies to every file of a batch/).waitFor();
    assert(await dialog.getByLabel('AI tool').inputValue() === '', 'a tool was chosen for a file that names none');
    await dialog.getByLabel('AI tool').selectOption('AUTOMATIC1111');
    await dialog.getByLabel('Production').selectOption('SHOW1');
    await shot(page, 'provenance-log-dialog.png');
    await dialog.getByRole('button', { name: 'Log 2 files' }).click();
    await dialog.getByRole('heading', { name: 'Logged 2 new assets' }).waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    const logged = genlog(db, ['list', '--search', 'sd_city_street']);
    assert(logged[0]?.prompt === PROMPT && logged[0]?.tool === 'AUTOMATIC1111', `logged as ${JSON.stringify(logged[0])}`);
  });

  await check('the table row shows the upload\'s thumbnail; the Provenance tab shows the stored records', async () => {
    const search = page.getByRole('searchbox', { name: 'Search the log' });
    await search.fill('sd_city_street');
    await rowFor(sdName).locator('img.thumb[src^="data:image/webp"]').waitFor();
    await rowFor(sdName).click();
    await pane.getByRole('heading', { name: sdName }).waitFor();
    await pane.getByRole('img', { name: `Preview of ${sdName}` }).waitFor();
    await pane.getByRole('tab', { name: /Provenance/ }).click();
    const sd = pane.getByRole('region', { name: /A1111/ });
    await sd.getByText('3620491582').waitFor();
    await shot(page, 'provenance-tab-a1111.png');

    await search.fill('trustnxt');
    await rowFor(c2paName).click();
    await pane.getByRole('heading', { name: c2paName }).waitFor();
    const c2pa = pane.getByRole('region', { name: 'C2PA content credentials' });
    await c2pa.getByText('untrusted signer', { exact: true }).waitFor();
    await c2pa.getByText('C2PA Signer', { exact: true }).waitFor();
    await shot(page, 'provenance-tab-c2pa.png');
    await search.fill('');
  });
}
