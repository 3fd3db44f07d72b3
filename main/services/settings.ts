import { userInfo } from 'node:os';
import type { ApiContext } from '../api/context';
import { allSettings, setSetting } from '../../db/settings';
import type { Db } from '../../db/connection';

export interface Settings {
  artistName: string;
  dataDir: string;
  dbPath: string;
}

export function osUserName(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

/** The artist name from settings, else the OS user: every history event needs a "who". */
export function artistName(db: Db): string {
  return allSettings(db).artistName || osUserName();
}

export function readSettings(ctx: ApiContext): Settings {
  return { artistName: artistName(ctx.db), dataDir: ctx.dataDir, dbPath: ctx.dbPath };
}

export function writeSettings(ctx: ApiContext, s: { artistName?: string }): Settings {
  if (s.artistName !== undefined) setSetting(ctx.db, 'artistName', s.artistName);
  return readSettings(ctx);
}
