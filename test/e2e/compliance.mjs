// Browser checks of the compliance UI (issue 3), run by run.mjs on the page and `genlog serve` it already has.
// The db already holds SHOW1, the Firefly tool, asset 1 (harbour_plate_v001.png, deliverable) and asset 2 (retired).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { assert, genlog } from './support.mjs';

const TALENT = 'Mara Quinn';
const APPROVER = 'Dana Whitfield';
const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');
const DAY = 86_400_000;

/** Two days ago as an RFC 2822 date: the approval email must not be dated in the future. */
function emailDate() {
  return new Date(Date.now() - 2 * DAY).toUTCString().replace('GMT', '+0000');
}

/** Assets and a planned use for the inbox and the dashboard, logged the way an artist would, from the CLI. */
function seedReviewWork(db, dir) {
  genlog(db, ['tool', 'add', '--name', 'VoiceForge', '--vendor', 'Sonic Labs', '--hosting', 'public-cloud', '--enterprise', 'no',
    '--trains-on-inputs', 'unsure', '--retains-data', 'yes']);
  const file = (name, bytes) => {
    const path = join(dir, name);
    writeFileSync(path, `${name} ${bytes}`);
    return path;
  };
  const log = (name, flags) => genlog(db, ['log', file(name, Math.random()), '--production', 'SHOW1', '--by', 'Ana Ortiz', '--episode', 'E102', ...flags]);
  log('crowd_extension_v004.mov', ['--tool', 'Firefly', '--class', 'deliverable', '--inputs', 'netflix-material', '--outputs', 'replaces-union-work', '--unowned-material', 'no']);
  log('newsroom_archive_v001.mov', ['--tool', 'Firefly', '--class', 'deliverable', '--outputs', 'mistakable-for-real', '--on-screen', 'prominent']);
  log('adr_voice_lena_v002.wav', ['--tool', 'VoiceForge', '--outputs', 'synthetic-voice', '--talent', 'Lena Ortiz', '--inputs', 'talent-likeness']);
  log('moodboard_harbour_v003.png', ['--tool', 'Firefly', '--on-screen', 'none', '--unowned-material', 'no']);
  log('previs_storm_v001.mp4', ['--tool', 'Firefly', '--on-screen', 'none', '--unowned-material', 'no']);
  log('temp_matte_fog_v002.png', ['--tool', 'Firefly', '--on-screen', 'none']);
  genlog(db, ['use', 'add', '--production', 'SHOW1', '--title', 'Stadium crowd extension, E104', '--preset', 'crowd-replacement',
    '--department', 'VFX', '--tools', 'Firefly', '--description', 'Fill the empty stands behind the match with generated spectators.']);
  // Two temporary assets logged long ago, so the dashboard has a reminder list to show.
  const sql = new Database(db);
  try {
    sql.prepare("UPDATE assets SET created_at = ? WHERE file_name = 'previs_storm_v001.mp4'").run(new Date(Date.now() - 41 * DAY).toISOString());
    sql.prepare("UPDATE assets SET created_at = ? WHERE file_name = 'temp_matte_fog_v002.png'").run(new Date(Date.now() - 33 * DAY).toISOString());
  } finally {
    sql.close();
  }
}

/** Confirmations fade on their own after a few seconds; a screenshot should show the screen, not them. */
async function quiet(page) {
  const dismiss = page.locator('.toasts').getByRole('button', { name: 'Dismiss' });
  while (await dismiss.count()) await dismiss.first().click();
}

