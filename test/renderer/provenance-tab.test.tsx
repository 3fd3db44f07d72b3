// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { ok, renderApp, useRealApiInFolder } from './support/app';
import { iTXt, pngWith, tEXt } from '../provenance/helpers/png';
import { DST, xmpPacket } from '../provenance/helpers/jpeg';
import { sharedC2paFixture } from '../provenance/helpers/paths';
import { ingestJobEnded } from '../../main/services/ingest/ingest-jobs';

const user = userEvent.setup({ delay: null });
const repoRoot = resolve(import.meta.dirname, '../..');
const A1111 = readFileSync(join(repoRoot, 'test/fixtures/provenance/a1111-parameters.txt'), 'utf8');
const COMFY = readFileSync(join(repoRoot, 'test/fixtures/provenance/comfy-sd15-prompt.json'), 'utf8');
const TITAN = resolve(repoRoot, 'test/fixtures/c2pa/amazon-titan-g1.png');

describe('the Provenance tab of the asset detail', () => {
  const env = useRealApiInFolder('genlog-provtab-', async (api) => {
    ok(await api.addProduction({ code: 'SHOW1', title: 'The Lighthouse', contactEmail: 'amy@netflix.com' }));
    ok(await api.addTool({ name: 'Firefly', hosting: 'enterprise-cloud', enterprise: 'yes' }));
  });
  const write = (name: string, bytes: Buffer) => {
    const path = join(env.dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const log = async (path: string) => ok(await env.real.api.logAssets({ files: [{ path }], production: 'SHOW1', tool: 'Firefly' }))[0]!.id;

  async function showTab(id: number) {
    const { stores } = renderApp(env.real.api);
    await screen.findByText(/assets?$/);
    act(() => {
      stores.log.getState().selectId(id);
      stores.ui.getState().setDetailTab('provenance');
    });
    const pane = await screen.findByRole('complementary', { name: 'Asset detail' });
    await within(pane).findByRole('tab', { name: /Provenance/, selected: true });
    return pane;
  }


  it('shows a C2PA record: claim generator, signer and issuer, signing time, untrusted signer said plainly, actions', async () => {
    const pane = await showTab(await log(write('titan.png', readFileSync(TITAN))));
    const c2pa = await within(pane).findByRole('region', { name: 'C2PA content credentials' });
    const text = c2pa.textContent!;
    expect(text).toMatch(/untrusted signer.*signer is on no trust list GenLog has, so who signed cannot be confirmed/);
    expect(text).toMatch(/Claim generatorAmazon Bedrock \(Amazon_Bedrock c2pa-rs\/0\.32\.7\)/);
    expect(text).toMatch(/SignerAmazon Web Services, Inc\./);
    expect(text).toMatch(/c2pa\.created by Titan Image Generator G1 · trainedAlgorithmicMedia \(made by a trained AI model\)/);
    expect(within(pane).getByText(/The file says AI made it/)).toBeTruthy();
  });

  it('shows A1111 parameters and ComfyUI graphs', async () => {
    const pane = await showTab(await log(write('sd.png', await pngWith([tEXt('parameters', A1111)]))));
    const sd = await within(pane).findByRole('region', { name: /A1111/ });
    expect(sd.textContent).toMatch(/ModelrealisticVisionV51_v51VAE \(hash 6ce0161689\)/);
    expect(sd.textContent).toMatch(/Seed3620491582/);
    expect(sd.textContent).toMatch(/Sampler: DPM\+\+ 2M Karras/);
    cleanup();
    const comfyPane = await showTab(await log(write('comfy.png', await pngWith([tEXt('prompt', COMFY)]))));
    const comfy = await within(comfyPane).findByRole('region', { name: 'ComfyUI graph' });
    expect(comfy.textContent).toMatch(/Checkpoints\S+/);
    expect(comfy.textContent).toMatch(/Seeds\d+/);
    expect(comfy.textContent).toContain('SamplersKSampler: euler, normal, 20 steps, CFG 8, denoise 1');
  });

  it('highlights a mismatch, shows IPTC fields, and says a provenance error plainly', async () => {
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } }).jpeg()
      .withXmp(xmpPacket({ 'Iptc4xmpExt:DigitalSourceType': `${DST}digitalCapture` })).toBuffer();
    const pane = await showTab(await log(write('plate.jpg', jpeg)));
    await within(pane).findByRole('tab', { name: /Provenance\s*1/ });
    expect(within(pane).getByRole('note').textContent).toMatch(/^Mismatch:.*digitalCapture.*logged as a generative-AI asset/);
    expect(within(pane).getByRole('region', { name: 'IPTC / XMP' }).textContent).toMatch(/digitalCapture \(captured by a camera or recorder\)/);
    cleanup();
    const png = await pngWith([tEXt('parameters', A1111)]);
    const cut = await showTab(await log(write('cut.png', png.subarray(0, 70))));
    await waitFor(() => expect(within(cut).getAllByRole('note').some((n) => /^Provenance error: .*The asset is logged; its provenance is incomplete\./.test(n.textContent!))).toBe(true));
    // Not "carries no provenance" beside an error saying it could not all be read.
    expect(cut.textContent).not.toMatch(/carries no provenance/);
    expect(cut.textContent).toMatch(/Nothing else GenLog reads .* could be read from the file/);
  });

  it('says plainly when the file contradicts itself: A1111 settings (AI) beside an IPTC digitalCapture', async () => {
    const both = await pngWith([tEXt('parameters', A1111), iTXt('XML:com.adobe.xmp', xmpPacket({ 'Iptc4xmpExt:DigitalSourceType': `${DST}digitalCapture` }))]);
    const pane = await showTab(await log(write('both.png', both)));
    expect(await within(pane).findByText(/^The file says AI made it, though its source type says digitalCapture \(captured by a camera or recorder\): it contradicts itself\.$/)).toBeTruthy();
  });

  it('counts a failed C2PA validation on the tab, as it counts mismatches and errors', async () => {
    const titan = readFileSync(TITAN);
    titan[titan.length - 100] = (titan[titan.length - 100] as number) ^ 0xff;
    const pane = await showTab(await log(write('tampered.png', titan)));
    await within(pane).findByRole('tab', { name: /Provenance\s*1/ });
  });

  it('counts a C2PA check that could not be made (a damaged time stamp) on the tab, but not the missing trust list', async () => {
    const signed = readFileSync(sharedC2paFixture('trustnxt-icon-signed-timestamp.jpg'));
    const intact = await showTab(await log(write('intact.jpg', signed)));
    await within(intact).findByRole('region', { name: 'C2PA content credentials' });
    expect(within(intact).getByRole('tab', { name: /Provenance/ }).textContent).toBe('Provenance');
    cleanup();
    const damaged = Buffer.from(signed);
    const token = damaged.indexOf('tstTokens', 0, 'latin1');
    damaged[token + 1254] = (damaged[token + 1254] ?? 0) ^ 0x01; // inside the time stamp token, outside what the claim signs
    const pane = await showTab(await log(write('damaged.jpg', damaged)));
    await within(pane).findByRole('tab', { name: /Provenance\s*1/ });
    expect(within(pane).getByRole('region', { name: 'C2PA content credentials' }).textContent).toMatch(/The time stamp could not be verified/);
  });

  it('says why no provenance was read, and lists a sequence\'s frames by page', async () => {
    // An asset from before provenance was read (as an older GenLog logged it): no provenance row.
    env.real.ctx.db.prepare(`INSERT INTO assets (production_id, episode, file_name, path, sha256, size, media_type, classification, tool_id,
      created_by, created_at, prompt, notes) SELECT id, '', 'old.mov', '/renders/old.mov', ?, 1, 'video', 'temporary', NULL, 'x',
      '2026-01-01T00:00:00Z', '', '' FROM productions`).run('a'.repeat(64));
    const oldId = ok(await env.real.api.listAssets({})).rows[0]!.id;
    const pane = await showTab(oldId);
    expect((await within(pane).findByText(/No provenance was read: the asset was logged before GenLog read file provenance/))).toBeTruthy();
    cleanup();

    const frames = join(env.dir, 'shot');
    mkdirSync(frames);
    const frame = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).png().toBuffer();
    for (let f = 1001; f <= 1151; f++) if (f !== 1004) writeFileSync(join(frames, `shot_v001.${f}.png`), Buffer.concat([frame, Buffer.from(String(f))]));
    const { jobId } = ok(await env.real.api.startIngest({ paths: [frames], production: 'SHOW1', tool: 'Firefly' }));
    await ingestJobEnded(env.real.ctx, jobId);
    const seq = ok(await env.real.api.getIngestJob({ jobId, includeAssets: true })).assets![0]!;
    const seqPane = await showTab(seq.id);
    const region = await within(seqPane).findByRole('region', { name: 'Image sequence' });
    expect(region.textContent).toMatch(/Frames 1001–1151 \(150 files\)/);
    // The frame missing from the range is named, not only implied by the count.
    expect(within(region).getByRole('note').textContent).toMatch(/^This asset has no frame 1004\. /);
    expect(region.textContent).toContain(seq.sha256);
    expect(within(region).getAllByRole('row')).toHaveLength(101);
    await user.click(within(region).getByRole('button', { name: 'Next' }));
    expect(within(region).getAllByRole('row')).toHaveLength(51);
    expect(within(region).getByText('shot_v001.1151.png')).toBeTruthy();
    cleanup();

    // Frame numbers as the files write them, in the heading and in every row.
    const padded = join(env.dir, 'plate');
    mkdirSync(padded);
    for (let f = 1; f <= 3; f++) writeFileSync(join(padded, `plate.${String(f).padStart(4, '0')}.png`), Buffer.concat([frame, Buffer.from(`p${f}`)]));
    const second = ok(await env.real.api.startIngest({ paths: [padded], production: 'SHOW1', tool: 'Firefly' }));
    await ingestJobEnded(env.real.ctx, second.jobId);
    const plate = ok(await env.real.api.getIngestJob({ jobId: second.jobId, includeAssets: true })).assets![0]!;
    const platePane = await showTab(plate.id);
    const plateRegion = await within(platePane).findByRole('region', { name: 'Image sequence' });
    expect(plateRegion.textContent).toMatch(/Frames 0001–0003 \(3 files\)/);
    expect(within(plateRegion).getAllByRole('row').slice(1).map((r) => r.firstElementChild?.textContent)).toEqual(['0001', '0002', '0003']);
    expect(within(plateRegion).queryByRole('note')).toBeNull();
  });
});
