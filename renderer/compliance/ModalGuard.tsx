import type { ReactNode } from 'react';

/**
 * Keeps Ctrl/Cmd shortcuts (go to another screen, log files) from reaching the window while a compliance dialog
 * is open: they would unmount the dialog and lose what was typed. Copy, paste and Ctrl+Enter still work.
 */
export function ModalGuard({ children }: { children: ReactNode }) {
  return (
    <div className="modal-guard" onKeyDown={(e) => { if (e.ctrlKey || e.metaKey) e.stopPropagation(); }}>
      {children}
    </div>
  );
}
