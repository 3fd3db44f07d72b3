// Builds better-sqlite3 for Electron's ABI into .electron-native/<electron version>/ on first `npm start`.
// node_modules keeps the Node build that the tests use. On a connected machine prebuild-install fetches the
// matching prebuilt binary; otherwise node-gyp compiles against Electron's headers.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, copyFileSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const target = join(root, '.electron-native', electronVersion, 'better_sqlite3.node');
if (existsSync(target)) process.exit(0);

const source = dirname(require.resolve('better-sqlite3/package.json'));
const work = mkdtempSync(join(tmpdir(), 'genlog-electron-native-'));
cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${join('build', 'Release')}`) });

// This machine's npm config may point nodedir at Node's own headers, which silently produces a Node-ABI build.
const env = { ...process.env };
for (const k of Object.keys(env)) if (k.toLowerCase() === 'npm_config_nodedir') delete env[k];

function attempt(label, cmd, args) {
  try {
    console.error(`genlog: building better-sqlite3 for Electron ${electronVersion} (${label})…`);
    execFileSync(cmd, args, { cwd: work, env, stdio: 'inherit', shell: process.platform === 'win32' });
    return existsSync(join(work, 'build', 'Release', 'better_sqlite3.node'));
  } catch {
    return false;
  }
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const built =
  attempt('prebuilt binary', npx, ['--yes', 'prebuild-install', '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch]) ||
  attempt('compile', npx, ['--yes', 'node-gyp', 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`,
    '--dist-url=https://electronjs.org/headers', `--arch=${process.arch}`]);
if (!built) {
  console.error('genlog: could not build better-sqlite3 for Electron. Check the internet connection and a C++ toolchain.');
  process.exit(1);
}

// A binary that loads in plain Node was built against Node's headers, not Electron's: refuse it.
const candidate = join(work, 'build', 'Release', 'better_sqlite3.node');
try {
  process.dlopen({ exports: {} }, candidate);
  console.error('genlog: the better-sqlite3 build targets Node, not Electron (wrong headers); refusing to use it.');
  process.exit(1);
} catch (err) {
  if (!/NODE_MODULE_VERSION|was compiled against a different/.test(String(err))) {
    console.error(`genlog: unexpected error checking the Electron build: ${err}`);
    process.exit(1);
  }
}
mkdirSync(dirname(target), { recursive: true });
copyFileSync(candidate, target);
rmSync(work, { recursive: true, force: true });
console.error(`genlog: Electron build of better-sqlite3 ready at ${target}`);
