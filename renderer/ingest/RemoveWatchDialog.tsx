import { useState } from 'react';
import { useStores } from '../app/stores-context';
import { Dialog } from '../ui/Dialog';
import type { WatchFolder } from './types';

/**
 * Removing stops the watching only: files already in the New files inbox, and everything logged, stay.
 * `onClose(true)` once the folder is removed, `onClose(false)` when the user keeps it.
 */
export function RemoveWatchDialog({ folder, onClose }: { folder: WatchFolder; onClose(removed: boolean): void }) {
  const { watchFolders } = useStores();
  const [busy, setBusy] = useState(false);
  async function remove() {
    setBusy(true);
    const res = await watchFolders.getState().remove(folder.id);
    setBusy(false);
    if (res.ok) onClose(true);
  }
  return (
    <Dialog title="Stop watching this folder?" confirmLabel="Remove watch folder" danger busy={busy} onConfirm={() => void remove()} onCancel={() => onClose(false)}>
      <p className="dialog-text mono">{folder.path}</p>
      <p className="dialog-text">
        GenLog stops looking for new files there. The inbox history is kept: drafts it found stay in the New files inbox
        (pending ones can still be confirmed), and nothing already logged changes. The folder and its files are not touched.
      </p>
    </Dialog>
  );
}
