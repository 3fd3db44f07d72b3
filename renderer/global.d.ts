import type { DesktopBridge } from '../preload/desktop-bridge';

declare global {
  interface Window {
    /** Present only inside the Electron app (put there by the preload). */
    genlogDesktop?: DesktopBridge;
  }
}

export {};
