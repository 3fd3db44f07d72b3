import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeRandomFile } from './temp-files';

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
 * single generated images and clips, so ingest groups sequences as it would for real. Returns the paths.
 */
export async function writeMixedCorpus(dir: string, fileCount: number, totalBytes: number): Promise<string[]> {
  const random = xorshift(2024);
  const raw = Array.from({ length: fileCount }, () => Math.exp(Math.log(4096) + random() * (Math.log(8 * 1024 * 1024) - Math.log(4096))));
  const scale = totalBytes / raw.reduce((sum, size) => sum + size, 0);
  const sequenceFiles = Math.floor((fileCount * 0.6) / 50) * 50;
  const paths: string[] = [];
  for (let index = 0; index < fileCount; index++) {
    let name: string;
    if (index < sequenceFiles) {
      const shot = Math.floor(index / 50);
      name = join(`sh${String(shot).padStart(3, '0')}`, `sh${String(shot).padStart(3, '0')}_comp_v001.${1001 + (index % 50)}.exr`);
    } else {
      name = index % 5 === 0 ? `clip_${index}.mov` : `ComfyUI_${String(index).padStart(5, '0')}_.png`;
    }
    const path = join(dir, name);
    paths.push(path);
  }
  const folders = new Set(paths.map((path) => join(path, '..')));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  for (const [index, path] of paths.entries()) await writeRandomFile(path, Math.max(1, Math.round((raw[index] as number) * scale)), index + 1);
  return paths;
}
