// Helpers for the browser end-to-end test: the CLI and `genlog serve` run exactly as a user runs them.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const resultsDir = join(root, 'test-results');
const bin = join(root, 'bin', 'genlog.js');

/** Runs `genlog ARGS --json` and returns the parsed output; throws with genlog's own message on failure. */
export function genlog(db, args) {
  try {
    const out = execFileSync(process.execPath, [bin, '--db', db, '--json', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return out.trim() ? JSON.parse(out) : null;
  } catch (err) {
    throw new Error(`genlog ${args.join(' ')} failed: ${err.stderr || err.message}`, { cause: err });
  }
}

/** Starts `genlog serve --port 0 --json` and resolves with its {url, port, token} once it prints them. */
export function serve(db) {
  const child = spawn(process.execPath, [bin, '--db', db, 'serve', '--port', '0', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => { stderr += c; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`genlog serve did not start in 20 s. ${stderr}`)); }, 20_000);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`genlog serve exited with ${code}: ${stderr}`)); });
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      try {
        const info = JSON.parse(line);
        resolve({ ...info, child, stop: () => stop(child) });
      } catch {
        child.kill('SIGKILL');
        reject(new Error(`genlog serve printed something that is not JSON: ${line}`));
      }
    });
  });
}

function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => { clearTimeout(force); resolve(); });
    child.kill('SIGTERM');
  });
}

export function chromiumPath() {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('chromium is not installed (apt-get install chromium); the browser test needs it.');
  }
}

/** Bundles test/e2e/seed-db.ts with everything it reaches (migrations, seed, app startup) into one file. */
async function bundleSeeder(outDir) {
  const { build } = await import('esbuild');
  const outfile = join(outDir, 'seed-db.mjs');
  await build({
    entryPoints: [join(root, 'test', 'e2e', 'seed-db.ts')],
    bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'warning',
  });
  return outfile;
}

/** What decides a seeded db's content: the schema (migrations) and the seeding code. */
function seedKey(count) {
  const h = createHash('sha256').update(String(count));
  const migrations = join(root, 'db', 'migrations');
  for (const f of readdirSync(migrations).sort()) h.update(f).update(readFileSync(join(migrations, f)));
  for (const f of ['db/connection.ts', 'db/migrate.ts', 'test/support/seed.ts', 'test/e2e/seed-db.ts']) h.update(readFileSync(join(root, f)));
  return h.digest('hex').slice(0, 16);
}

/**
 * A db holding `count` synthetic assets, opened once by the app's own startup code. Seeding a million rows into
 * a dozen indexes and the FTS table and assessing them takes a minute or two, so the result is kept in
 * test-results/.e2e and reused until the schema or the seed changes. The test only reads it.
 */
export async function seededDb(count) {
  const dir = join(resultsDir, '.e2e');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `seeded-${count}-${seedKey(count)}.db`);
  if (existsSync(path)) return { path, seconds: null };
  for (const f of readdirSync(dir)) if (f.startsWith(`seeded-${count}-`) || f.startsWith('building-')) rmSync(join(dir, f), { force: true });
  const bundle = await bundleSeeder(dir);
  const { seedDb } = await import(`${pathToFileURL(bundle).href}?t=${Date.now()}`);
  const building = join(dir, `building-${process.pid}.db`);
  const started = Date.now();
  seedDb(building, count);
  for (const suffix of ['-wal', '-shm']) rmSync(building + suffix, { force: true });
  renameSync(building, path);
  return { path, seconds: (Date.now() - started) / 1000 };
}

/** Runs named checks in order, printing each; a failure is reported and the run goes on. */
export function checkRunner() {
  let passed = 0;
  let failed = 0;
  return {
    async check(name, fn) {
      const started = Date.now();
      try {
        await fn();
        passed++;
        console.log(`ok   ${name} (${Date.now() - started} ms)`);
        return true;
      } catch (err) {
        failed++;
        console.log(`FAIL ${name}\n     ${String(err?.stack ?? err).split('\n').slice(0, 6).join('\n     ')}`);
        return false;
      }
    },
    summary: () => ({ passed, failed }),
  };
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

/** A real PNG carrying `parameters` as Stable Diffusion WebUI writes its settings (a tEXt chunk after IHDR). */
export async function settingsPng(path, parameters) {
  const png = await sharp({ create: { width: 96, height: 64, channels: 3, background: '#2a6f9e' } }).png().toBuffer();
  const data = Buffer.from(`parameters\0${parameters}`, 'latin1');
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write('tEXt', 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  const ihdrEnd = 33;
  writeFileSync(path, Buffer.concat([png.subarray(0, ihdrEnd), head, data, crc, png.subarray(ihdrEnd)]));
  return path;
}
