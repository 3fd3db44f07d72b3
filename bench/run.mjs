// Runs every bench/*.bench.ts (bundled into dist/bench by scripts/build.mjs) and prints one table of results.
// Budgets are ratios or medians measured against a reference run in the same process: machines here are noisy.
// Usage: npm run bench [-- --quick] [-- name]
import { readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.filter((a) => !a.startsWith('--'));
const files = readdirSync(join(root, 'dist', 'bench')).filter((f) => f.endsWith('.bench.js'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)));

const all = [];
for (const f of files) {
  const name = f.replace('.bench.js', '');
  console.log(`\n== ${name}${quick ? ' (quick)' : ''}`);
  const mod = await import(pathToFileURL(join(root, 'dist', 'bench', f)).href);
  const results = await mod.run({ quick, log: (line) => console.log(`   ${line}`) });
  for (const r of results) {
    all.push({ bench: name, ...r });
    const verdict = r.pass === undefined ? '' : r.pass ? 'PASS' : 'MISS';
    console.log(`   ${verdict.padEnd(4)}  ${r.name}: ${r.value} ${r.unit}${r.target ? `  (target ${r.target})` : ''}`);
  }
}
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results', `results${quick ? '-quick' : ''}.json`), JSON.stringify({ at: new Date().toISOString(), quick, results: all }, null, 2));
const missed = all.filter((r) => r.pass === false);
console.log(`\n${all.length} measurements, ${missed.length} missed their target${missed.length ? ': ' + missed.map((m) => m.name).join('; ') : ''}`);
