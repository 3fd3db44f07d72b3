import { join } from 'node:path';
import { createContext } from '../../main/app-context';
import { ingestFolder } from '../../main/services/ingest/folder-ingest';
import { startCpuWindow } from './machine-load';

export interface RunResult {
  ms: number;
  cores: number;
  /** Cores other processes kept busy meanwhile: shared machines are noisy. */
  otherCores: number;
  assets: number;
  withErrors: number;
}

/** One ingest into a fresh db (so nothing is skipped as already hashed), thumbnails off (they never block logging). */
export async function ingestOnce(dir: string, runDir: string, readProvenance: boolean, exclude: string[] = []): Promise<RunResult> {
  const ctx = createContext({ dbPath: join(runDir, 'genlog.db'), transport: 'cli', actor: 'bench' });
  try {
    ctx.db.prepare("INSERT INTO productions (code, title, contact_email, created_at) VALUES ('BENCH', 'Bench', 'b@example.com', '2026-01-01')").run();
    ctx.db.prepare("INSERT INTO tools (name, created_at) VALUES ('LocalSD', '2026-01-01')").run();
    const endCpuWindow = startCpuWindow();
    const result = await ingestFolder(ctx, { paths: [dir], recursive: true, exclude, production: 'BENCH', tool: 'LocalSD', by: 'bench', prompt: '', notes: '', episode: '' }, { readProvenance });
    const cpu = endCpuWindow();
    const withErrors = (ctx.db.prepare("SELECT count(*) AS n FROM provenance WHERE errors <> '[]'").get() as { n: number }).n;
    return { ms: cpu.wallMs, cores: cpu.ownCores, otherCores: cpu.otherCores, assets: result.assets.length, withErrors };
  } finally {
    ctx.db.close();
  }
}

