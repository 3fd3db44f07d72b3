// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createStore } from 'zustand/vanilla';
import { StoresProvider } from '../../renderer/app/stores-context';
import type { Stores } from '../../renderer/stores';
import { FolderIngestResult } from '../../renderer/ingest/FolderIngestResult';
import type { IngestJob } from '../../renderer/ingest/types';
import { nothingLoggedText } from '../../renderer/stores/folder-ingest-store';
import { createNotificationStore } from '../../renderer/stores/notifications';
import { Toasts } from '../../renderer/ui/Toasts';
import { Dialog } from '../../renderer/ui/Dialog';
import { useShortcuts } from '../../renderer/app/useShortcuts';

const user = userEvent.setup({ delay: null });

/** A finished folder ingest as the API reports it: `logged` new assets, and the other lists as given. */
function finishedJob(over: Partial<IngestJob> & { logged: number }): IngestJob {
  const assets = Array.from({ length: over.logged }, (_, i) => ({
    id: i + 1, duplicate: false, path: `/renders/concept_prop_v${String(i).padStart(4, '0')}_final.png`,
    fileName: `concept_prop_v${String(i).padStart(4, '0')}_final.png`, foundPath: null, frameRange: null, tool: 'Firefly',
  }));
  return {
    jobId: 'j1', state: 'done', paths: ['/renders'], duplicates: 0, needTool: [], skipped: [], unreadable: [], gaps: [], sameFrames: [], alerts: [],
    notReached: 0, error: null, startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:01:00Z',
    progress: {
      phase: 'done', filesTotal: over.logged, filesDone: over.logged, filesReused: 0, bytesTotal: 0, bytesDone: 0, etaSeconds: null,
      itemsTotal: over.logged, itemsLogged: over.logged, duplicates: 0,
    },
    assets,
    ...over,
  } as unknown as IngestJob;
}

function renderResult(job: IngestJob) {
  const close = vi.fn();
  const stores = {
    folderIngest: createStore(() => ({ job, cancelAsked: false, close, logAgainWithTool: vi.fn() })),
    catalog: createStore(() => ({ tools: [{ id: 1, name: 'Firefly' }], productions: [] })),
  } as unknown as Stores;
  render(<StoresProvider stores={stores}><FolderIngestResult /></StoresProvider>);
  return { close };
}

/** 1,306 new assets, 2,000 files naming no tool, 25 provenance alerts and a sequence with missing frames. */
const bigJob = () => finishedJob({
  logged: 1306,
  needTool: Array.from({ length: 2000 }, (_, i) => `/renders/untagged/plate_${i}.exr`),
  gaps: [{ path: '/renders/shot_v001.####.exr', missingFrames: [1004] }],
  alerts: Array.from({ length: 25 }, (_, i) => ({ assetId: i + 1, fileName: `concept_prop_v${i}.png`, messages: ['C2PA: the signature does not match'] })),
});

