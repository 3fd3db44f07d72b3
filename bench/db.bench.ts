import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { mkdtempSync } from 'node:fs';
import { createContext } from '../main/app-context';
import { dispatch } from '../main/api/dispatch';
import { methodTable } from '../main/api/table';
import { countAssetsSql, listAssetsSql, type AssetFilter } from '../db/assets';
import { insertHashed, type HashedFile } from '../main/services/log-assets';
import { seedSynthetic } from '../test/support/seed';

import type { BenchResult as Result } from './lib/types';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeMs(fn: () => unknown): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function timeMsAsync(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/**
 * 1M-asset db: a filtered page through the real API handler against the same SQL run raw through better-sqlite3
 * (the ratio is what this code adds), full-text search the same way, and bulk logging through the logging service.
 */
export async function run(opts: { quick: boolean; log: (line: string) => void }): Promise<Result[]> {
  const rows = opts.quick ? 100_000 : 1_000_000;
  const dir = mkdtempSync(join(tmpdir(), 'genlog-bench-db-'));
  const ctx = createContext({ dbPath: join(dir, 'bench.db'), transport: 'test', actor: 'bench' });
  const out: Result[] = [];
  try {
    const seedMs = timeMs(() => seedSynthetic(ctx.db, rows));
    ctx.db.exec('ANALYZE');
    opts.log(`seeded ${rows.toLocaleString()} assets in ${(seedMs / 1000).toFixed(1)} s`);
    const reps = 25;

    const compare = async (label: string, apiInput: Record<string, unknown>, filter: AssetFilter, budgetMs: number) => {
      const page = { sort: 'createdAt' as const, direction: 'desc' as const, offset: 0, limit: 200 };
      const list = listAssetsSql(filter, page);
      const count = countAssetsSql(filter);
      const listStmt = ctx.db.prepare(list.sql);
      const countStmt = ctx.db.prepare(count.sql);
      const raw = () => { listStmt.all(...list.params); countStmt.get(...count.params); };
      const api = () => dispatch(methodTable, ctx, 'listAssets', apiInput);
      raw(); await api();
      const rawT: number[] = [];
      const apiT: number[] = [];
      for (let i = 0; i < reps; i++) {
        rawT.push(timeMs(raw));
        apiT.push(await timeMsAsync(api));
      }
      const m = median(apiT);
      const ratio = m / median(rawT);
      out.push({ name: `${label}: median (API, page of 200 + total)`, value: +m.toFixed(2), unit: 'ms', target: `<= ${budgetMs} ms`, pass: m <= budgetMs });
      out.push({ name: `${label}: API / raw better-sqlite3`, value: +ratio.toFixed(2), unit: 'x', target: '<= 1.3x', pass: ratio <= 1.3 });
    };

    const prod = ctx.db.prepare("SELECT id FROM productions WHERE code = 'SEED2'").get() as { id: number };
    await compare('filtered page (production + class)', { production: 'SEED2', classification: 'deliverable' }, { productionId: prod.id, classification: 'deliverable', extra: [] , retired: 'include' }, 20);
    await compare('filtered page (media type)', { mediaType: 'video' }, { mediaType: 'video', extra: [], retired: 'include' }, 20);
    await compare('FTS search (selective: "shot_4242")', { search: 'shot_4242' }, { search: 'shot_4242', extra: [], retired: 'include' }, 50);
    await compare('FTS search (broad: "review")', { search: 'review' }, { search: 'review', extra: [], retired: 'include' }, 50);

    const n = opts.quick ? 20_000 : 100_000;
    const files: HashedFile[] = Array.from({ length: n }, (_, i) => ({
      fileName: `bulk_${i}.exr`, path: `/renders/bulk_${i}.exr`, sha256: i.toString(16).padStart(64, '0'), size: 1000 + i, mediaType: 'image',
    }));
    const ms = timeMs(() => insertHashed(ctx, prod.id, 1, { prompt: 'bulk', notes: '', episode: '', classification: 'temporary', by: 'bench' }, files));
    const perSec = n / (ms / 1000);
    out.push({ name: `bulk logging, ${n.toLocaleString()} assets in one transaction`, value: Math.round(perSec), unit: 'assets/s', target: '>= 20000', pass: perSec >= 20_000 });
    return out;
  } finally {
    ctx.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
