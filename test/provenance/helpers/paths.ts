import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Signed C2PA samples shared beside the repository (see shared/fixtures/c2pa/README.md). */
export function sharedC2paFixture(name: string): string {
  return path.resolve(repoRoot, '../shared/fixtures/c2pa', name);
}

export function provenanceFixtureText(name: string): string {
  return readFileSync(path.join(repoRoot, 'test/fixtures/provenance', name), 'utf8');
}

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'genlog-provenance-'));
}

export function writeTemp(dir: string, name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}
