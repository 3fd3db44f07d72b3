// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_FACTS } from '../../renderer/compliance/facts';
import { loadedRows, ok, renderApp, type RealApi, useRealApiInFolder } from './support/app';
import { diskFiles } from './support/disk-files';

// No artificial delay between keystrokes: the tests wait for what the UI does, not for typing speed.
const user = userEvent.setup({ delay: null });

type Facts = NonNullable<Parameters<RealApi['api']['logAssets']>[0]['facts']>;

/**
 * The asset detail pane's compliance tabs against the real API: findings, the questionnaire, the approval dialog.
 * Evidence files are real files on disk handed over by path, as in the desktop app.
 */
describe('findings, questions and decisions in the detail pane', () => {
  const env = useRealApiInFolder('genlog-compliance-ui-', async (api) => {
    ok(await api.addProduction({ code: 'SHOW1', title: 'The Lighthouse', contactEmail: 'amy@netflix.com' }));
    ok(await api.addTool({ name: 'Firefly', hosting: 'enterprise-cloud', enterprise: 'yes', trainsOnInputs: 'no', retainsData: 'no' }));
    ok(await api.setSettings({ artistName: 'Ana Ortiz' }));
  });
  const disk = diskFiles(() => env.dir);
  const { paths } = disk;
  const diskFile = disk.file;

  async function logAsset(name: string, classification: 'temporary' | 'deliverable', facts: Facts): Promise<number> {
    const path = join(env.dir, name);
    writeFileSync(path, `${name} pixels`);
    return ok(await env.real.api.logAssets({ files: [{ path }], production: 'SHOW1', tool: 'Firefly', by: 'Ana Ortiz', classification, facts }))[0]!.id;
  }

  /** Renders the app, selects the asset in the log and opens one of its detail tabs. */
  async function openAsset(id: number, tab: RegExp) {
    renderApp(env.real.api, disk.stager());
    const grid = await screen.findByRole('grid', { name: 'Asset log' });
    await waitFor(() => expect(loadedRows(grid).some((r) => r.dataset.assetId === String(id))).toBe(true));
    await user.click(within(loadedRows(grid).find((r) => r.dataset.assetId === String(id))!).getAllByRole('gridcell')[3]!);
    const pane = screen.getByRole('complementary', { name: 'Asset detail' });
    await within(pane).findByText(`#${id}`);
    await user.click(within(pane).getByRole('tab', { name: tab }));
    return pane;
  }

  const headerOutcome = (pane: HTMLElement) => pane.querySelector('.detail-actions .outcome-badge')?.textContent;
  const shownRules = (list: HTMLElement) => within(list).getAllByRole('listitem').map((li) => li.getAttribute('aria-label'));


  it('lists the findings the API computes and follows a changed answer at once', async () => {
    const id = await logAsset('harbour_plate_v001.png', 'deliverable', { onScreen: 'prominent', unownedMaterial: 'no' });
    const pane = await openAsset(id, /^Findings/);
    const list = within(pane).getByRole('list', { name: `Findings of asset ${id}` });
    expect(shownRules(list)).toEqual(['W-FINAL: escalate', 'P4: escalate']);
    const api = ok(await env.real.api.assessAsset({ id }));
    const wFinal = api.findings.find((f) => f.rule === 'W-FINAL')!;
    const item = within(list).getByRole('listitem', { name: 'W-FINAL: escalate' });
    expect(item.textContent).toContain(wFinal.fact);
    expect(item.textContent).toContain(wFinal.explanation);
    expect(item.textContent).toContain(wFinal.howToClear);
    expect(headerOutcome(pane)).toBe('Escalate');

    // Answer in the questionnaire: the outcome and the findings follow without any save button.
    await user.click(within(pane).getByRole('tab', { name: 'Questions' }));
    const outputs = within(pane).getByRole('group', { name: 'What comes out' });
    await user.click(within(outputs).getByRole('checkbox', { name: 'Digital replica of a performer' }));
    await waitFor(() => expect(headerOutcome(pane)).toBe('Blocked'));
    expect(within(pane).getByRole('status', { name: 'Outcome' }).textContent).toContain('W-TALENT-REPLICA');
    expect(within(outputs).getByRole('checkbox', { name: 'Digital replica of a performer' }).getAttribute('aria-checked')).toBe('true');
    expect(ok(await env.real.api.getAsset({ id })).facts.outputs).toEqual(['digital-replica']);

    await user.click(within(pane).getByRole('tab', { name: /^Findings/ }));
    const updated = within(pane).getByRole('list', { name: `Findings of asset ${id}` });
    expect(shownRules(updated)).toEqual(['W-TALENT-REPLICA: blocked', 'W-FINAL: escalate', 'P4: escalate', 'P5: escalate']);
    expect(within(updated).getByRole('listitem', { name: 'W-TALENT-REPLICA: blocked' }).textContent).toContain('outputs=digital-replica');
  });

  it('is answered by keyboard: arrows move between answers without saving, Space saves, Enter adds a name', async () => {
    const id = await logAsset('crowd_v003.mov', 'temporary', { outputs: ['digital-replica'] });
    const pane = await openAsset(id, /^Questions/);
    const onScreen = within(pane).getByRole('radiogroup', { name: 'On screen?' });
    const chosen = within(onScreen).getByRole('radio', { name: 'Not sure yet' });
    expect(chosen.getAttribute('tabindex')).toBe('0');
    expect(within(onScreen).getAllByRole('radio').filter((r) => r.getAttribute('tabindex') === '0')).toHaveLength(1);
    chosen.focus();
    const saves = () => env.real.calls.filter((c) => c === 'setFacts').length;
    const before = saves();
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(within(onScreen).getByRole('radio', { name: 'Not on screen' }));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(within(onScreen).getByRole('radio', { name: 'Incidental' }));
    expect(saves()).toBe(before);
    await user.keyboard(' ');
    await waitFor(async () => expect(ok(await env.real.api.getAsset({ id })).facts.onScreen).toBe('incidental'));
    expect(saves()).toBe(before + 1);

    const talent = within(pane).getByRole('textbox', { name: 'Add to talent concerned' });
    await user.click(talent);
    await user.keyboard('Mara Quinn{Enter}');
    await within(pane).findByRole('button', { name: 'Remove Mara Quinn' });
    await waitFor(async () => expect(ok(await env.real.api.getAsset({ id })).facts.talent).toEqual(['Mara Quinn']));
    expect(ok(await env.real.api.assessAsset({ id })).findings.find((f) => f.rule === 'W-TALENT-REPLICA')?.fact).toBe('outputs=digital-replica');
  });

  it('records an approval with its evidence email, which clears the asset; a correction supersedes, never edits', async () => {
    const id = await logAsset('castle_keyart_v007.png', 'deliverable', { onScreen: 'prominent', unownedMaterial: 'no', outputs: ['key-creative'] });
    const pane = await openAsset(id, /^Findings/);
    await user.click(within(pane).getByRole('button', { name: 'Record decision…' }));
    let dialog = await screen.findByRole('dialog', { name: `Record a decision for asset #${id}` });
    expect(within(dialog).getByRole('note').textContent).toMatch(/never edited/);

    // Nothing is sent without the evidence file.
    await user.click(within(dialog).getByRole('button', { name: 'Record approval' }));
    expect(within(dialog).getByText(/Attach the approval email/)).toBeTruthy();
    expect(env.real.calls).not.toContain('addApproval');

    const eml = diskFile('RE_keyart_approval.eml', [
      'From: Dana Whitfield <dana.whitfield@netflix.com>',
      'Subject: RE: castle key art',
      'Date: Mon, 2 Nov 2026 10:00:00 +0000',
      'Message-ID: <keyart-77@netflix.com>',
      '',
      'Approved.',
    ].join('\r\n'));
    await user.upload(screen.getByTestId('approval-evidence-input'), eml);
    await within(dialog).findByText(/Filled in from the email/);
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Approver (Netflix)' }).value).toBe('Dana Whitfield');
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Reference' }).value).toBe('keyart-77@netflix.com');
    expect(within(dialog).getByLabelText<HTMLInputElement>('Date of the decision').value).toBe('2026-11-02');
    expect(within(dialog).getByRole<HTMLInputElement>('radio', { name: /All open findings/ }).checked).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Record approval' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await waitFor(() => expect(headerOutcome(pane)).toBe('Cleared'));
    const assessed = ok(await env.real.api.assessAsset({ id }));
    expect(assessed.outcome).toBe('cleared');
    const [approval] = ok(await env.real.api.listApprovals({ asset: id }));
    expect(approval).toMatchObject({ decision: 'approved', approver: 'Dana Whitfield', date: '2026-11-02', reference: 'keyart-77@netflix.com', createdBy: 'Ana Ortiz' });
    expect(approval!.rules.sort()).toEqual(['P4', 'W-CREATIVE-KEY', 'W-FINAL']);
    expect(approval!.evidence.sha256).toBe(createHash('sha256').update(readFileSync(paths.get(eml)!)).digest('hex'));
    const list = within(pane).getByRole('list', { name: `Findings of asset ${id}` });
    expect(shownRules(list).every((r) => r?.endsWith(': covered'))).toBe(true);

    // A correction: the Netflix contact withdrew it. The first record stays, marked superseded.
    await user.click(within(pane).getByRole('button', { name: `Supersede approval #${approval!.id}` }));
    dialog = await screen.findByRole('dialog', { name: `Supersede approval #${approval!.id}` });
    expect(within(dialog).getByRole<HTMLSelectElement>('combobox', { name: 'Supersedes' }).value).toBe(String(approval!.id));
    await user.click(within(dialog).getByRole('radio', { name: 'Denied' }));
    await user.upload(screen.getByTestId('approval-evidence-input'), diskFile('withdrawal.pdf', '%PDF-1.4 withdrawn'));
    await user.type(within(dialog).getByRole('textbox', { name: 'Approver (Netflix)' }), 'Dana Whitfield');
    await user.type(within(dialog).getByRole('textbox', { name: 'Reference' }), 'NFLX-4821 withdrawal');
    await user.click(within(dialog).getByRole('button', { name: 'Record denial' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await waitFor(() => expect(headerOutcome(pane)).toBe('Escalate'));
    const all = ok(await env.real.api.listApprovals({ asset: id }));
    expect(all.map((a) => [a.id, a.decision, a.current, a.supersededBy])).toEqual([
      [approval!.id, 'approved', false, approval!.id + 1],
      [approval!.id + 1, 'denied', true, null],
    ]);
    const onFile = within(pane).getByRole('list', { name: `Approvals of asset ${id}` });
    expect(within(onFile).getByText(`superseded by #${approval!.id + 1}`)).toBeTruthy();
    expect(within(pane).queryByRole('button', { name: `Supersede approval #${approval!.id}` })).toBeNull();
  });

  it('starts the log dialog from the same cautious answers the API gives a new asset', async () => {
    const id = await logAsset('fog_v001.png', 'temporary', {});
    expect(ok(await env.real.api.getAsset({ id })).facts).toEqual(DEFAULT_FACTS);
  });
});
