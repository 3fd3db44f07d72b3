import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * In a packaged app electron-builder has rebuilt better-sqlite3 for Electron. In development node_modules holds the
 * Node build (used by tests), so `npm start` builds an Electron one beside it (scripts/electron-native.mjs) and the
 * app points better-sqlite3 at it.
 */
export function electronNativeBinding(appRoot: string, packaged: boolean): string | undefined {
  if (packaged) return undefined;
  const file = join(appRoot, '.electron-native', process.versions.electron ?? 'unknown', 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}
