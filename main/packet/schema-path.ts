import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const APP_PACKAGE_NAME = 'genlog';
export const MANIFEST_SCHEMA_FILE = 'packet-manifest.schema.json';

// This module is bundled into dist/main/*.js later, so its own depth below the root says nothing:
// walk up from wherever it runs until the app's package.json.
function startDirs(): string[] {
  const dirs: string[] = [];
  try {
    const here = import.meta.url;
    if (typeof here === 'string' && here.startsWith('file:')) dirs.push(path.dirname(fileURLToPath(here)));
  } catch {
    // import.meta is not available in a CommonJS bundle; __dirname below covers that.
  }
  if (typeof __dirname === 'string') dirs.push(__dirname);
  dirs.push(process.cwd());
  return dirs;
}

function isAppRoot(dir: string): boolean {
  const pkgFile = path.join(dir, 'package.json');
  if (!existsSync(pkgFile)) return false;
  try {
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { name?: unknown };
    return pkg.name === APP_PACKAGE_NAME;
  } catch {
    return false;
  }
}

/** The GenLog repository / app root: the nearest ancestor holding a package.json named "genlog". */
export function appRoot(): string {
  for (const start of startDirs()) {
    let dir = path.resolve(start);
    for (;;) {
      if (isAppRoot(dir)) return dir;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(
    `Cannot find the GenLog app folder (a package.json named "${APP_PACKAGE_NAME}") above ${startDirs().join(' or ')}.`,
  );
}

/** Absolute path of a schema shipped in assets/schemas/ (the packet manifest schema by default). */
export function schemaPath(fileName: string = MANIFEST_SCHEMA_FILE): string {
  const file = path.join(appRoot(), 'assets', 'schemas', fileName);
  if (!existsSync(file)) throw new Error(`The schema file ${file} is missing from the GenLog installation.`);
  return file;
}
