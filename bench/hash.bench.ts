import { join } from 'node:path';
import { hashFile } from '../main/ingest/hash-file';
import { createHashPool } from '../main/ingest/hash-pool';
import { digestsIn, timeCommand } from './lib/child-process';
import { startCpuWindow } from './lib/machine-load';
import { warmPageCache } from './lib/page-cache';
import { GiB, MiB, formatBytes, gbPerSecond, median, round } from './lib/stats';
import { createTempDir, removeTempDir, writeRandomFile } from './lib/temp-files';
import type { BenchOptions, BenchResult } from './lib/types';

const RUNS = 3;

/**
 * One large file hashed by hashFile (in this process), `openssl dgst -sha256` and `sha256sum`, each 3 times with
 * the page cache warmed right before, runs interleaved so machine noise hits every contender alike; medians compared.
 * The tools are timed from spawn to exit, which includes their few milliseconds of start-up.
 */
export async function run({ quick, log }: BenchOptions): Promise<BenchResult[]> {
  const size = quick ? 64 * MiB : GiB;
  const dir = await createTempDir('hash');
  const pool = createHashPool({ concurrency: 1 });
  try {
    const file = join(dir, 'plate.bin');
    log(`writing ${formatBytes(size)} of random bytes`);
    await writeRandomFile(file, size, 1);

    const contenders: Record<string, () => Promise<string>> = {
      hashFile: async () => (await hashFile(file)).sha256,
      'hash pool (1 worker)': async () => (await pool.hash(file)).sha256,
      'openssl dgst -sha256': async () => digestsIn((await timeCommand('openssl', ['dgst', '-sha256', file])).stdout)[0] ?? '',
      sha256sum: async () => digestsIn((await timeCommand('sha256sum', [file])).stdout)[0] ?? '',
    };
    const times = new Map<string, number[]>(Object.keys(contenders).map((name) => [name, []]));
    const digests = new Set<string>();
    const otherLoad: number[] = [];
    for (let attempt = 0; attempt < RUNS; attempt++) {
      for (const [name, hash] of Object.entries(contenders)) {
        await warmPageCache([file]);
        const endCpuWindow = startCpuWindow();
        digests.add(await hash());
        const window = endCpuWindow();
        times.get(name)?.push(window.wallMs);
        if (name === 'hashFile') otherLoad.push(window.otherCores);
      }
    }
    if (digests.size !== 1) throw new Error(`The contenders disagree on the hash: ${[...digests].join(', ')}`);

    const medianMs = (name: string) => median(times.get(name) ?? []);
    for (const name of Object.keys(contenders)) {
      log(`${name}: ${(times.get(name) ?? []).map((ms) => `${Math.round(ms)} ms`).join(', ')}`);
    }
    log(`other processes kept ${otherLoad.map((cores) => round(cores, 2)).join(', ')} cores busy during the hashFile runs`);
    const throughput = (name: string) => gbPerSecond(size, medianMs(name));
    const vsOpenssl = medianMs('openssl dgst -sha256') / medianMs('hashFile');
    const vsSha256sum = medianMs('sha256sum') / medianMs('hashFile');
    const label = formatBytes(size);
    return [
      { name: `hashFile throughput, one ${label} file`, value: round(throughput('hashFile')), unit: 'GB/s' },
      { name: `hash pool throughput, one ${label} file`, value: round(throughput('hash pool (1 worker)')), unit: 'GB/s' },
      { name: `openssl dgst -sha256 throughput, same file`, value: round(throughput('openssl dgst -sha256')), unit: 'GB/s' },
      { name: `sha256sum throughput, same file`, value: round(throughput('sha256sum')), unit: 'GB/s' },
      { name: 'hashFile speed vs openssl dgst -sha256', value: round(vsOpenssl), unit: 'x', target: '>= 0.7x', pass: vsOpenssl >= 0.7 },
      { name: 'hashFile speed vs sha256sum', value: round(vsSha256sum), unit: 'x', target: '>= 3x', pass: vsSha256sum >= 3 },
    ];
  } finally {
    await pool.close();
    await removeTempDir(dir);
  }
}
