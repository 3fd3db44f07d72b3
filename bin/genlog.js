#!/usr/bin/env node
// The CLI is bundled by `npm run build` (run automatically by npm install / npm ci through "prepare").
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/main/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('genlog: not built yet. Run `npm run build` in the GenLog folder.\n');
  process.exit(1);
}
await import(cli.href);