export async function complianceChecks({ page, db, tmp, check, shot: screenshot }) {
  const shot = async (p, name) => {
    await quiet(p);
    await screenshot(p, name);
  };
  const evidenceDir = join(tmp, 'evidence-files');
  mkdirSync(evidenceDir, { recursive: true });
  const consentPdf = join(evidenceDir, 'consent_mara_quinn_signed.pdf');
  writeFileSync(consentPdf, '%PDF-1.4\n1 0 obj <<>> endobj\n% Mara Quinn consents to a digital replica for SHOW1.\n%%EOF\n');
  const approvalEml = join(evidenceDir, 'RE_GenAI_approval_SHOW1_harbour.eml');
  writeFileSync(approvalEml, [
    `From: ${APPROVER} <dana.whitfield@netflix.com>`,
    'To: vfx-supervisor@pixelworks.example',
    'Subject: RE: GenAI approval request - SHOW1 harbour plate digital replica',
    `Date: ${emailDate()}`,
    'Message-ID: <gen-ai-4821.show1@netflix.com>',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Approved for the final cut of E101, with the consent on file.',
    '',
  ].join('\r\n'));

  const grid = page.getByRole('grid', { name: 'Asset log' });
  const pane = page.getByRole('complementary', { name: 'Asset detail' });
  const headerOutcome = pane.locator('.detail-actions .outcome-badge');
  // Nav buttons are named by their label and shortcut ("Asset log Ctrl+1").
  const nav = (label) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: new RegExp(`^${label}`) }).click();

  async function openHarbourPlate() {
    await nav('Asset log');
    const clear = page.getByRole('button', { name: 'Clear', exact: true });
    if (await clear.isEnabled()) await clear.click();
    await grid.locator('[role=row]', { hasText: 'harbour_plate_v001.png' }).click();
    await pane.getByRole('heading', { name: 'harbour_plate_v001.png' }).waitFor();
  }

  await check('compliance: the questionnaire blocks a digital replica of named talent with no consent on file', async () => {
    seedReviewWork(db, tmp);
    await page.reload();
    await openHarbourPlate();
    await pane.getByRole('tab', { name: 'Questions' }).click();
    const outputs = pane.getByRole('group', { name: 'What comes out' });
    await outputs.getByRole('checkbox', { name: 'Digital replica of a performer' }).click();
    await headerOutcome.filter({ hasText: 'Blocked' }).waitFor();
    await pane.getByRole('textbox', { name: 'Add to talent concerned' }).fill(TALENT);
    await page.keyboard.press('Enter');
    await pane.getByRole('group', { name: 'Talent concerned' }).getByText(TALENT).waitFor();
    // Keyboard only: the group is one Tab stop; Home moves to "No", Space chooses it.
    const unowned = pane.getByRole('radiogroup', { name: 'Recreates unowned material?' });
    await unowned.getByRole('radio', { checked: true }).focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Space');
    await unowned.getByRole('radio', { name: 'No', exact: true, checked: true }).waitFor();
    await pane.getByRole('status', { name: 'Outcome' }).getByText('W-TALENT-REPLICA').waitFor();
    const assessed = genlog(db, ['assess', '1']);
    assert(assessed.outcome === 'blocked', `the db says ${assessed.outcome}`);
    const replica = assessed.findings.find((f) => f.rule === 'W-TALENT-REPLICA');
    assert(replica?.severity === 'blocked', `W-TALENT-REPLICA is ${replica?.severity}`);
    assert(!assessed.findings.some((f) => f.rule === 'P1'), 'answering "No" did not clear P1');
    assert(genlog(db, ['show', '1']).facts.talent.join() === TALENT, 'the talent was not saved');
    await pane.getByRole('tabpanel').evaluate((el) => { el.scrollTop = 0; });
    await shot(page, 'questionnaire.png');
  });

  await check('compliance: filing the consent with an uploaded evidence file turns the blocked replica into escalate', async () => {
    await nav('Consents');
    await page.getByRole('button', { name: 'New consent' }).click();
    const form = page.getByRole('form', { name: 'New consent' });
    await form.getByLabel('Talent').fill(TALENT);
    await form.getByRole('checkbox', { name: 'Digital replica' }).click();
    await form.getByLabel('Scope').fill('Digital replica of her likeness for the harbour sequence of E101, as performed on set.');
    await page.getByTestId('consent-evidence-input').setInputFiles(consentPdf);
    await form.getByText(/sha256/).waitFor();
    await shot(page, 'consent-form.png');
    await form.getByRole('button', { name: 'File consent' }).click();
    await page.getByRole('table', { name: 'Consents' }).getByRole('row', { name: new RegExp(TALENT) }).waitFor();
    const [consent] = genlog(db, ['consent', 'list', '--talent', TALENT]);
    assert(consent?.evidence.sha256 === sha256(consentPdf), 'the stored evidence is not the uploaded file');
    assert(genlog(db, ['assess', '1']).outcome === 'escalate', 'the asset did not become escalate');
    await shot(page, 'consents.png');
    await openHarbourPlate();
    await headerOutcome.filter({ hasText: 'Escalate' }).waitFor();
  });

  await check('compliance: an approval recorded with the approval email as evidence clears the asset', async () => {
    await pane.getByRole('tab', { name: /Findings/ }).click();
    await pane.getByRole('button', { name: 'Record decision…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Record a decision for asset #1' }).waitFor();
    await page.getByTestId('approval-evidence-input').setInputFiles(approvalEml);
    await dialog.getByText('Filled in from the email').waitFor();
    assert(await dialog.getByLabel('Approver (Netflix)').inputValue() === APPROVER, 'the approver was not read from the email');
    assert(await dialog.getByLabel('Reference').inputValue() === 'gen-ai-4821.show1@netflix.com', 'the Message-ID was not used as reference');
    await shot(page, 'approval-dialog.png');
    await dialog.getByRole('button', { name: 'Record approval' }).click();
    await dialog.waitFor({ state: 'detached' });
    await headerOutcome.filter({ hasText: 'Cleared' }).waitFor();
    await pane.getByRole('list', { name: 'Approvals of asset 1' }).getByText(APPROVER).waitFor();
    const assessed = genlog(db, ['assess', '1']);
    assert(assessed.outcome === 'cleared', `the db says ${assessed.outcome}`);
    assert(assessed.findings.every((f) => f.coveredBy.length > 0), 'a finding is not covered');
    const [approval] = genlog(db, ['approval', 'list', '--asset', '1']);
    assert(approval.evidence.sha256 === sha256(approvalEml) && approval.approver === APPROVER, 'the approval record is not the one entered');
    await grid.locator('[role=row]', { hasText: 'harbour_plate_v001.png' }).locator('.outcome-cleared').waitFor();
    await shot(page, 'findings.png');
  });

  await check('compliance: the dashboard counts match the API and a count opens the filtered log', async () => {
    await nav('Dashboard');
    const api = genlog(db, ['dashboard', '--production', 'SHOW1']);
    for (const o of ['blocked', 'escalate', 'disclose', 'cleared']) {
      const shown = await page.getByTestId(`count-${o}`).innerText();
      assert(Number(shown) === api.assets[o], `${o}: the page shows ${shown}, the API ${api.assets[o]}`);
    }
    assert(Number(await page.getByTestId('count-pending').innerText()) === api.pendingApprovals.total, 'pending approvals differ');
    await page.getByRole('table', { name: 'Stale temporary assets' }).getByText('previs_storm_v001.mp4').waitFor();
    await page.getByRole('table', { name: 'Blocked items' }).getByText('adr_voice_lena_v002.wav').waitFor();
    await shot(page, 'dashboard.png');
    await page.getByRole('button', { name: /^Escalate: / }).click();
    await grid.waitFor();
    await page.getByTestId('asset-total').filter({ hasText: `${api.assets.escalate} asset` }).waitFor();
    assert(await page.getByRole('combobox', { name: 'Outcome' }).inputValue() === 'escalate', 'the log is not filtered by outcome');
  });

  await check('compliance: the approvals inbox lists what waits, oldest first, and is worked by keyboard', async () => {
    await nav('Approvals inbox');
    const table = page.getByRole('table', { name: 'Awaiting a decision' });
    const inbox = genlog(db, ['approval', 'inbox']);
    await table.getByRole('row').nth(inbox.length).waitFor();
    const rows = await table.locator('tbody tr').count();
    assert(rows === inbox.length, `${rows} rows for ${inbox.length} items`);
    const first = await table.locator('tbody tr').first().innerText();
    assert(first.includes(inbox[0].title), `first row is not the oldest item: ${first}`);
    await shot(page, 'approvals-inbox.png');
    // Keyboard: focus the first "Decide…" button, Enter opens the dialog, Escape closes it again.
    await table.getByRole('button', { name: /^Record a decision for/ }).first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // On a 1,024 px window every row's Decide… is still in view, without scrolling sideways.
    const size = page.viewportSize();
    await page.setViewportSize({ width: 1024, height: 768 });
    const offscreen = await table.getByRole('button', { name: /^Record a decision for/ }).evaluateAll((buttons) =>
      buttons.filter((b) => b.getBoundingClientRect().right > document.documentElement.clientWidth).length);
    assert(offscreen === 0, `${offscreen} Decide… buttons are off screen at 1024 px`);
    await page.setViewportSize(size);
  });

  await check('compliance: a planned use shows its preset answers, findings and the same questionnaire', async () => {
    await nav('Planned uses');
    await page.getByRole('button', { name: 'Open planned use 1' }).click();
    const view = page.getByRole('region', { name: 'Planned use 1' });
    await view.getByRole('list', { name: 'Findings of planned use 1' }).getByText('W-ETHICS-UNION', { exact: true }).waitFor();
    await view.getByRole('radiogroup', { name: 'Recreates unowned material?' }).getByRole('radio', { name: 'No', exact: true }).click();
    await view.getByRole('list', { name: 'Findings of planned use 1' }).getByText('P1', { exact: true }).waitFor({ state: 'detached' });
    assert(!genlog(db, ['use', 'assess', '1']).findings.some((f) => f.rule === 'P1'), 'the answer was not saved');
    await shot(page, 'planned-uses.png');
  });
}
