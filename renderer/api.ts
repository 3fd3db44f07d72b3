import type { GenlogClient } from '../main/api/table';
import type { DesktopBridge } from '../preload/desktop-bridge';
import { createHttpClient } from './http-client';
import { pathStager, uploadStager, type FileStager } from './file-stager';

const TOKEN_KEY = 'genlog.token';

export interface Connection {
  api: GenlogClient;
  files: FileStager;
  /** The Electron bridge, for menu commands; null in a browser. */
  desktop: DesktopBridge | null;
}

/**
 * `genlog serve` prints a URL with a one-run token. Keep it for this tab only and take it out of the address bar
 * so it does not end up in history, bookmarks or screenshots.
 */
export function takeServeToken(win: Window = window): string | null {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    win.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    win.history.replaceState(win.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  return win.sessionStorage.getItem(TOKEN_KEY);
}

/** The API object the UI talks to: the preload's inside Electron, an HTTP client under `genlog serve`. */
export function connect(win: Window = window): Connection | null {
  const desktop = win.genlogDesktop;
  if (desktop) return { api: desktop.api, files: pathStager((f) => desktop.pathForFile(f)), desktop };
  const token = takeServeToken(win);
  if (!token) return null;
  return { api: createHttpClient(token), files: uploadStager(token), desktop: null };
}
