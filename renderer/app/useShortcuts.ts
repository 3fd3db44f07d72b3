import { useEffect } from 'react';
import type { DesktopBridge } from '../../preload/desktop-bridge';
import type { Stores } from '../stores';
import { GLOBAL_SHORTCUTS, isMac, runCommand } from './shortcuts';

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Global shortcuts. In the desktop app the native menu owns the Ctrl/Cmd accelerators and sends the same
 * commands, so the page only listens to the menu there; in a browser the page handles the keys itself.
 */
export function useShortcuts(stores: Stores, desktop: DesktopBridge | null): void {
  useEffect(() => {
    if (desktop) return desktop.onMenuCommand((command) => runCommand(stores, command));
    return undefined;
  }, [stores, desktop]);

  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      // Any open modal dialog (the folder ingest's result too): "/" or Ctrl+1 would take the keyboard out of it.
      const modal = stores.ui.getState().dialog !== null || stores.ingest.getState().phase !== 'closed'
        || document.querySelector('[aria-modal="true"]') !== null;
      if (modal) return;
      const mod = isMac() ? e.metaKey : e.ctrlKey;
      if (mod && !e.altKey && !desktop) {
        const hit = GLOBAL_SHORTCUTS.find((s) => s.key === e.key.toLowerCase());
        if (hit) {
          e.preventDefault();
          runCommand(stores, hit.command);
        }
        return;
      }
      if (e.key === '/' && !mod && !typingIn(e.target)) {
        e.preventDefault();
        runCommand(stores, 'focus-search');
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [stores, desktop]);
}
