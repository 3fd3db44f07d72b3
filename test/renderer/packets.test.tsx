// @vitest-environment jsdom
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeClient } from '../../main/api/client';
import { dispatch } from '../../main/api/dispatch';
import { methodTable, type GenlogClient } from '../../main/api/table';
import type { ApiContext } from '../../main/api/context';
import { ok, testContext, writeFile } from '../support/context';
import { closedPort, startSmtpServer, type TestSmtpServer } from '../packet/smtp-server-fixture';
import { renderApp } from './support/app';

const user = userEvent.setup({ delay: null });

interface World {
  ctx: ApiContext;
  api: GenlogClient;
  calls: string[];
  ids: { poster: number; replica: number; moodboard: number };
}

/**
 * A real API on a temp file db (packets live in its data folder), seeded through the API: an asset awaiting
 * approval logged first, then a blocked digital replica, then a disclose-only moodboard.
 */
async function world(): Promise<World> {
  const ctx = testContext({ actor: 'tester' });
  const calls: string[] = [];
  const api = makeClient((m, i) => {
    calls.push(m);
    return dispatch(methodTable, ctx, m, i);
  });
  ok(await api.setSettings({ artistName: 'Ana Ortiz' }));
  ok(await api.addProduction({ code: 'HL', title: 'Harbour Lights', contactEmail: 'dana.whitfield@netflix.com', vendor: 'Northlight VFX', episodes: ['101', '102'] }));
  ok(await api.addTool({ name: 'Firefly', vendor: 'Adobe', hosting: 'enterprise-cloud', enterprise: 'yes', trainsOnInputs: 'no', retainsData: 'no' }));
  ok(await api.addTool({ name: 'FaceForge', vendor: 'Synthetic Faces', hosting: 'public-cloud', enterprise: 'no', trainsOnInputs: 'yes', retainsData: 'yes' }));
  const log = async (name: string, extra: Record<string, unknown>) =>
    ok(await api.logAssets({ files: [{ path: writeFile(ctx.dataDir, name, `content of ${name}`) }], production: 'HL', tool: 'Firefly', by: 'Priya', ...extra } as never))[0]!.id;
  const poster = await log('HL_101_poster.png', { episode: '101', classification: 'deliverable', facts: { onScreen: 'prominent', unownedMaterial: 'no' } });
  const replica = await log('HL_101_anchor_replica.mov', {
    episode: '101', classification: 'deliverable', tools: ['FaceForge'],
    facts: { onScreen: 'incidental', outputs: ['digital-replica'], talent: ['Ruth Calloway'], inputs: ['talent-likeness'], unownedMaterial: 'no' },
  });
  const moodboard = await log('HL_102_moodboard.png', { episode: '102', facts: { onScreen: 'none', unownedMaterial: 'no' } });
  return { ctx, api, calls, ids: { poster, replica, moodboard } };
}

const nav = (name: string) => user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name }));
const pane = () => screen.getByRole('complementary', { name: 'Packet detail' });
const toasts = () => screen.getByLabelText('Notifications');

async function openPacket(id: number, table = 'Packets') {
  await user.click(await within(await screen.findByRole('table', { name: table })).findByRole('button', { name: `Open packet ${id}` }));
  await within(pane()).findByText(`#${id}`, { selector: '.detail-id' });
}

