import { closeSync, copyFileSync, ftruncateSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { ok, seedCatalog, testClient, testContext, tempDir } from '../support/context';
import { DST, xmpPacket } from '../provenance/helpers/jpeg';
import { provenanceFixtureText, sharedC2paFixture } from '../provenance/helpers/paths';
import { pngChunk, pngWith, tEXt } from '../provenance/helpers/png';
import { writeSidecarPair } from '../provenance/helpers/c2pa';

export const A1111_PARAMETERS = provenanceFixtureText('a1111-parameters.txt');
export const A1111_PROMPT = 'masterpiece, best quality, (cyberpunk city street:1.2), neon lights, rain,\nwide shot, <lora:add_detail:0.6>';
export const COMFY_PROMPT = 'beautiful scenery nature glass bottle landscape, purple galaxy bottle';
export const IPTC_PROMPT = 'storm clouds over a harbour & a red lighthouse';

/** A context with SHOW1 and the tools the fixtures name (Firefly comes from seedCatalog). */
export async function ingestWorld() {
  const ctx = testContext();
  const api = testClient(ctx);
  await seedCatalog(api);
  for (const name of ['Automatic1111', 'ComfyUI', 'Amazon Titan Image Generator', 'LocalSD']) {
    ok(await api.addTool({ name, hosting: 'local', trainsOnInputs: 'no', retainsData: 'no' }));
  }
  return { ctx, api, dir: tempDir('genlog-ingest-') };
}

export function write(dir: string, name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, bytes);
  return path;
}

/** A PNG with Stable Diffusion WebUI settings; `seed` makes the pixels (and so the hash) differ. */
export function a1111Png(seed = 1): Promise<Buffer> {
  return pngWith([tEXt('parameters', A1111_PARAMETERS)], { width: 8 + seed });
}

export function comfyPng(): Promise<Buffer> {
  return pngWith([tEXt('prompt', provenanceFixtureText('comfy-sd15-prompt.json')), tEXt('workflow', provenanceFixtureText('comfy-sd15-workflow.json'))]);
}

export function titanPath(): string {
  return sharedC2paFixture('amazon-titan-g1.png');
}

export function copyTitan(dir: string, name = 'titan.png'): string {
  const path = join(dir, name);
  copyFileSync(titanPath(), path);
  return path;
}

/** A JPEG tagged by IPTC as AI-made by Adobe Firefly, with its prompt and the time it was made. */
export function iptcJpeg(): Promise<Buffer> {
  const xmp = xmpPacket({
    'Iptc4xmpExt:DigitalSourceType': `${DST}trainedAlgorithmicMedia`,
    'Iptc4xmpExt:AISystemUsed': 'Adobe Firefly',
    'Iptc4xmpExt:AIPromptInformation': IPTC_PROMPT,
  });
  return sharp({ create: { width: 8, height: 8, channels: 3, background: '#aa2200' } }).jpeg().withXmp(xmp)
    .withExif({ IFD2: { DateTimeOriginal: '2025:03:14 15:09:26', OffsetTimeOriginal: '+01:00' } }).toBuffer();
}

/** A camera plate: IPTC says digitalCapture. */
export function captureJpeg(): Promise<Buffer> {
  const xmp = xmpPacket({ 'Iptc4xmpExt:DigitalSourceType': `${DST}digitalCapture` });
  return sharp({ create: { width: 8, height: 8, channels: 3, background: '#2200aa' } }).jpeg().withXmp(xmp)
    .withExif({ IFD0: { Make: 'ARRI', Model: 'ALEXA 35' } }).toBuffer();
}

/** A PNG cut off inside a chunk that claims far more bytes than the file has. */
export async function truncatedPng(): Promise<Buffer> {
  const png = await pngWith([tEXt('parameters', A1111_PARAMETERS)]);
  return Buffer.concat([png.subarray(0, 33), pngChunk('tEXt', Buffer.from('parameters\0abc'), 50_000_000).subarray(0, 30)]);
}

/** A small distinct image per frame (so every frame has its own hash). */
export function framePng(frame: number): Promise<Buffer> {
  return sharp({ create: { width: 4, height: 4, channels: 3, background: { r: frame % 256, g: (frame >> 8) % 256, b: 7 } } }).png().toBuffer();
}

/** A large file that costs no disk (sparse): long enough to hash that a test can cancel halfway. */
export function sparseFile(dir: string, name: string, bytes: number): string {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  try {
    ftruncateSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
  return path;
}

/** An empty render folder, and a C2PA sidecar pair made outside it (an unsigned icon.jpg and its .c2pa) to copy in. */
export function rendersAndSidecarPair(dir: string): { renders: string; asset: string; sidecar: string } {
  const renders = join(dir, 'renders');
  const made = join(dir, 'made');
  mkdirSync(renders);
  mkdirSync(made);
  return { renders, ...writeSidecarPair(made) };
}
