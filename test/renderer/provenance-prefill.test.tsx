// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync, truncateSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { ok, renderApp, useRealApiInFolder } from './support/app';
import { pngWith, tEXt } from '../provenance/helpers/png';
import { DST, xmpPacket } from '../provenance/helpers/jpeg';
import { diskFiles } from './support/disk-files';

const user = userEvent.setup({ delay: null });
const repoRoot = resolve(import.meta.dirname, '../..');
const A1111 = readFileSync(join(repoRoot, 'test/fixtures/provenance/a1111-parameters.txt'), 'utf8');
const A1111_PROMPT = A1111.split('\nNegative prompt:')[0]!;
const TITAN = resolve(repoRoot, 'test/fixtures/c2pa/amazon-titan-g1.png');

/** The desktop app's log dialog: files are read in place as soon as they are dropped, and the form fills itself. */
describe('the log dialog prefills from what the files say (desktop, path mode)', () => {
  const env = useRealApiInFolder('genlog-prefill-', async (api) => {
    ok(await api.addProduction({ code: 'SHOW1', title: 'The Lighthouse', contactEmail: 'amy@netflix.com' }));
    ok(await api.addTool({ name: 'Firefly', hosting: 'enterprise-cloud', enterprise: 'yes' }));
    ok(await api.addTool({ name: 'AUTOMATIC1111', hosting: 'local' }));
    ok(await api.setSettings({ artistName: 'Ana Ortiz' }));
  });
  const disk = diskFiles(() => env.dir);
  const { paths } = disk;
  const diskFile = disk.file;
  const open = async (files: File[]) => {
    renderApp(env.real.api, disk.stager());
    await screen.findByText('0 assets');
    await user.upload(screen.getByTestId('file-input'), files);
    return screen.findByRole('dialog', { name: `Log ${files.length} file${files.length === 1 ? '' : 's'}` });
  };
  const field = <T extends HTMLElement>(d: HTMLElement, role: string, name: string) => within(d).getByRole<T>(role, { name });


  it('an A1111 PNG fills prompt and tool without typing, shows model and seed, and is logged through a hashing job', async () => {
    const dialog = await open([diskFile('city_v001.png', await pngWith([tEXt('parameters', A1111)]))]);
    await waitFor(() => expect(field<HTMLTextAreaElement>(dialog, 'textbox', 'Prompt').value).toBe(A1111_PROMPT), { timeout: 5000 });
    expect(field<HTMLSelectElement>(dialog, 'combobox', 'AI tool').value).toBe('AUTOMATIC1111');
    const item = within(dialog).getByRole('listitem', { name: 'city_v001.png' });
    expect(item.textContent).toMatch(/Stable Diffusion WebUI.*model realisticVisionV51_v51VAE · seed 3620491582/);
    expect(item.textContent).toMatch(/matches “AUTOMATIC1111” in the tool list/);
    expect(within(dialog).getAllByText('from the file')).toHaveLength(2);
    expect(field<HTMLTextAreaElement>(dialog, 'textbox', 'Notes').placeholder).toMatch(/Model: realisticVisionV51_v51VAE/);

    await user.click(within(dialog).getByRole('button', { name: 'Log 1 file' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Logged 1 new asset' })).getByRole('button', { name: 'Done' }));
    const [asset] = ok(await env.real.api.listAssets({})).rows;
    expect([asset!.prompt, asset!.tool, asset!.notes]).toEqual([A1111_PROMPT, 'AUTOMATIC1111', 'Model: realisticVisionV51_v51VAE']);
    expect(env.real.calls).toContain('readFileProvenance');
    expect(env.real.calls).toContain('startIngest');
    expect(env.real.calls).toContain('getIngestJob');
    expect(env.real.calls).not.toContain('logAssets');
    expect(ok(await env.real.api.getAsset({ id: asset!.id })).provenance?.record.a1111?.seed).toBe(3620491582);
  });

  it('the artist overrides a prefilled value, and it is what gets logged', async () => {
    const dialog = await open([diskFile('city_v002.png', await pngWith([tEXt('parameters', A1111)]))]);
    const prompt = field<HTMLTextAreaElement>(dialog, 'textbox', 'Prompt');
    await waitFor(() => expect(prompt.value).toBe(A1111_PROMPT), { timeout: 5000 });
    await user.clear(prompt);
    await user.type(prompt, 'neon street, my words');
    await user.selectOptions(field(dialog, 'combobox', 'AI tool'), 'Firefly');
    await user.click(within(dialog).getByRole('button', { name: 'Log 1 file' }));
    await screen.findByRole('dialog', { name: 'Logged 1 new asset' });
    const [asset] = ok(await env.real.api.listAssets({})).rows;
    expect([asset!.prompt, asset!.tool]).toEqual(['neon street, my words', 'Firefly']);
  });

  it('a C2PA file naming an unlisted tool says so plainly (untrusted signer) and offers to pick one', async () => {
    const dialog = await open([diskFile('titan.png', readFileSync(TITAN))]);
    // Checking a C2PA signature takes a moment on a busy machine.
    const notice = await within(dialog).findByRole('note', { name: 'Tool named by the files' }, { timeout: 8000 });
    expect(notice.textContent).toMatch(/titan\.png names Titan Image Generator G1 \/ Amazon Bedrock, which is not in the tool list/);
    const item = within(dialog).getByRole('listitem', { name: 'titan.png' });
    expect(item.textContent).toMatch(/C2PA.*Amazon Bedrock · signed by Amazon Web Services, Inc\. · untrusted signer/);
    expect(item.textContent).toMatch(/c2pa\.created by Titan Image Generator G1 as trainedAlgorithmicMedia \(generated by AI\)/);
    await user.click(within(notice).getByRole('button', { name: 'Pick a tool' }));
    expect(document.activeElement).toBe(field(dialog, 'combobox', 'AI tool'));
    // Adding the tool it names keeps the batch: the dialog stays, the new tool is picked, the notice goes.
    await user.click(within(notice).getByRole('button', { name: 'Add “Titan Image Generator G1” to the tool list' }));
    await waitFor(() => expect(field<HTMLSelectElement>(dialog, 'combobox', 'AI tool').value).toBe('Titan Image Generator G1'));
    expect(within(dialog).queryByRole('note', { name: 'Tool named by the files' })).toBeNull();
    await user.selectOptions(field(dialog, 'combobox', 'Production'), 'SHOW1');
    await user.click(within(dialog).getByRole('button', { name: 'Log 1 file' }));
    await screen.findByRole('dialog', { name: 'Logged 1 new asset' });
    expect(ok(await env.real.api.listAssets({})).rows.map((r) => r.tool)).toEqual(['Titan Image Generator G1']);
  });

  it('files with different prompts keep their own; a capture claim is shown as a mismatch; a truncated file still logs', async () => {
    const capture = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } }).jpeg()
      .withXmp(xmpPacket({ 'Iptc4xmpExt:DigitalSourceType': `${DST}digitalCapture` })).toBuffer();
    const second = (await pngWith([tEXt('parameters', 'a lighthouse in fog\nSteps: 20, Seed: 7, Model: sdxl')]));
    const dialog = await open([
      diskFile('a.png', await pngWith([tEXt('parameters', A1111)])),
      diskFile('b.png', second),
      diskFile('plate.jpg', capture),
      diskFile('cut.png', second.subarray(0, 70)),
    ]);
    const prompt = field<HTMLTextAreaElement>(dialog, 'textbox', 'Prompt');
    await waitFor(() => expect(prompt.placeholder).toMatch(/each file keeps its own prompt \(2 of 4 carry one\)/), { timeout: 5000 });
    expect(prompt.value).toBe('');
    await waitFor(() => expect(within(dialog).getByRole('listitem', { name: 'plate.jpg' }).textContent).toMatch(/Mismatch: .*digitalCapture.*logged as a generative-AI asset/));
    expect(within(dialog).getByRole('listitem', { name: 'cut.png' }).textContent).toMatch(/Provenance error: .*still be logged/);
    expect(within(dialog).getByRole('listitem', { name: 'b.png' }).textContent).toMatch(/Prompt.*a lighthouse in fog/);
    // Two files name AUTOMATIC1111, two name nothing: the tool is the artist's call, not a silent default.
    const tool = field<HTMLSelectElement>(dialog, 'combobox', 'AI tool');
    expect(tool.value).toBe('');
    await user.selectOptions(tool, 'AUTOMATIC1111');
    await user.click(within(dialog).getByRole('button', { name: 'Log 4 files' }));
    await screen.findByRole('dialog', { name: 'Logged 4 new assets' });
    const rows = ok(await env.real.api.listAssets({ sort: 'fileName', direction: 'asc' })).rows;
    expect(rows.map((r) => [r.fileName, r.prompt])).toEqual([
      ['a.png', A1111_PROMPT], ['b.png', 'a lighthouse in fog'], ['cut.png', ''], ['plate.jpg', ''],
    ]);
  });

  it('files naming different tools are not logged under a tool left over from an earlier batch', async () => {
    ok(await env.real.api.addTool({ name: 'ComfyUI', hosting: 'local' }));
    const comfy = await pngWith([
      tEXt('prompt', readFileSync(join(repoRoot, 'test/fixtures/provenance/comfy-sd15-prompt.json'), 'utf8')),
      tEXt('workflow', readFileSync(join(repoRoot, 'test/fixtures/provenance/comfy-sd15-workflow.json'), 'utf8')),
    ]);
    // An earlier batch logged with Firefly: the dialog remembers it for the next one.
    const first = await open([diskFile('plain.bin', Buffer.from('no metadata here'))]);
    await user.selectOptions(field(first, 'combobox', 'Production'), 'SHOW1');
    await user.selectOptions(field(first, 'combobox', 'AI tool'), 'Firefly');
    await user.click(within(first).getByRole('button', { name: 'Log 1 file' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Logged 1 new asset' })).getByRole('button', { name: 'Done' }));

    await user.upload(screen.getByTestId('file-input'), [diskFile('a1111.png', await pngWith([tEXt('parameters', A1111)])), diskFile('comfy.png', comfy)]);
    const dialog = await screen.findByRole('dialog', { name: 'Log 2 files' });
    const tool = field<HTMLSelectElement>(dialog, 'combobox', 'AI tool');
    expect(tool.value).toBe('Firefly');
    // Clicked at once, while the files may still be being read: the check waits for what they say.
    await user.click(within(dialog).getByRole('button', { name: 'Log 2 files' }));
    const notice = await within(dialog).findByRole('note', { name: 'Tool named by the files' }, { timeout: 5000 });
    await waitFor(() => expect(notice.textContent).toMatch(/These files name different tools \(AUTOMATIC1111, ComfyUI\)/));
    await waitFor(() => expect(document.activeElement).toBe(tool));
    expect(tool.getAttribute('aria-invalid')).toBe('true');
    expect(ok(await env.real.api.listAssets({})).rows).toHaveLength(1);
    await user.selectOptions(tool, 'ComfyUI');
    await user.click(within(dialog).getByRole('button', { name: 'Log 2 files' }));
    await screen.findByRole('dialog', { name: 'Logged 2 new assets' });
    const logged = ok(await env.real.api.listAssets({ sort: 'fileName', direction: 'asc' })).rows;
    expect(logged.map((r) => [r.fileName, r.tool])).toEqual([['a1111.png', 'ComfyUI'], ['comfy.png', 'ComfyUI'], ['plain.bin', 'Firefly']]);
  });

  it('an episode typed before the production is chosen stays when that production lists it', async () => {
    ok(await env.real.api.addProduction({ code: 'SHOW2', title: 'Harbour', contactEmail: 'amy@netflix.com', episodes: ['101', '102'] }));
    const dialog = await open([diskFile('plain.bin', Buffer.from('no metadata here'))]);
    await user.type(field(dialog, 'textbox', 'Episode / reel'), '101');
    await user.selectOptions(field(dialog, 'combobox', 'Production'), 'SHOW2');
    expect(field<HTMLSelectElement>(dialog, 'combobox', 'Episode / reel').value).toBe('101');
    await user.selectOptions(field(dialog, 'combobox', 'Episode / reel'), '102');
    await user.selectOptions(field(dialog, 'combobox', 'Production'), 'SHOW1');
    expect(field<HTMLInputElement>(dialog, 'textbox', 'Episode / reel').value).toBe('102');
  });

  it('a camera file\'s converter software is not offered as an AI tool to add', async () => {
    const plate = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#223344' } }).jpeg()
      .withXmp(xmpPacket({ 'Iptc4xmpExt:DigitalSourceType': `${DST}digitalCapture` }))
      .withExif({ IFD0: { Software: 'ARRIRAW Converter' } }).toBuffer();
    const dialog = await open([diskFile('plate_capture.jpg', plate)]);
    await waitFor(() => expect(within(dialog).getByRole('listitem', { name: 'plate_capture.jpg' }).textContent).toMatch(/Mismatch: .*digitalCapture/));
    expect(within(dialog).queryByRole('note', { name: 'Tool named by the files' })).toBeNull();
  });

  it('shows hashing progress with files and bytes, and Cancel stops the job with nothing logged', async () => {
    const big: File[] = [];
    for (let i = 0; i < 6; i++) {
      const file = diskFile(`plate_big_${i}.mov`, 'x');
      truncateSync(paths.get(file)!, 400 * 1024 * 1024); // sparse: costs no disk, but hashing reads every byte
      big.push(file);
    }
    const dialog = await open(big);
    await user.selectOptions(field(dialog, 'combobox', 'AI tool'), 'Firefly');
    await user.click(within(dialog).getByRole('button', { name: 'Log 6 files' }));
    const status = await within(dialog).findByText(/^Hashing \d+ of 6 files · .* of 2\.3 GiB/, {}, { timeout: 5000 });
    expect(status).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await within(dialog).findByRole('button', { name: 'Log 6 files' }, { timeout: 10_000 });
    expect((await screen.findAllByText(/Ingest cancelled\. Nothing was logged\./)).length).toBeGreaterThan(0);
    expect(env.real.calls).toContain('cancelIngest');
    expect(ok(await env.real.api.listAssets({})).total).toBe(0);
  });

});
