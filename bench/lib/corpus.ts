import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appRoot } from '../../main/app-root';
import { writeExrFrame, writeMovie, writePng } from './media-files';

/** Small deterministic generator so every run writes the same corpus. */
export function xorshift(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** A size drawn log-uniformly between min and max: many small files, a few large ones, as in render folders. */
export function logUniform(random: () => number, min: number, max: number): number {
  return Math.round(Math.exp(Math.log(min) + random() * (Math.log(max) - Math.log(min))));
}

/**
 * Writes `fileCount` files totalling about `totalBytes`, sized log-uniformly from thumbnails (4 KiB) to plates
 * (~8 MiB before scaling) like a render output folder. About 60% are frames of 50-frame EXR sequences, the rest
 * single generated images (ComfyUI PNGs carrying their prompt and workflow graphs, as ComfyUI saves them) and
 * QuickTime clips, so ingest groups sequences and reads provenance as it would for real. Returns the paths.
 */
export async function writeMixedCorpus(dir: string, fileCount: number, totalBytes: number): Promise<string[]> {
  const random = xorshift(2024);
  const raw = Array.from({ length: fileCount }, () => Math.exp(Math.log(4096) + random() * (Math.log(8 * 1024 * 1024) - Math.log(4096))));
  const scale = totalBytes / raw.reduce((sum, size) => sum + size, 0);
  const sequenceFiles = Math.floor((fileCount * 0.6) / 50) * 50;
  const fixtures = join(appRoot(), 'test/fixtures/provenance');
  const comfyPrompt = await readFile(join(fixtures, 'comfy-sd15-prompt.json'), 'utf8');
  const comfyWorkflow = await readFile(join(fixtures, 'comfy-sd15-workflow.json'), 'utf8');
  const files: { path: string; write: (size: number, seed: number) => Promise<void> }[] = [];
  for (let index = 0; index < fileCount; index++) {
    if (index < sequenceFiles) {
      const shot = `sh${String(Math.floor(index / 50)).padStart(3, '0')}`;
      const path = join(dir, shot, `${shot}_comp_v001.${1001 + (index % 50)}.exr`);
      files.push({ path, write: (size, seed) => writeExrFrame(path, size, seed) });
    } else if (index % 5 === 0) {
      const path = join(dir, `clip_${index}.mov`);
      files.push({ path, write: (size) => writeMovie(path, size) });
    } else {
      const path = join(dir, `ComfyUI_${String(index).padStart(5, '0')}_.png`);
      // Each image's own seed in its graph, as ComfyUI saves it.
      const prompt = comfyPrompt.replace(/"seed": \d+/, `"seed": ${index}`);
      files.push({ path, write: (size, seed) => writePng(path, [['prompt', prompt], ['workflow', comfyWorkflow]], size, seed) });
    }
  }
  const folders = new Set(files.map((f) => join(f.path, '..')));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  for (const [index, file] of files.entries()) await file.write(Math.max(1, Math.round((raw[index] as number) * scale)), index + 1);
  return files.map((f) => f.path);
}
