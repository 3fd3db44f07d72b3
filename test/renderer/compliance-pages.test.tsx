// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadedRows, ok, renderApp, type RealApi, useRealApiInFolder } from './support/app';
import { diskFiles } from './support/disk-files';

// No artificial delay between keystrokes: the tests wait for what the UI does, not for typing speed.
const user = userEvent.setup({ delay: null });

type LogInput = Parameters<RealApi['api']['logAssets']>[0];

/** The compliance screens (consents, dashboard, approvals inbox, planned uses) and logging against a planned use. */
describe('compliance screens', () => {
  const env = useRealApiInFolder('genlog-compliance-pages-', async (api) => {
    ok(await api.addProduction({ code: 'SHOW1', title: 'The Lighthouse', contactEmail: 'amy@netflix.com' }));
    ok(await api.addTool({ name: 'Firefly', hosting: 'enterprise-cloud', enterprise: 'yes', trainsOnInputs: 'no', retainsData: 'no' }));
    ok(await api.setSettings({ artistName: 'Ana Ortiz' }));
  });
  const disk = diskFiles(() => env.dir);
  const diskFile = disk.file;

  async function logAsset(name: string, input: Partial<LogInput> = {}): Promise<number> {
    const path = join(env.dir, name);
    writeFileSync(path, `${name} pixels`);
    return ok(await env.real.api.logAssets({ files: [{ path }], production: 'SHOW1', tool: 'Firefly', by: 'Ana Ortiz', ...input }))[0]!.id;
  }

  function render() {
    return renderApp(env.real.api, disk.stager());
  }

  async function go(screenLabel: RegExp) {
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('button', { name: screenLabel }));
  }


  it('files a consent with its evidence, which turns a blocked replica into escalate', async () => {
    const id = await logAsset('mara_replica_v002.png', { facts: { outputs: ['digital-replica'], talent: ['Mara Quinn'], unownedMaterial: 'no' } });
    expect(ok(await env.real.api.assessAsset({ id })).outcome).toBe('blocked');
    render();
    await go(/^Consents/);
    await user.click(await screen.findByRole('button', { name: 'New consent' }));
    const form = screen.getByRole('form', { name: 'New consent' });
    await user.type(within(form).getByRole('textbox', { name: 'Talent' }), 'Mara Quinn');
    await user.click(within(form).getByRole('checkbox', { name: 'Digital replica' }));
    await user.type(within(form).getByRole('textbox', { name: 'Scope' }), 'Her likeness in the harbour sequence, as performed.');
    await user.upload(screen.getByTestId('consent-evidence-input'), diskFile('mara_consent_signed.pdf', '%PDF-1.4 signed'));
    await within(form).findByText('mara_consent_signed.pdf');
    await user.click(within(form).getByRole('button', { name: 'File consent' }));

    const table = screen.getByRole('table', { name: 'Consents' });
    const row = await within(table).findByRole('row', { name: /Mara Quinn/ });
    expect(row.textContent).toContain('Digital replica');
    expect(row.textContent).toContain('in force');
    const [consent] = ok(await env.real.api.listConsents({ production: 'SHOW1' }));
    expect(consent).toMatchObject({ talent: 'Mara Quinn', kinds: ['digital-replica'], production: 'SHOW1', createdBy: 'Ana Ortiz' });
    expect(ok(await env.real.api.assessAsset({ id })).outcome).toBe('escalate');

    // The log shows the new outcome too.
    await go(/^Asset log/);
    const grid = await screen.findByRole('grid', { name: 'Asset log' });
    await waitFor(() => {
      const logged = loadedRows(grid).find((r) => r.dataset.assetId === String(id));
      expect(logged?.querySelector('.outcome-badge')?.textContent).toBe('Escalate');
    });
  });

  it('shows the dashboard counts the API computes; a count opens the log filtered to it', async () => {
    await logAsset('moodboard_v001.png', { facts: { onScreen: 'none', unownedMaterial: 'no' } });
    await logAsset('keyart_v003.png', { classification: 'deliverable', facts: { outputs: ['key-creative'] } });
    await logAsset('voice_v002.wav', { facts: { outputs: ['synthetic-voice'], talent: ['Lena Ortiz'] } });
    await logAsset('replica_v001.png', { facts: { outputs: ['digital-replica'] } });
    const old = await logAsset('previs_storm_v001.mp4');
    env.real.ctx.db.prepare('UPDATE assets SET created_at = ? WHERE id = ?').run(new Date(Date.now() - 45 * 86_400_000).toISOString(), old);
    ok(await env.real.api.addPlannedUse({ production: 'SHOW1', title: 'Crowd extension', preset: 'crowd-replacement' }));
    const api = ok(await env.real.api.getDashboard({ production: 'SHOW1' }));
    expect(api.assets.blocked).toBe(2);

    render();
    await go(/^Dashboard/);
    await screen.findByRole('heading', { name: /Assets by outcome/ });
    for (const o of ['blocked', 'escalate', 'disclose', 'cleared'] as const) {
      expect(screen.getByTestId(`count-${o}`).textContent).toBe(String(api.assets[o]));
    }
    expect(screen.getByTestId('count-pending').textContent).toBe(String(api.pendingApprovals.total));
    const blocked = screen.getByRole('table', { name: 'Blocked items' });
    expect(within(blocked).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual([
      expect.stringContaining('voice_v002.wav'), expect.stringContaining('replica_v001.png'),
    ]);
    const stale = screen.getByRole('table', { name: 'Stale temporary assets' });
    expect(within(stale).getByText('previs_storm_v001.mp4')).toBeTruthy();
    expect(within(stale).getByText('45 days')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: /^Blocked: 2 assets/ }));
    const grid = await screen.findByRole('grid', { name: 'Asset log' });
    await screen.findByText('2 assets');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Outcome' }).value).toBe('blocked');
    await waitFor(() => expect(loadedRows(grid).map((r) => r.querySelector('.outcome-badge')?.textContent)).toEqual(['Blocked', 'Blocked']));
  });

  it('works the approvals inbox: one decision for two picked assets clears both and empties the inbox', async () => {
    const a = await logAsset('signage_v001.png', { classification: 'deliverable', facts: { onScreen: 'incidental', unownedMaterial: 'no' } });
    const b = await logAsset('poster_v002.png', { classification: 'deliverable', facts: { onScreen: 'incidental', unownedMaterial: 'no' } });
    render();
    await go(/^Approvals inbox/);
    const table = await screen.findByRole('table', { name: 'Awaiting a decision' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    // Oldest first, as the API lists them.
    const inbox = ok(await env.real.api.listApprovalInbox({}));
    expect(within(table).getAllByRole('row').slice(1).map((r) => r.textContent?.includes(inbox.items[0]!.title))).toEqual([true, false]);

    await user.click(within(table).getByRole('checkbox', { name: `Select asset ${a}` }));
    await user.click(within(table).getByRole('checkbox', { name: `Select asset ${b}` }));
    await user.click(screen.getByRole('button', { name: 'Record one decision for 2 items…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record a decision for 2 assets' });
    await within(dialog).findByText('W-FINAL');
    await user.upload(screen.getByTestId('approval-evidence-input'), diskFile('signage_ok.pdf', '%PDF-1.4 ok'));
    await within(dialog).findByText('signage_ok.pdf');
    await user.type(within(dialog).getByRole('textbox', { name: 'Approver (Netflix)' }), 'Dana Whitfield');
    await user.type(within(dialog).getByRole('textbox', { name: 'Reference' }), 'NFLX-5120');
    await user.click(within(dialog).getByRole('button', { name: 'Record approval' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await screen.findByText(/Nothing is waiting for a decision/);
    expect(ok(await env.real.api.assessAsset({ id: a })).outcome).toBe('cleared');
    expect(ok(await env.real.api.assessAsset({ id: b })).outcome).toBe('cleared');
    const [approval] = ok(await env.real.api.listApprovals({}));
    expect(approval!.assets).toEqual([a, b]);

    await user.click(screen.getByRole('tab', { name: /Decisions on file/ }));
    const onFile = screen.getByRole('list', { name: 'Decisions on file' });
    expect(within(onFile).getByText(`SHOW1 · assets #${a}, #${b}`)).toBeTruthy();
  });

  it('adds a planned use from a preset, answers its questions and assesses it', async () => {
    render();
    await go(/^Planned uses/);
    await user.click(await screen.findByRole('button', { name: 'New planned use' }));
    const form = screen.getByRole('form', { name: 'New planned use' });
    await user.type(within(form).getByRole('textbox', { name: 'Title' }), 'Castle key art for the poster');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Starting point' }), 'Key visual / character design');
    expect(form.textContent).toContain('Final character designs, key visuals');
    await user.click(within(form).getByRole('checkbox', { name: 'Firefly' }));
    await user.click(within(form).getByRole('button', { name: 'Add planned use' }));

    const view = await screen.findByRole('region', { name: 'Planned use 1' });
    const findings = () => within(view).getByRole('list', { name: 'Findings of planned use 1' });
    await waitFor(() => expect(within(findings()).getByText('W-CREATIVE-KEY')).toBeTruthy());
    expect(ok(await env.real.api.getPlannedUse({ id: 1 }))).toMatchObject({ preset: 'key-visual', classification: 'deliverable', tools: ['Firefly'] });

    // The same questionnaire: answers save at once and the findings follow.
    await user.click(within(view).getByRole('radio', { name: 'Temporary' }));
    await waitFor(() => expect(within(findings()).queryByText('W-FINAL')).toBeNull());
    await user.click(within(within(view).getByRole('radiogroup', { name: 'Recreates unowned material?' })).getByRole('radio', { name: 'No' }));
    await waitFor(() => expect(within(findings()).queryByText('P1')).toBeNull());
    const saved = ok(await env.real.api.getPlannedUse({ id: 1 }));
    expect(saved.classification).toBe('temporary');
    expect(saved.facts.unownedMaterial).toBe('no');
    expect(saved.assessment.findings.map((f) => f.rule)).toEqual(['W-CREATIVE-KEY']);

    await user.click(within(view).getByRole('button', { name: 'Assess now' }));
    await screen.findByText('Planned use #1 assessed: escalate, 1 finding.');
    const row = within(screen.getByRole('table', { name: 'Planned uses' })).getByRole('row', { name: /Castle key art/ });
    expect(row.querySelector('.outcome-badge')?.textContent).toBe('Escalate');
  });

  it('logs files against a planned use: they inherit its answers, plus what is answered in the dialog', async () => {
    const use = ok(await env.real.api.addPlannedUse({ production: 'SHOW1', title: 'Crowd extension', preset: 'crowd-replacement', tools: ['Firefly'] }));
    render();
    await screen.findByText('0 assets');
    await user.upload(screen.getByTestId('file-input'), diskFile('crowd_ext_v001.mov', 'frames'));
    const dialog = await screen.findByRole('dialog', { name: 'Log 1 file' });
    const pick = within(dialog).getByRole<HTMLSelectElement>('combobox', { name: 'Planned use' });
    await waitFor(() => expect(within(pick).getAllByRole('option')).toHaveLength(2));
    await user.selectOptions(pick, `#${use.id} Crowd extension`);
    expect(within(dialog).getByRole<HTMLInputElement>('radio', { name: /deliverable/ }).checked).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Answer now…' }));
    const questions = within(dialog).getByRole('group', { name: 'Questions for the new assets' });
    // The use's answers are shown as the starting point.
    expect(within(within(questions).getByRole('group', { name: 'What comes out' })).getByRole('checkbox', { name: 'Replaces union-covered work' })
      .getAttribute('aria-checked')).toBe('true');
    await user.click(within(within(questions).getByRole('radiogroup', { name: 'Recreates unowned material?' })).getByRole('radio', { name: 'No' }));
    await user.click(within(dialog).getByRole('button', { name: 'Log 1 file' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Logged 1 new asset' })).getByRole('button', { name: 'Done' }));

    const [asset] = ok(await env.real.api.listAssets({})).rows;
    const detail = ok(await env.real.api.getAsset({ id: asset!.id }));
    expect(detail.plannedUse).toEqual({ id: use.id, title: 'Crowd extension' });
    expect(detail.classification).toBe('deliverable');
    expect(detail.facts).toMatchObject({ outputs: ['replaces-union-work'], inputs: ['netflix-material'], unownedMaterial: 'no' });
  });
});
