import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, screen, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createContext } from '../app-context';
import { appRoot } from '../app-root';
import { methodTable } from '../api/table';
import type { ApiContext } from '../api/context';
import { DB_FILE_NAME } from '../paths';
import { OutboxWorker, protectorFromSafeStorage } from '../services/packets';
import { MENU_CHANNEL } from '../../preload/desktop-bridge';
import { registerApiIpc } from './ipc';
import { startWatchRunner, type WatchRunner } from '../services/ingest/watch-runner';
import { startAutoBackups } from '../services/auto-backups';
import { menuTemplate } from './menu';
import { electronNativeBinding } from './native-binding';
import { makeSenderCheck } from './trusted-sender';
import { loadState, saveState } from './window-state';

const root = appRoot();
const indexHtml = join(root, 'dist', 'renderer', 'index.html');
const indexUrl = pathToFileURL(indexHtml).href;
let mainWindow: BrowserWindow | undefined;
let ctx: ApiContext | undefined;
let outbox: OutboxWorker | undefined;
let watchRunner: WatchRunner | undefined;
let autoBackups: { stop(): Promise<void> } | undefined;
let quitting = false;
/** How often the outbox looks for due packets; each packet's own retry time is the backoff. */
const OUTBOX_INTERVAL_MS = 60_000;

function openDatabase(): ApiContext {
  const dbPath = process.env.GENLOG_DB || join(app.getPath('userData'), DB_FILE_NAME);
  return createContext({
    dbPath, transport: 'electron', nativeBinding: electronNativeBinding(root, app.isPackaged), protector: protectorFromSafeStorage(safeStorage),
  });
}

function hardenSessions(): void {
  // No remote content, ever: deny every permission and every request that is not our own files.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const ok = details.url.startsWith('file://') || details.url.startsWith('devtools://') || details.url.startsWith('data:') || details.url.startsWith('blob:');
    callback({ cancel: !ok });
  });
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

function createWindow(): void {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const state = loadState(stateFile, screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    ...state,
    minWidth: 900,
    minHeight: 560,
    backgroundColor: '#15171a',
    title: 'GenLog',
    icon: join(root, 'assets', 'icon.png'),
    show: false,
    webPreferences: {
      preload: join(root, 'dist', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  mainWindow = win;
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  const remember = () => {
    if (win.isDestroyed()) return;
    saveState(stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() });
  };
  win.on('close', remember);
  void win.loadFile(indexHtml);
}

function installMenu(): void {
  const send = (command: Parameters<Parameters<typeof menuTemplate>[1]['send']>[0]) => mainWindow?.webContents.send(MENU_CHANNEL, command);
  const template = menuTemplate(process.platform, {
    send,
    openDataFolder: () => void shell.openPath(ctx?.dataDir ?? app.getPath('userData')),
    about: () => void dialog.showMessageBox({ type: 'info', title: 'About GenLog', message: `GenLog ${app.getVersion()}`, detail: `Data folder: ${ctx?.dataDir ?? ''}` }),
  }, !app.isPackaged);
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.whenReady().then(() => {
    hardenSessions();
    try {
      ctx = openDatabase();
    } catch (err) {
      dialog.showErrorBox('GenLog cannot open its database', (err as Error).message);
      app.exit(1);
      return;
    }
    registerApiIpc(ipcMain, methodTable, ctx, makeSenderCheck(() => mainWindow?.webContents, indexUrl));
    // Rounds are no-ops until an SMTP server is set in settings, so a server set later is used without a restart.
    outbox = new OutboxWorker(ctx, { onRound: ({ run, error }) => console.log('[outbox]', error ? error.message : JSON.stringify(run)) });
    outbox.start(OUTBOX_INTERVAL_MS);
    // Watch folders fill the inbox while the app is open (a catch-up scan first); a folder's problem never stops the app.
    void startWatchRunner(ctx, {}, (e) => { if (e.type === 'error') console.warn('[watch]', e.message); })
      .then((runner) => { watchRunner = runner; }, (err: unknown) => console.warn('[watch] not started:', String(err)));
    // A copy of the log a day, the newest seven kept, in the data folder's backups/ (Settings > Data lists them).
    autoBackups = startAutoBackups(ctx, (round) => {
      if (round instanceof Error) console.warn('[backup]', round.message);
      else if (round.made) console.log('[backup]', round.made.path, round.made.problems.length ? `holds ${round.made.problems.length} problem(s)` : 'checks out');
    });
    installMenu();
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  }).catch((err: unknown) => {
    dialog.showErrorBox('GenLog failed to start', String(err));
    app.exit(1);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event) => {
    // Let a send in progress record its result before the db closes (else it would come back as 'unknown').
    if (outbox && !quitting) {
      event.preventDefault();
      quitting = true;
      void Promise.all([outbox.stop(), watchRunner?.stop(), autoBackups?.stop()]).finally(() => app.quit());
      return;
    }
    ctx?.db.close();
  });
}
