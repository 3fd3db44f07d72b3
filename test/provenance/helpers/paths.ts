import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Real C2PA-signed samples, kept in the repository so a clean clone tests them (see test/fixtures/c2pa/README.md). */
export function sharedC2paFixture(name: string): string {
  return path.resolve(repoRoot, 'test/fixtures/c2pa', name);
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
