import { createStore } from 'zustand/vanilla';

export type DialogKind = 'retag' | 'retire';

/** Places keyboard focus can be sent to from elsewhere (a shortcut, the menu, another pane). */
export type FocusTarget = 'search' | 'table' | 'detail';

export interface UiState {
  /** The screen shown in the main area: an id from the screen registry (app/screens). */
  screen: string;
  detailOpen: boolean;
  detailTab: string;
  dialog: DialogKind | null;
  /**
   * A pending focus request. The component owning the target focuses itself and clears it, also when it mounts
   * later (Ctrl+F from the settings page shows the log, then focuses its search box).
   */
  focusRequest: FocusTarget | null;
  /** Opens the file picker (the hidden <input type=file> lives in the app shell). */
  filePick: number;
  navigate(screen: string): void;
  setDetailOpen(open: boolean): void;
  setDetailTab(tab: string): void;
  openDialog(kind: DialogKind | null): void;
  focusSearch(): void;
  focusDetail(): void;
  focusTable(): void;
  /** Called by the target once it has taken focus. */
  focusTaken(target: FocusTarget): void;
  pickFiles(): void;
}

export function createUiStore() {
  return createStore<UiState>()((set, get) => ({
    screen: 'log',
    detailOpen: true,
    detailTab: 'details',
    dialog: null,
    // The app opens on the log with its table focused: the arrow keys work at once.
    focusRequest: 'table',
    filePick: 0,
    navigate: (screen) => set({ screen }),
    setDetailOpen: (detailOpen) => set({ detailOpen }),
    setDetailTab: (detailTab) => set({ detailTab }),
    openDialog: (dialog) => set({ dialog }),
    focusSearch: () => set({ screen: 'log', focusRequest: 'search' }),
    focusDetail: () => set({ detailOpen: true, focusRequest: 'detail' }),
    focusTable: () => set({ focusRequest: 'table' }),
    focusTaken: (target) => {
      if (get().focusRequest === target) set({ focusRequest: null });
    },
    pickFiles: () => set((s) => ({ filePick: s.filePick + 1 })),
  }));
}

export type UiStore = ReturnType<typeof createUiStore>;
