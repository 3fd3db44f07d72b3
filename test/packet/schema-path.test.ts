import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, resultsDir, run, tempDir } from './helpers';

// The lead bundles main/ with esbuild into dist/main/*.js; the schema must still be found from there.
const outside = tempDir('genlog-bundle-');
afterAll(() => outside.cleanup());

async function bundle(format: 'esm' | 'cjs'): Promise<string> {
  const root = path.join(resultsDir(), 'bundle');
  const entry = path.join(root, 'src', 'entry.ts');
  mkdirSync(path.dirname(entry), { recursive: true });
  writeFileSync(entry, [
    `import { schemaPath } from ${JSON.stringify(path.join(REPO_ROOT, 'main/packet/schema-path'))};`,
    `import { validateManifest } from ${JSON.stringify(path.join(REPO_ROOT, 'main/packet/validate-manifest'))};`,
    'console.log(JSON.stringify({ schema: schemaPath(), problems: validateManifest({ schemaVersion: "1.0" }).slice(0, 2) }));',
  ].join('\n'));
  const outfile = path.join(root, 'dist', 'main', `packet-check.${format === 'esm' ? 'mjs' : 'cjs'}`);
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format, target: 'node20', outfile, logLevel: 'silent' });
  return outfile;
}

describe('schemaPath from a bundled build', () => {
  it.each(['esm', 'cjs'] as const)('finds assets/schemas from dist/main (%s) whatever the working folder', async (format) => {
    const file = await bundle(format);
    const r = run(process.execPath, [file], tmpdir());
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { schema: string; problems: string[] };
    expect(out.schema).toBe(path.join(REPO_ROOT, 'assets', 'schemas', 'packet-manifest.schema.json'));
    expect(out.problems).toEqual(['/packetId: is required', '/production: is required']);
  });

  it('says clearly when it runs outside a GenLog installation', async () => {
    const file = await bundle('esm');
    const copy = path.join(outside.dir, 'packet-check.mjs');
    copyFileSync(file, copy);
    const r = run(process.execPath, [copy], outside.dir);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('Cannot find the GenLog app folder (a package.json named "genlog")');
  });
});
