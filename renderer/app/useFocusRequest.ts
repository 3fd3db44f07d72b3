import { useEffect } from 'react';
import type { FocusTarget } from '../stores/ui-store';
import { useApp, useStores } from './stores-context';

/** Focuses this component's element when focus is requested for `target` (see UiState.focusRequest). */
export function useFocusRequest(target: FocusTarget, focus: () => boolean): void {
  const { ui } = useStores();
  const requested = useApp('ui', (s) => s.focusRequest === target);
  useEffect(() => {
    // The element may not exist yet (the detail of an asset still loading): keep the request until it does.
    if (requested && focus()) ui.getState().focusTaken(target);
  });
}
