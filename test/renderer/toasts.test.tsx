// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { StoresProvider } from '../../renderer/app/stores-context';
import type { Stores } from '../../renderer/stores';
import { createNotificationStore, NOTICE_MS } from '../../renderer/stores/notifications';
import { Toasts } from '../../renderer/ui/Toasts';

/** A clock the test moves by hand: the store is given its setTimeout. */
function manualClock() {
  let now = 0;
  let timers: { at: number; fn: () => void }[] = [];
  const setTimeout = ((fn: () => void, ms: number) => {
    timers.push({ at: now + ms, fn });
    return timers.length;
  }) as unknown as typeof globalThis.setTimeout;
  const advance = (ms: number) => {
    now += ms;
    const due = timers.filter((t) => t.at <= now);
    timers = timers.filter((t) => t.at > now);
    for (const t of due) t.fn();
  };
  return { setTimeout, advance };
}

describe('notifications', () => {
  afterEach(cleanup);

  it('close on their own: errors after 10 s, confirmations sooner; a repeat gets its full time again', () => {
    const clock = manualClock();
    const store = createNotificationStore(clock);
    store.getState().push('error', 'Could not add tool: the name is taken.');
    store.getState().push('success', 'Tool added.');
    expect(NOTICE_MS.error).toBe(10_000);
    expect(NOTICE_MS.success).toBeLessThan(NOTICE_MS.error);
    clock.advance(NOTICE_MS.success);
    expect(store.getState().notices.map((n) => n.message)).toEqual(['Could not add tool: the name is taken.']);
    clock.advance(9000);
    store.getState().push('error', 'Could not add tool: the name is taken.');
    store.getState().push('error', 'Could not add tool: the name is taken.');
    clock.advance(2000);
    expect(store.getState().notices).toHaveLength(1);
    clock.advance(NOTICE_MS.error);
    expect(store.getState().notices).toEqual([]);
  });

  it('keep an error that lists several failures until it is dismissed', () => {
    const clock = manualClock();
    const store = createNotificationStore(clock);
    const id = store.getState().push('error', 'Logged 1 new asset. 2 could not be logged and stay selected:\na.exr: needs a tool\nb.exr: needs a tool');
    clock.advance(10 * NOTICE_MS.error);
    expect(store.getState().notices).toHaveLength(1);
    store.getState().dismiss(id);
    expect(store.getState().notices).toEqual([]);
  });

  it('stay while the pointer is over them or focus is inside, and can still be dismissed', () => {
    const clock = manualClock();
    const notifications = createNotificationStore(clock);
    render(<StoresProvider stores={{ notifications } as unknown as Stores}><Toasts /></StoresProvider>);
    act(() => void notifications.getState().push('error', 'Could not save the tool.'));
    const area = screen.getByLabelText('Notifications');
    expect(within(area).getByRole('alert').textContent).toBe('Could not save the tool.×');

    fireEvent.mouseEnter(area);
    act(() => clock.advance(NOTICE_MS.error * 3));
    expect(within(area).getByRole('alert')).toBeTruthy();
    fireEvent.mouseLeave(area);
    act(() => clock.advance(NOTICE_MS.error - 1));
    expect(within(area).getByRole('alert')).toBeTruthy();
    act(() => clock.advance(1));
    expect(within(area).queryByRole('alert')).toBeNull();

    // Focus inside (a keyboard user on the × button) holds them too.
    act(() => void notifications.getState().push('error', 'Could not add tool.'));
    act(() => void notifications.getState().push('info', 'Select an asset first.'));
    const close = within(area).getAllByRole('button', { name: 'Dismiss' });
    act(() => close[1]!.focus());
    act(() => clock.advance(NOTICE_MS.error * 2));
    expect(area.querySelectorAll('.toast')).toHaveLength(2);
    // Dismissing the focused one takes the focus with it: the rest time out again.
    fireEvent.click(close[1]!);
    expect(within(area).getAllByRole('alert')).toHaveLength(1);
    act(() => clock.advance(NOTICE_MS.error));
    expect(area.querySelectorAll('.toast')).toHaveLength(0);
  });
});
