// Builds everything that runs outside vitest: the CLI and Electron main (Node ESM bundles), the sandboxed preload
// (CommonJS, as Electron requires for sandboxed preloads), the renderer (Vite) and the benchmarks.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2]; // optional: "node" or "renderer"

const nodeBundle = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

async function buildNode() {
  rmSync(join(root, 'dist/main'), { recursive: true, force: true });
  await build({
    ...nodeBundle,
    entryPoints: { cli: 'main/cli/main.ts', electron: 'main/electron/main.ts' },
    outdir: 'dist/main',
    external: ['electron'],
  });
  await build({
    ...nodeBundle,
    packages: undefined,
    format: 'cjs',
    entryPoints: ['preload/index.ts'],
    outfile: 'dist/preload/index.cjs',
    external: ['electron'],
  });
  const benches = readdirSync(join(root, 'bench')).filter((f) => f.endsWith('.bench.ts'));
  if (benches.length) {
    await build({ ...nodeBundle, entryPoints: benches.map((f) => `bench/${f}`), outdir: 'dist/bench' });
  }
}

async function buildRenderer() {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}

if (only !== 'renderer') await buildNode();
if (only !== 'node') await buildRenderer();