describe('disclosure packets in the UI', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    w.ctx.db.close();
  });

  it('builds a draft with its counts, previews the blocked item first, downloads the PDF, approves it into the outbox', async () => {
    const assessed = ok(await w.api.listAssets({ production: 'HL' })).rows;
    expect(Object.fromEntries(assessed.map((a) => [a.id, a.outcome]))).toEqual({ [w.ids.poster]: 'escalate', [w.ids.replica]: 'blocked', [w.ids.moodboard]: 'disclose' });
    renderApp(w.api);
    await nav('Packets');
    await screen.findByText(/No packets yet/);

    await user.click(screen.getByRole('button', { name: 'Build packet…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Build a disclosure packet' });
    await waitFor(() => expect(within(dialog).getByRole<HTMLSelectElement>('combobox', { name: 'Production' }).value).toBe('HL'));
    expect(within(dialog).getAllByRole('option').map((o) => o.textContent)).toEqual(['HL · Harbour Lights', 'All episodes', '101', '102']);
    await user.click(within(dialog).getByRole('button', { name: 'Build draft' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const [built] = ok(await w.api.listPackets({}));
    expect(built).toMatchObject({ state: 'draft', assets: 3, counts: { blocked: 1, escalate: 1, disclose: 1, cleared: 0 }, createdBy: 'Ana Ortiz' });
    const row = within(screen.getByRole('table', { name: 'Packets' })).getByRole('button', { name: `Open packet ${built!.id}` }).closest('tr')!;
    expect(row.textContent).toContain('Draft');
    expect(row.textContent).toContain('1 blocked');
    expect(row.textContent).toContain('1 awaiting approval');
    expect(row.textContent).toContain('1 disclose');
    await within(toasts()).findByText(/Draft packet \d+ built with 3 assets/);

    // The preview reads the packet's own manifest: blocked first although the poster was logged first.
    const summary = await within(pane()).findByRole('article', { name: `Summary of packet ${built!.id}` });
    expect(within(summary).getByText(/DRAFT, not approved/)).toBeTruthy();
    expect(within(summary).getByText('Harbour Lights')).toBeTruthy();
    expect(within(summary).getByText('Dana Whitfield <dana.whitfield@netflix.com>', { exact: false })).toBeTruthy();
    const tiles = within(summary).getByRole('list', { name: 'Assets by outcome' });
    expect(within(tiles).getAllByRole('listitem').map((t) => t.textContent)).toEqual(['1Blocked', '1Awaiting approval', '0Cleared', '1Disclose']);
    const attention = within(summary).getByRole('list', { name: 'Blocked and awaiting-approval assets' });
    const items = within(attention).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringMatching(/^Blocked.*HL_101_anchor_replica\.mov/),
      expect.stringMatching(/^Awaiting approval.*HL_101_poster\.png/),
    ]);
    expect(within(summary).getByText('Firefly')).toBeTruthy();
    expect(within(summary).getByText('FaceForge')).toBeTruthy();
    const fingerprint = ok(await w.api.getPacketSettings({})).facilityKey.fingerprint!;
    expect(within(summary).getByLabelText('Signing key fingerprint').textContent).toBe(fingerprint);

    // Download PDF: the API's summary.pdf, handed to the browser as a blob download.
    const blobs: Blob[] = [];
    const clicked: { href: string; download: string }[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => { blobs.push(b); return 'blob:packet-pdf'; });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function click(this: HTMLAnchorElement) {
      clicked.push({ href: this.getAttribute('href') ?? '', download: this.download });
    });
    await user.click(within(pane()).getByRole('button', { name: 'Download PDF' }));
    await waitFor(() => expect(clicked).toEqual([{ href: 'blob:packet-pdf', download: `HL-packet-${built!.id}-summary.pdf` }]));
    expect(blobs[0]!.type).toBe('application/pdf');
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(bytes.length).toBe(Buffer.from(ok(await w.api.getPacketPdf({ id: built!.id })).base64, 'base64').length);

    // Approve: frozen, re-signed with the approver and queued.
    await user.click(within(pane()).getByRole('button', { name: 'Approve…' }));
    const approve = await screen.findByRole('dialog', { name: `Approve packet ${built!.id}` });
    expect(approve.textContent).toContain('Dana Whitfield <dana.whitfield@netflix.com>');
    expect(approve.textContent).toContain('1 blocked and 1 awaiting approval');
    expect(approve.textContent).toContain('Approved by Ana Ortiz');
    await user.click(within(approve).getByRole('button', { name: 'Approve and queue' }));
    await within(toasts()).findByText(`Packet ${built!.id} approved by Ana Ortiz: frozen and queued in the outbox.`);
    await waitFor(() => expect(within(pane()).getByTitle(/waiting in the outbox/).textContent).toBe('Queued'));
    expect(within(pane()).queryByRole('button', { name: 'Rebuild' })).toBeNull();
    expect(within(pane()).queryByRole('button', { name: 'Approve…' })).toBeNull();
    expect(within(pane()).getByText(/approved by Ana Ortiz on/)).toBeTruthy();
    expect(ok(await w.api.getPacket({ id: built!.id }))).toMatchObject({ state: 'queued', approvedBy: 'Ana Ortiz' });

    // History: every transition, newest first.
    await user.click(within(pane()).getByRole('tab', { name: /History/ }));
    const history = within(pane()).getByRole('list', { name: `History of packet ${built!.id}` });
    expect(within(history).getAllByRole('listitem').map((e) => e.querySelector('.history-action')?.textContent)).toEqual(['Queued', 'Approved', 'Built']);

    await nav('Outbox');
    const outbox = await screen.findByRole('table', { name: 'Outbox' });
    const queuedRow = (await within(outbox).findByRole('button', { name: `Open packet ${built!.id}` })).closest('tr')!;
    expect(queuedRow.textContent).toContain('Queued');
    expect(within(screen.getByRole('group', { name: 'Show packets' })).getByRole('button', { name: /Queued/ }).textContent).toBe('Queued 1');
    expect(screen.getByText(/No mail server is set/)).toBeTruthy();
  });

  it('shows the API\'s refusal when a draft approved elsewhere is rebuilt, then shows it frozen', async () => {
    const draft = ok(await w.api.buildPacket({ production: 'HL', episode: '101', by: 'Tom' }));
    renderApp(w.api);
    await nav('Packets');
    await openPacket(draft.id);
    expect(within(pane()).getByText(/HL · Episode 101/)).toBeTruthy();
    // Another window (or the CLI) approves it while this one still shows the draft.
    ok(await w.api.approvePacket({ id: draft.id, by: 'Tom Avery' }));
    await user.click(within(pane()).getByRole('button', { name: 'Rebuild' }));
    const refusal = await within(toasts()).findByText(/^Could not rebuild packet \d+:/);
    expect(refusal.textContent).toMatch(new RegExp(`Packet ${draft.id} was approved on \\d{4}-\\d{2}-\\d{2} and is frozen\\. Build a new packet; it will supersede this one\\.`));
    await waitFor(() => expect(within(pane()).getByTitle(/waiting in the outbox/).textContent).toBe('Queued'));
    expect(within(pane()).queryByRole('button', { name: /Rebuild/ })).toBeNull();
    expect(ok(await w.api.getPacket({ id: draft.id })).history.map((e) => e.action)).toEqual(['built', 'approved', 'queued']);

    // Later changes go into a new version that supersedes it, built for the same scope.
    await user.click(within(pane()).getByRole('button', { name: 'New version…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Build a disclosure packet' });
    expect(within(dialog).getByRole<HTMLSelectElement>('combobox', { name: 'Episode / reel' }).value).toBe('101');
    await user.click(within(dialog).getByRole('button', { name: 'Build draft' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const next = ok(await w.api.listPackets({}))[0]!;
    expect(next).toMatchObject({ state: 'draft', supersedes: draft.id, episode: '101' });
    await within(pane()).findByText(new RegExp(`supersedes #${draft.id}`));
  });

  it('exports the .eml next to the packet, records who did, then a person confirms it was sent', async () => {
    const p = ok(await w.api.approvePacket({ id: ok(await w.api.buildPacket({ production: 'HL' })).id, by: 'Tom' }));
    renderApp(w.api);
    await nav('Outbox');
    await openPacket(p.id, 'Outbox');
    expect(within(pane()).queryByRole('button', { name: 'Confirm sent…' })).toBeNull();

    await user.click(within(pane()).getByRole('button', { name: 'Export .eml…' }));
    let dialog = await screen.findByRole('dialog', { name: `Export packet ${p.id} as .eml` });
    const path = within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Save as' });
    expect(path.value).toBe(join(w.ctx.dataDir, 'packets', `HL-packet-${p.id}.eml`));
    // No sender yet: the API says what to set, above the form (the path is fine).
    await user.click(within(dialog).getByRole('button', { name: 'Write .eml' }));
    await within(dialog).findByText(/Set the facility manager's email address first/);
    expect(path.getAttribute('aria-invalid')).toBeNull();
    ok(await w.api.setPacketSettings({ facilityManagerEmail: 'tom.avery@northlight.example' }));
    await user.clear(path);
    await user.type(path, join(w.ctx.dataDir, 'no-such-folder', 'x.eml'));
    await user.click(within(dialog).getByRole('button', { name: 'Write .eml' }));
    await within(dialog).findByText(/the folder .*no-such-folder does not exist/);
    expect(path.getAttribute('aria-invalid')).toBe('true');

    const target = join(w.ctx.dataDir, 'to-netflix.eml');
    await user.clear(path);
    await user.type(path, target);
    await user.click(within(dialog).getByRole('button', { name: 'Write .eml' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await within(toasts()).findByText(`Packet ${p.id} written to ${target}. Send it from your mail program, then confirm it was sent.`);
    const eml = readFileSync(target, 'utf8');
    expect(eml).toMatch(/^To: .*dana\.whitfield@netflix\.com/m);
    expect(eml).toContain(`${p.uuid}.zip`);
    expect(ok(await w.api.getPacket({ id: p.id }))).toMatchObject({ state: 'queued', emlExportedBy: 'Ana Ortiz' });
    await user.click(within(pane()).getByRole('tab', { name: /History/ }));
    const exported = within(within(pane()).getByRole('list', { name: `History of packet ${p.id}` })).getAllByRole('listitem')[0]!;
    expect(exported.textContent).toContain('Exported as .eml');
    expect(exported.textContent).toContain('Ana Ortiz');
    expect(exported.textContent).toContain(target);

    await user.click(within(pane()).getByRole('button', { name: 'Confirm sent…' }));
    dialog = await screen.findByRole('dialog', { name: `Confirm packet ${p.id} was sent` });
    expect(dialog.textContent).toContain('exported as .eml by Ana Ortiz');
    await user.type(within(dialog).getByRole('textbox', { name: /How you know/ }), 'In the Sent folder of Outlook');
    await user.click(within(dialog).getByRole('button', { name: 'Record as sent' }));
    await within(toasts()).findByText(`Packet ${p.id} recorded as sent.`);
    const sent = ok(await w.api.getPacket({ id: p.id }));
    expect(sent).toMatchObject({ state: 'sent' });
    expect(sent.smtpResponse).toMatch(/confirmed sent by Ana Ortiz from the \.eml exported by Ana Ortiz: In the Sent folder of Outlook/);
    await waitFor(() => expect(within(pane()).getByTitle(/only if a person asks/).textContent).toBe('Sent'));
    const row = within(screen.getByRole('table', { name: 'Outbox' })).getByRole('button', { name: `Open packet ${p.id}` }).closest('tr')!;
    await waitFor(() => expect(row.textContent).toContain('Sent'));
  });
});

describe('the outbox in the UI', () => {
  let w: World;
  let server: TestSmtpServer | undefined;
  beforeEach(async () => {
    w = await world();
    ok(await w.api.setPacketSettings({ facilityManagerEmail: 'tom.avery@northlight.example' }));
  });
  afterEach(async () => {
    cleanup();
    await server?.close();
    server = undefined;
    w.ctx.db.close();
  });

  async function queuedPacket() {
    return ok(await w.api.approvePacket({ id: ok(await w.api.buildPacket({ production: 'HL' })).id, by: 'Tom Avery' }));
  }

  it('sends the queued packet through the server in settings; a 5xx refusal fails it and a person re-queues it', async () => {
    let refuse = true;
    server = await startSmtpServer({
      onMailFrom(_address, _session, callback) {
        if (refuse) callback(Object.assign(new Error('5.7.1 Sender not allowed to relay'), { responseCode: 550 }));
        else callback();
      },
    });
    ok(await w.api.setPacketSettings({ smtpHost: '127.0.0.1', smtpPort: server.port, smtpTls: 'off' }));
    const p = await queuedPacket();
    renderApp(w.api);
    await nav('Outbox');
    await screen.findByText(/Mail server/);
    expect(screen.getByText(`127.0.0.1:${server.port}`)).toBeTruthy();

    await user.click(await screen.findByRole('button', { name: 'Send now (1)' }));
    await within(toasts()).findByText(/Sent 0 of 1 packet; 1 failed and waits for you \(.*550.*\)/);
    await openPacket(p.id, 'Outbox');
    expect(within(pane()).getByRole('alert').textContent).toMatch(/Failed:.*550/);
    expect(screen.getByText(/^\d+ needs? you$/).textContent).toBe('1 needs you');
    expect(server.received).toHaveLength(0);

    refuse = false;
    await user.click(within(pane()).getByRole('button', { name: 'Re-queue…' }));
    const dialog = await screen.findByRole('dialog', { name: `Re-queue: packet ${p.id}` });
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Contact address fixed by the mail admin');
    await user.click(within(dialog).getByRole('button', { name: 'Re-queue' }));
    await within(toasts()).findByText(`Packet ${p.id} is queued to be sent again.`);
    await user.click(await screen.findByRole('button', { name: 'Send now (1)' }));
    await within(toasts()).findByText('Sent 1 of 1 packet.');
    expect(server.received).toHaveLength(1);
    expect(server.received[0]!.to).toEqual(['dana.whitfield@netflix.com', 'tom.avery@northlight.example']);
    await waitFor(() => expect(within(pane()).getByTitle(/only if a person asks/).textContent).toBe('Sent'));
    expect(within(pane()).getByText(/Queued as TEST123/)).toBeTruthy();
    expect(ok(await w.api.getPacket({ id: p.id })).history.map((e) => [e.action, e.by])).toEqual([
      ['built', 'tester'], ['approved', 'Tom Avery'], ['queued', 'Tom Avery'], ['sending', 'Ana Ortiz'], ['failed', 'Ana Ortiz'],
      ['requeued', 'Ana Ortiz'], ['sending', 'Ana Ortiz'], ['sent', 'Ana Ortiz'],
    ]);
  });

  it('a server that is down leaves the packet queued with its error and next try', async () => {
    ok(await w.api.setPacketSettings({ smtpHost: '127.0.0.1', smtpPort: await closedPort(), smtpTls: 'off' }));
    const p = await queuedPacket();
    renderApp(w.api);
    await nav('Outbox');
    await user.click(await screen.findByRole('button', { name: 'Send now (1)' }));
    await within(toasts()).findByText(/Sent 0 of 1 packet; 1 stays queued and will be retried/);
    const row = (await within(screen.getByRole('table', { name: 'Outbox' })).findByRole('button', { name: `Open packet ${p.id}` })).closest('tr')!;
    await waitFor(() => expect(row.textContent).toMatch(/Queued.*1.*next try \d{4}-\d{2}-\d{2} \d{2}:\d{2}.*ECONNREFUSED/));
    expect(ok(await w.api.getPacket({ id: p.id }))).toMatchObject({ state: 'queued', attempts: 1 });
  });

  it('a packet left mid-send shows as unknown, never sent by itself; a person confirms it or sends it again', async () => {
    server = await startSmtpServer();
    ok(await w.api.setPacketSettings({ smtpHost: '127.0.0.1', smtpPort: server.port, smtpTls: 'off' }));
    const a = await queuedPacket();
    const b = ok(await w.api.approvePacket({ id: ok(await w.api.buildPacket({ production: 'HL', episode: '102' })).id, by: 'Tom Avery' }));
    // The app stopped while both were being handed to the server.
    w.ctx.db.prepare("UPDATE packets SET state = 'sending' WHERE id IN (?, ?)").run(a.id, b.id);
    renderApp(w.api);
    await nav('Outbox');
    const table = await screen.findByRole('table', { name: 'Outbox' });
    await waitFor(() => expect(within(table).getAllByText('Unknown')).toHaveLength(2));
    expect(screen.getByText(/^\d+ needs? you$/).textContent).toBe('2 need you');
    expect(screen.getByRole('button', { name: 'Send now' }).hasAttribute('disabled')).toBe(true);

    await openPacket(a.id, 'Outbox');
    expect(within(pane()).getByRole('alert').textContent).toMatch(/may or may not have received it/);
    await user.click(within(pane()).getByRole('button', { name: 'Confirm sent…' }));
    let dialog = await screen.findByRole('dialog', { name: `Confirm packet ${a.id} was sent` });
    expect(dialog.textContent).toContain('GenLog stopped while sending it');
    await user.click(within(dialog).getByRole('button', { name: 'Record as sent' }));
    await within(toasts()).findByText(`Packet ${a.id} recorded as sent.`);

    await openPacket(b.id, 'Outbox');
    await user.click(within(pane()).getByRole('button', { name: 'Send again…' }));
    dialog = await screen.findByRole('dialog', { name: `Send again: packet ${b.id}` });
    await user.click(within(dialog).getByRole('button', { name: 'Send again' }));
    await within(toasts()).findByText(`Packet ${b.id} is queued to be sent again.`);
    await user.click(await screen.findByRole('button', { name: 'Send now (1)' }));
    await within(toasts()).findByText('Sent 1 of 1 packet.');
    expect(server.received).toHaveLength(1);
    expect(ok(await w.api.listOutbox({})).map((p) => [p.id, p.state]).sort()).toEqual([[a.id, 'sent'], [b.id, 'sent']].sort());
    expect(w.calls.filter((c) => c === 'sendOutbox')).toHaveLength(1);
  });
});

describe('a packet whose file changed on disk', () => {
  it('has no preview and cannot be approved; the pane says why', async () => {
    const w = await world();
    const draft = ok(await w.api.buildPacket({ production: 'HL' }));
    writeFile(join(draft.path, '..'), `${draft.uuid}.zip`, 'not the packet any more');
    expect(existsSync(draft.path)).toBe(true);
    renderApp(w.api);
    await nav('Packets');
    await openPacket(draft.id);
    expect(within(pane()).getAllByRole('alert').map((a) => a.textContent)).toEqual([
      'Changed on disk since it was recorded: it must not be sent.',
      expect.stringMatching(/No preview: changed on disk.*Rebuild the draft/),
    ]);
    expect(within(pane()).getByRole('button', { name: 'Approve…' }).hasAttribute('disabled')).toBe(true);
    expect(within(pane()).getByRole('button', { name: 'Download PDF' }).hasAttribute('disabled')).toBe(true);
    await user.click(within(pane()).getByRole('button', { name: 'Rebuild' }));
    await within(pane()).findByRole('article', { name: `Summary of packet ${draft.id}` });
    expect(within(pane()).getByRole('button', { name: 'Approve…' }).hasAttribute('disabled')).toBe(false);
    cleanup();
    w.ctx.db.close();
  });
});