describe('the folder ingest result from the keyboard', () => {
  afterEach(cleanup);

  it('reaches each long list with Tab (named, a Tab stop of its own) and the Tab trap wraps through them', async () => {
    renderResult(bigJob());
    const dialog = screen.getByRole('dialog', { name: 'Logged 1,306 new assets' });
    const lists = [
      within(dialog).getByRole('list', { name: 'Logged assets' }),
      within(dialog).getByRole('list', { name: 'Provenance needs a look' }),
      within(dialog).getByRole('list', { name: 'Missing frames' }),
      within(dialog).getByRole('list', { name: '2,000 files or sequences name no listed tool: choose their tool below' }),
    ];
    for (const list of lists) expect(list.tabIndex).toBe(0);
    const done = within(dialog).getByRole('button', { name: 'Done' });
    done.focus();
    // From Done (the last), Tab goes round to the first list, not back to Done; Shift+Tab from there returns to Done.
    await user.tab();
    expect(document.activeElement).toBe(lists[0]);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(done);
    // Going forward, Tab stops on every list in turn.
    const reached = new Set<Element | null>();
    for (let i = 0; i < 12 && !reached.has(done); i++) {
      await user.tab();
      reached.add(document.activeElement);
    }
    for (const list of lists) expect(reached.has(list)).toBe(true);
  });

  it('leaves the scrolling keys to a focused list, and Enter there closes as the hint says', async () => {
    const { close } = renderResult(bigJob());
    const dialog = screen.getByRole('dialog', { name: 'Logged 1,306 new assets' });
    expect(dialog.textContent).toContain('Enter or Esc closes');
    const list = within(dialog).getByRole('list', { name: 'Logged assets' });
    list.focus();
    for (const key of ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'End', 'Home', ' ']) {
      // Not cancelled: the browser scrolls the focused box.
      expect(fireEvent.keyDown(list, { key })).toBe(true);
    }
    expect(close).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('keeps the keyboard in the dialog: "/" and Ctrl+1 do not reach the log behind it', async () => {
    const focusSearch = vi.fn();
    const navigate = vi.fn();
    const stores = {
      folderIngest: createStore(() => ({ job: bigJob(), cancelAsked: false, close: vi.fn() })),
      catalog: createStore(() => ({ tools: [], productions: [] })),
      ui: createStore(() => ({ dialog: null, focusSearch, navigate, focusTable: vi.fn() })),
      ingest: createStore(() => ({ phase: 'closed' })),
      detail: createStore(() => ({ asset: null })),
    } as unknown as Stores;
    function Shell() {
      useShortcuts(stores, null);
      return <FolderIngestResult />;
    }
    render(<StoresProvider stores={stores}><Shell /></StoresProvider>);
    const list = screen.getByRole('list', { name: 'Logged assets' });
    list.focus();
    await user.keyboard('/');
    await user.keyboard('{Control>}1{/Control}');
    expect(focusSearch).not.toHaveBeenCalled();
    expect(navigate).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(list);
  });
});

describe('the folder ingest result\'s wording', () => {
  afterEach(cleanup);

  it('formats every count, and says the reason once for a group of files in plain words', () => {
    renderResult(bigJob());
    const dialog = screen.getByRole('dialog', { name: 'Logged 1,306 new assets' });
    const group = within(dialog).getByRole('region', { name: '2,000 files or sequences name no listed tool: choose their tool below' });
    expect(within(group).getByRole('heading').textContent).toBe('2,000 files or sequences name no listed tool: choose their tool below');
    expect(within(dialog).getByRole('list', { name: 'Ingest summary' }).textContent).toMatch(/2,000 files or sequences name no listed tool: not logged/);
    expect(within(dialog).getByLabelText('Tool for the 2,000 not logged').tagName).toBe('SELECT');
    expect(within(group).getByRole('button', { name: 'Show all 2,000' })).toBeTruthy();
  });

  it('says "Nothing new logged" rather than "Logged 0 new assets", and the notification says why with counts formatted', () => {
    const job = finishedJob({ logged: 0, duplicates: 1306, assets: [] });
    renderResult(job);
    expect(screen.getByRole('dialog', { name: 'Nothing new logged' })).toBeTruthy();
    expect(nothingLoggedText(job)).toBe('Nothing new was logged from the folder: all 1,306 were already in the log.');
  });
});

describe('notifications while a dialog is open', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('keep room below a tall dialog, so they do not cover its footer (buttons, key hint) nor its content', () => {
    // The layout of a 1024 x 768 window: the notifications bottom left (50 px tall), a 620 px dialog across them whose
    // content is taller than the window (its body scrolls).
    const rects: Record<string, Partial<DOMRect>> = {
      toasts: { left: 188, right: 568, top: 706, bottom: 756, height: 50, width: 380 },
      dialog: { left: 202, right: 822, top: 24, bottom: 744, height: 720, width: 620 },
    };
    let content = 2000;
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      const key = Object.keys(rects).find((k) => this.classList.contains(k));
      return { x: 0, y: 0, left: 0, right: 0, top: 0, bottom: 0, width: 0, height: 0, ...(key ? rects[key] : {}), toJSON: () => ({}) } as DOMRect;
    });
    vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('dialog-body') ? content : 0;
    });
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('dialog-body') ? 600 : 0;
    });
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(768);
    const notifications = createNotificationStore();
    render(
      <StoresProvider stores={{ notifications } as unknown as Stores}>
        <Toasts />
        <Dialog title="Logged 1,306 new assets" confirmLabel="Done" hideCancel onConfirm={() => undefined} onCancel={() => undefined}>
          <p>…</p>
        </Dialog>
      </StoresProvider>,
    );
    const room = () => document.documentElement.style.getPropertyValue('--toasts-room');
    expect(room()).toBe('');
    act(() => { notifications.getState().push('success', 'Logged 1,306 new assets from the folder.'); });
    // The dialog ends 8 px above them: 12 + 50 + 8 px at the bottom, less its own 24 px margin.
    expect(room()).toBe('46px');
    // A short dialog, centred well above them, does not move when one appears.
    rects.dialog = { left: 202, right: 822, top: 234, bottom: 534, height: 300, width: 620 };
    content = 600;
    act(() => { notifications.getState().push('info', 'Another.'); });
    expect(room()).toBe('');
    // Room is kept only while they are shown.
    rects.dialog = { left: 202, right: 822, top: 24, bottom: 744, height: 720, width: 620 };
    content = 2000;
    act(() => { notifications.getState().push('info', 'A third.'); });
    expect(room()).toBe('46px');
    act(() => { for (const n of notifications.getState().notices) notifications.getState().dismiss(n.id); });
    expect(room()).toBe('');
  });
});
