import { useEffect } from 'react';
import type { DesktopBridge } from '../../preload/desktop-bridge';
import type { Stores } from '../stores';
import { FileIntake } from '../logging/FileIntake';
import { LogFilesDialog } from '../logging/LogFilesDialog';
import { Toasts } from '../ui/Toasts';
import { Nav } from './Nav';
import { findScreen } from './screens';
import { StoresProvider, useApp, useStores } from './stores-context';
import { useShortcuts } from './useShortcuts';

/** How often the production and tool lists are loaded again. */
const CATALOG_RELOAD_MS = 10_000;

export interface AppProps {
  stores: Stores;
  /** The Electron bridge (menu commands); null in a browser and in tests. */
  desktop?: DesktopBridge | null;
}

export function App({ stores, desktop = null }: AppProps) {
  return (
    <StoresProvider stores={stores}>
      <Shell desktop={desktop} />
    </StoresProvider>
  );
}

function Shell({ desktop }: { desktop: DesktopBridge | null }) {
  const stores = useStores();
  const screen = useApp('ui', (s) => s.screen);
  useShortcuts(stores, desktop);

  useEffect(() => {
    void stores.settings.getState().load();
    void stores.catalog.getState().load();
    void stores.folderIngest.getState().resume();
    // A tool or production added elsewhere (a CLI, another window) must reach the pickers: a draft naming a tool the
    // list did not have yet showed another tool than the one it would be logged with.
    const t = setInterval(() => void stores.catalog.getState().reloadQuietly(), CATALOG_RELOAD_MS);
    return () => clearInterval(t);
  }, [stores]);

  const { Component } = findScreen(screen);
  return (
    <div className="app">
      <Nav mode={desktop ? 'desktop' : 'browser'} />
      <main className="workspace">
        <Component />
      </main>
      <FileIntake />
      <LogFilesDialog />
      <Toasts />
    </div>
  );
}
