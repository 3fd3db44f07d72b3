import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createHashPool } from '../main/ingest/hash-pool';
import { hashItems, type HashedItem } from '../main/ingest/ingest-files';
import { groupSequences, type IngestItem } from '../main/ingest/sequences';
import { digestsIn, timeCommand } from './lib/child-process';
import { writeMixedCorpus } from './lib/corpus';
import { runInFreshProcess } from './lib/fresh-process';
import { startCpuWindow } from './lib/machine-load';
import { warmPageCache } from './lib/page-cache';
import { GiB, MiB, formatBytes, gbPerSecond, median, round } from './lib/stats';
import { createTempDir, removeTempDir, writeRandomFile } from './lib/temp-files';
import type { BenchOptions, BenchResult } from './lib/types';

const RUNS = 3;
/** Files per sha256sum invocation: one process hashing its arguments one after another, like a shell loop but cheaper. */
const SHA256SUM_BATCH = 200;

/**
 * Ingest of a mixed folder: hashItems on the worker pool (default concurrency) against `sha256sum` over the same
 * files one after another, page cache warm before each run, runs interleaved, medians compared. CPU parallelism is
 * the process's user+system CPU time (all threads: main and workers) over wall time. Peak memory is measured in a
 * fresh Node process hashing one very large file, so nothing allocated here counts against it.
 */
export async function run({ quick, log }: BenchOptions): Promise<BenchResult[]> {
  const fileCount = quick ? 200 : 2000;
  const totalBytes = quick ? 100e6 : 2e9;
  const largeFileBytes = quick ? 512 * MiB : 4 * GiB;
  const dir = await createTempDir('ingest');
  try {
    log(`writing ${fileCount} files, ${formatBytes(totalBytes)} in all`);
    const paths = await writeMixedCorpus(join(dir, 'renders'), fileCount, totalBytes);
    const bytes = (await Promise.all(paths.map((path) => stat(path)))).reduce((sum, stats) => sum + stats.size, 0);

    const ingestMs: number[] = [];
    const parallelism: number[] = [];
    const otherLoad: number[] = [];
    const waits: string[] = [];
    const sha256sumMs: number[] = [];
    let items: IngestItem[] = [];
    let ours: HashedItem[] = [];
    let reference: string[] = [];
    for (let attempt = 0; attempt < RUNS; attempt++) {
      await warmPageCache(paths);
      const endCpuWindow = startCpuWindow();
      const pool = createHashPool();
      try {
        items = groupSequences(paths);
        ours = await hashItems(items, pool);
      } finally {
        await pool.close();
      }
      const cpu = endCpuWindow();
      ingestMs.push(cpu.wallMs);
      parallelism.push(cpu.ownCores);
      otherLoad.push(cpu.otherCores);
      waits.push(`io wait ${round(cpu.ioWaitCores, 2)}, steal ${round(cpu.stealCores, 2)}`);

      await warmPageCache(paths);
      const referenceStartedAt = performance.now();
      reference = [];
      for (let start = 0; start < paths.length; start += SHA256SUM_BATCH) {
        const { stdout } = await timeCommand('sha256sum', paths.slice(start, start + SHA256SUM_BATCH));
        reference.push(...digestsIn(stdout));
      }
      sha256sumMs.push(performance.now() - referenceStartedAt);
    }
    checkSameHashes(paths, items, ours, reference);
    log(`hashItems: ${ingestMs.map((ms) => `${Math.round(ms)} ms`).join(', ')}; CPU/wall ${parallelism.map((p) => round(p)).join(', ')}`);
    log(`other processes kept ${otherLoad.map((cores) => round(cores, 2)).join(', ')} of ${availableParallelism()} cores busy during those runs`);
    log(`cores waiting meanwhile: ${waits.join('; ')}`);
    log(`sha256sum: ${sha256sumMs.map((ms) => `${Math.round(ms)} ms`).join(', ')}`);

    log(`writing one ${formatBytes(largeFileBytes)} file and hashing it in a fresh process`);
    const large = join(dir, 'large.mov');
    await writeRandomFile(large, largeFileBytes, 99);
    const fresh = await runInFreshProcess<{ size: number }>(import.meta.url, 'hashLargeFileForMemoryProbe', [large]);
    if (fresh.result.size !== largeFileBytes) throw new Error(`The memory probe hashed ${fresh.result.size} bytes, expected ${largeFileBytes}`);

    const wallRatio = median(ingestMs) / median(sha256sumMs);
    const cpuParallelism = median(parallelism);
    const quietest = otherLoad.indexOf(Math.min(...otherLoad));
    const peakRssMb = fresh.maxRssBytes / 1e6;
    return [
      { name: `ingest of ${fileCount} files (${formatBytes(bytes)}), wall time`, value: Math.round(median(ingestMs)), unit: 'ms' },
      { name: 'ingest throughput', value: round(gbPerSecond(bytes, median(ingestMs))), unit: 'GB/s' },
      { name: 'sha256sum over the same files one after another', value: Math.round(median(sha256sumMs)), unit: 'ms' },
      { name: 'ingest wall time vs sha256sum', value: round(wallRatio), unit: 'x', target: '<= 0.6x', pass: wallRatio <= 0.6 },
      { name: 'CPU parallelism during ingest (CPU time / wall)', value: round(cpuParallelism), unit: 'cores', target: '> 1.6', pass: cpuParallelism > 1.6 },
      { name: 'cores kept busy by other processes meanwhile', value: round(median(otherLoad), 2), unit: 'cores' },
      { name: 'CPU parallelism in the run least disturbed by other processes', value: round(parallelism[quietest] ?? 0), unit: 'cores' },
      { name: `peak RSS hashing one ${formatBytes(largeFileBytes)} file on the pool`, value: round(peakRssMb), unit: 'MB', target: '< 300 MB', pass: peakRssMb < 300 },
      { name: `large file hashing throughput in that process`, value: round(gbPerSecond(largeFileBytes, fresh.wallMs)), unit: 'GB/s' },
    ];
  } finally {
    await removeTempDir(dir);
  }
}

/** Runs in the fresh process started by run(): ingest one file through the pool exactly as a real ingest would. */
export async function hashLargeFileForMemoryProbe(path: string): Promise<{ size: number; sha256: string }> {
  const pool = createHashPool();
  try {
    const [item] = await hashItems([{ kind: 'file', path }], pool, { onProgress: () => undefined });
    if (!item) throw new Error('hashItems returned nothing');
    return { size: item.size, sha256: item.sha256 };
  } finally {
    await pool.close();
  }
}

function checkSameHashes(paths: string[], items: IngestItem[], ours: HashedItem[], reference: string[]): void {
  if (reference.length !== paths.length) throw new Error(`sha256sum printed ${reference.length} hashes for ${paths.length} files`);
  const expected = new Map(paths.map((path, index) => [path, reference[index]]));
  const check = (path: string, sha256: string | undefined) => {
    if (expected.get(path) !== sha256) throw new Error(`hashItems and sha256sum disagree on ${path}`);
  };
  items.forEach((item, index) => {
    const hashed = ours[index];
    if (item.kind === 'file') check(item.path, hashed?.sha256);
    else if (hashed?.kind === 'sequence') item.frames.forEach((frame, frameIndex) => check(frame.path, hashed.frames[frameIndex]?.sha256));
    else throw new Error(`hashItems returned no sequence for ${item.pattern}`);
  });
}
