import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'GenLog';
export const DB_FILE_NAME = 'genlog.db';

/** The folder Electron's app.getPath('userData') uses for GenLog, computed without Electron so the CLI agrees. */
export function defaultUserDataDir(platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_DIR_NAME);
}

/** --db PATH, else GENLOG_DB, else the desktop app's db file. */
export function resolveDbPath(flag: string | undefined, env = process.env): string {
  return flag || env.GENLOG_DB || join(defaultUserDataDir(process.platform, env), DB_FILE_NAME);
}
